import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum MeetingKind {
  MEETING = 'meeting',
  WORKSHOP = 'workshop',
  WEBINAR = 'webinar',
  DIALOGUE = 'dialogue',
}
registerEnumType(MeetingKind, { name: 'MeetingKind', description: 'Meeting (möte / møde), workshop, webinar, or stakeholder dialogue.' });

export enum MeetingStatus {
  PLANNED = 'planned',
  CONFIRMED = 'confirmed',
  CANCELLED = 'cancelled',
}
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });

/** A meeting, workshop, webinar or dialogue of a working group or a whole commission. */
@ObjectType()
@Entity('meeting')
export class Meeting {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field(() => ID, { nullable: true, description: 'Empty for a meeting of the whole commission.' })
  @Column({ type: 'uuid', nullable: true })
  workingGroupId: string | null;

  @Field(() => MeetingKind)
  @Column({ type: 'text' })
  kind: MeetingKind;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Field({ description: 'IANA time zone the meeting is held in, e.g. Europe/Copenhagen.' })
  @Column({ type: 'text' })
  timeZone: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  onlineUrl: string | null;

  @Field(() => MeetingStatus)
  @Column({ type: 'text', default: 'planned' })
  status: MeetingStatus;

  @Field(() => Int, { description: 'iCalendar SEQUENCE: grows with each change sent to the invitees.' })
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ type: 'uuid', nullable: true })
  organizerPersonId: string | null;

  @Field({ description: 'Open event: people without an account may register.' })
  @Column({ type: 'boolean', default: false })
  isOpen: boolean;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Field({ description: 'Whether registrations beyond the capacity join a waitlist (else they are refused).' })
  @Column({ type: 'boolean', default: true })
  waitlistOpen: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
