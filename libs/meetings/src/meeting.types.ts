import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { Connection, ConnectionArgs, DateTimeInput, DateTimeScalar, IsDateTimeInput } from '@samverkan/core';
import { Meeting } from './meeting.entity';

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
