import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, IsUrl, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateTimeInput, DateTimeScalar, IsDateTimeInput, IsTimeZone } from '@samverkan/core';
import { AgendaItemInput } from './agenda/agenda.inputs';
import { MeetingKind, MeetingStatus } from './meeting.entity';

export const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType()
export class CreateMeetingInput {
  @Field(() => ID, { nullable: true, description: 'The commission; taken from the group when a group is given.' })
  @IsOptional()
  @IsUUID()
  commissionId?: string;

  @Field(() => ID, { nullable: true, description: 'Empty: a meeting of the whole commission.' })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;

  @Field(() => MeetingKind, { defaultValue: MeetingKind.MEETING })
  @IsEnum(MeetingKind)
  kind: MeetingKind;

  @Field()
  @IsString()
  @Length(1, 300)
  title: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @Field(() => DateTimeScalar)
  @IsDateTimeInput()
  startsAt: DateTimeInput;

  @Field(() => DateTimeScalar)
  @IsDateTimeInput()
  endsAt: DateTimeInput;

  @Field({ description: 'IANA time zone the meeting is held in, e.g. Europe/Copenhagen.' })
  @IsTimeZone()
  timeZone: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  place?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  onlineUrl?: string;

  @Field({ defaultValue: false, description: 'Open event: external registration without an account.' })
  @IsBoolean()
  isOpen: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number;

  @Field({ defaultValue: true })
  @IsBoolean()
  waitlistOpen: boolean;

  @Field(() => [AgendaItemInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInput)
  @ArrayMaxSize(200)
  agenda: AgendaItemInput[];

  @Field(() => [ID], { defaultValue: [], description: 'Guests invited besides the members who follow from the group’s appointments.' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(500)
  guestIds: string[];

  @Field({ defaultValue: true, description: 'Invite the group’s members (and inform their substitutes) at once.' })
  @IsBoolean()
  inviteMembers: boolean;
}

@InputType()
export class UpdateMeetingInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDateTimeInput()
  startsAt?: DateTimeInput;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDateTimeInput()
  endsAt?: DateTimeInput;

  @Field({ nullable: true })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  place?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  onlineUrl?: string;

  @Field(() => MeetingStatus, { nullable: true, description: 'planned or confirmed; use cancelMeeting to cancel.' })
  @IsOptional()
  @IsEnum(MeetingStatus)
  status?: MeetingStatus;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  waitlistOpen?: boolean;
}
