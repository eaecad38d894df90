import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Attendance } from '../invitations/invitation.entity';

@InputType()
export class AttendanceEntryInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field(() => Attendance)
  @IsEnum(Attendance)
  attendance: Attendance;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  substitutedByPersonId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  substitutedByName?: string;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field(() => [AttendanceEntryInput])
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  entries: AttendanceEntryInput[];
}
