import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsDateOnly } from '@samverkan/core';
import { AppointmentKind } from './appointment.entity';

@InputType()
export class AppointInput {
  @Field(() => ID, { nullable: true, description: 'A specific seat; or give allocationId to take the first vacant seat.' })
  @IsOptional()
  @IsUUID()
  seatId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  allocationId?: string;

  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field(() => AppointmentKind, { defaultValue: AppointmentKind.PRINCIPAL })
  @IsEnum(AppointmentKind)
  kind: AppointmentKind;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly()
  startsOn: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD; empty for open-ended (or the allocation’s term length).' })
  @IsOptional()
  @IsDateOnly()
  endsOn?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  nominationId?: string;
}

@InputType()
export class EndAppointmentInput {
  @Field(() => ID)
  @IsUUID()
  appointmentId: string;

  @Field({ description: 'YYYY-MM-DD: the last day in the seat.' })
  @IsDateOnly()
  endsOn: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  reason: string;
}
