import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateTimeInput, DateTimeScalar, IsDateOnly, IsDateTimeInput, IsTimeZone } from '@samverkan/core';
import { LocaleCode } from '@samverkan/people';
import { ActionItemStatus, Attendance, MeetingKind, MeetingStatus, PollAnswer, RsvpAnswer } from './meeting.entity';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType()
export class AgendaItemInput {
  @Field()
  @IsString()
  @Length(1, 500)
  title: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @Field(() => Int, { defaultValue: 0, description: 'Minutes planned for the item.' })
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  presenterPersonId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  presenterName?: string;

  @Field(() => ID, { nullable: true, description: 'A deliverable discussed under the item.' })
  @IsOptional()
  @IsUUID()
  deliverableId?: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  decisionExpected: boolean;
}

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

@InputType()
export class SetAgendaInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field(() => [AgendaItemInput], { description: 'The whole agenda in order; replaces the current one.' })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInput)
  @ArrayMaxSize(200)
  items: AgendaItemInput[];
}

@InputType()
export class RsvpInput {
  @Field(() => RsvpAnswer)
  @IsEnum(RsvpAnswer)
  answer: RsvpAnswer;

  @Field(() => ID, { nullable: true, description: 'Who comes instead (answer SUBSTITUTE); defaults to the seat’s current substitute.' })
  @IsOptional()
  @IsUUID()
  substitutePersonId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  substituteName?: string;
}

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

@InputType()
export class MinutesNoteInput {
  @Field(() => ID)
  @IsUUID()
  agendaItemId: string;

  @Field()
  @IsString()
  @MaxLength(50000)
  text: string;
}

@InputType()
export class DecisionInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agendaItemId?: string;

  @Field()
  @IsString()
  @Length(1, 10000)
  text: string;
}

@InputType()
export class ActionItemInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agendaItemId?: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  title: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  assigneePersonId?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsDateOnly()
  dueOn?: string;
}

@InputType()
export class ConflictOfInterestInput {
  @Field(() => ID)
  @IsUUID()
  agendaItemId: string;

  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  reason: string;

  @Field({ defaultValue: true })
  @IsBoolean()
  leftRoom: boolean;
}

/** The draft as a whole: saving replaces notes, decisions (renumbered 1…n), action items and declarations. */
@InputType()
export class SaveMinutesInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(100000)
  body: string;

  @Field(() => [MinutesNoteInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => MinutesNoteInput)
  @ArrayMaxSize(200)
  notes: MinutesNoteInput[];

  @Field(() => [DecisionInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => DecisionInput)
  @ArrayMaxSize(500)
  decisions: DecisionInput[];

  @Field(() => [ActionItemInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => ActionItemInput)
  @ArrayMaxSize(500)
  actionItems: ActionItemInput[];

  @Field(() => [ConflictOfInterestInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => ConflictOfInterestInput)
  @ArrayMaxSize(500)
  conflictsOfInterest: ConflictOfInterestInput[];
}

@InputType()
export class SendMinutesForApprovalInput {
  @Field(() => ID)
  @IsUUID()
  minutesId: string;

  @Field(() => [ID], { description: 'The adjusters (justerare / referentgodkendere) who approve the minutes.' })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  adjusterIds: string[];
}

@InputType()
export class UpdateActionItemInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => ActionItemStatus)
  @IsEnum(ActionItemStatus)
  status: ActionItemStatus;
}

@InputType()
export class PollOptionInput {
  @Field(() => DateTimeScalar)
  @IsDateTimeInput()
  startsAt: DateTimeInput;

  @Field(() => DateTimeScalar)
  @IsDateTimeInput()
  endsAt: DateTimeInput;
}

@InputType()
export class CreateDatePollInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  commissionId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;

  @Field()
  @IsString()
  @Length(1, 300)
  title: string;

  @Field(() => MeetingKind, { defaultValue: MeetingKind.MEETING })
  @IsEnum(MeetingKind)
  kind: MeetingKind;

  @Field()
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

  @Field(() => [PollOptionInput])
  @ValidateNested({ each: true })
  @Type(() => PollOptionInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  options: PollOptionInput[];
}

@InputType()
export class PollVoteInput {
  @Field(() => ID)
  @IsUUID()
  optionId: string;

  @Field(() => PollAnswer)
  @IsEnum(PollAnswer)
  answer: PollAnswer;
}

@InputType()
export class AnswerDatePollInput {
  @Field(() => ID)
  @IsUUID()
  pollId: string;

  @Field(() => [PollVoteInput])
  @ValidateNested({ each: true })
  @Type(() => PollVoteInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  votes: PollVoteInput[];
}

@InputType()
export class RegisterForEventInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field()
  @IsString()
  @Length(1, 300)
  fullName: string;

  @Field()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  organisation?: string;

  @Field(() => LocaleCode, { nullable: true })
  @IsOptional()
  @IsEnum(LocaleCode)
  locale?: LocaleCode;
}

@InputType({ description: 'A conflict of interest (jäv) you declare on an agenda item of a meeting you are invited to, before it starts.' })
export class DeclareConflictOfInterestInput {
  @Field(() => ID)
  @IsUUID()
  agendaItemId: string;

  @Field({ description: 'Why, e.g. "I sit on the board of the applicant". 1–2000 characters.' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
