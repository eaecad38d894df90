import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { Connection, ConnectionArgs, DateTimeInput, DateTimeScalar, IsDateTimeInput } from '@samverkan/core';
import { DatePollOption, Meeting, PollAnswer, RegistrationStatus } from './meeting.entity';

@ObjectType()
export class MeetingConnection extends Connection(Meeting) {}

@ArgsType()
export class MeetingListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  commissionId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Meetings that end at or after this moment.' })
  @IsOptional()
  @IsDateTimeInput()
  from?: DateTimeInput;
}

/** Someone invited to two meetings whose times overlap. */
@ObjectType()
export class DoubleBooking {
  @Field(() => ID)
  personId: string;

  @Field()
  personName: string;

  @Field(() => ID)
  meetingId: string;

  @Field(() => ID, { nullable: true, description: 'The other meeting; empty when it is in a commission you cannot see.' })
  otherMeetingId: string | null;

  @Field(() => String, { nullable: true, description: 'Its title; empty when it is in a commission you cannot see.' })
  otherTitle: string | null;

  @Field(() => DateTimeScalar)
  otherStartsAt: Date;

  @Field(() => DateTimeScalar)
  otherEndsAt: Date;
}

@ObjectType({ description: 'A meeting as scheduled, with the invitees it double-books.' })
export class SchedulePayload {
  @Field(() => Meeting)
  meeting: Meeting;

  @Field(() => [DoubleBooking], { description: 'Invitees who are also invited to another meeting at an overlapping time.' })
  doubleBookings: DoubleBooking[];
}

@ObjectType({ description: 'Whether enough seats are represented for the group to decide.' })
export class Quorum {
  @Field(() => Int, { description: 'Seats of the group.' })
  seats: number;

  @Field(() => Float, { description: 'The group’s quorum share (0.5: more than half the seats).' })
  share: number;

  @Field(() => Int, { description: 'Seats that must be represented.' })
  required: number;

  @Field(() => Int, { description: 'Seats represented in the attendance record (present or substituted).' })
  represented: number;

  @Field()
  met: boolean;
}

@ObjectType({ description: 'Your answer to one option of a date poll.' })
export class PollVote {
  @Field(() => ID)
  optionId: string;

  @Field(() => PollAnswer)
  answer: PollAnswer;
}

@ObjectType()
export class PollOptionSummary {
  @Field(() => DatePollOption)
  option: DatePollOption;

  @Field(() => Int)
  yes: number;

  @Field(() => Int)
  ifNeedBe: number;

  @Field(() => Int)
  no: number;

  @Field({ description: 'The best option: most who can come (yes or if need be), then most yes, then the earliest.' })
  best: boolean;
}

@ObjectType()
export class CalendarFeed {
  @Field({ description: 'Subscribe to this address in a calendar app. Shown once; keep it secret.' })
  url: string;

  @Field({ description: 'The same token for a group’s feed: /calendar/<token>/groups/<groupId>.ics' })
  groupUrlTemplate: string;
}

@ObjectType({ description: 'Whether you have a calendar address now (its secret is shown only when it is made).' })
export class CalendarFeedStatus {
  @Field()
  active: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the address in use was made.' })
  createdAt: Date | null;
}

@ObjectType()
export class RegistrationResult {
  @Field(() => ID)
  registrationId: string;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 = next), when waitlisted.' })
  waitlistPosition: number | null;
}
