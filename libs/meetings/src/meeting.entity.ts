import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { InterestDeclaration } from './interest-declaration.entity';

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

export enum InvitationRole {
  CHAIR = 'chair',
  MEMBER = 'member',
  SUBSTITUTE = 'substitute',
  GUEST = 'guest',
}
registerEnumType(InvitationRole, { name: 'InvitationRole', description: 'Why the person is invited; substitutes are informed (optional participants).' });

export enum RsvpAnswer {
  PENDING = 'pending',
  YES = 'yes',
  NO = 'no',
  MAYBE = 'maybe',
  SUBSTITUTE = 'substitute',
}
registerEnumType(RsvpAnswer, { name: 'RsvpAnswer', description: 'pending: not answered (again) yet; substitute: my substitute comes instead.' });

export enum Attendance {
  PRESENT = 'present',
  ABSENT = 'absent',
  APOLOGIES = 'apologies',
  SUBSTITUTED = 'substituted',
}
registerEnumType(Attendance, { name: 'Attendance', description: 'apologies: absent with notice (anmält förhinder / afbud); substituted: someone sat in.' });

export enum MinutesStatus {
  DRAFT = 'draft',
  IN_APPROVAL = 'in_approval',
  APPROVED = 'approved',
}
registerEnumType(MinutesStatus, { name: 'MinutesStatus', description: 'in_approval: sent to the adjusters (justering / justering); approved minutes never change.' });

export enum ActionItemStatus {
  OPEN = 'open',
  IN_PROGRESS = 'in_progress',
  DONE = 'done',
  CANCELLED = 'cancelled',
}
registerEnumType(ActionItemStatus, { name: 'ActionItemStatus' });

export enum PollAnswer {
  YES = 'yes',
  IF_NEED_BE = 'if_need_be',
  NO = 'no',
}
registerEnumType(PollAnswer, { name: 'PollAnswer' });

export enum RegistrationStatus {
  CONFIRMED = 'confirmed',
  WAITLISTED = 'waitlisted',
  CANCELLED = 'cancelled',
}
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });

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

@ObjectType()
@Entity('agenda_item')
export class AgendaItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  meetingId: string;

  @Field(() => Int, { description: '1, 2, 3 … (§ number).' })
  @Column({ type: 'int' })
  position: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  durationMinutes: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  presenterPersonId: string | null;

  @Field(() => String, { nullable: true, description: 'A presenter without a person record (e.g. an external speaker).' })
  @Column({ type: 'text', nullable: true })
  presenterName: string | null;

  @Field(() => ID, { nullable: true, description: 'The deliverable discussed under this item.' })
  @Column({ type: 'uuid', nullable: true })
  deliverableId: string | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  decisionExpected: boolean;
}

@ObjectType()
@Entity('invitation')
export class Invitation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  meetingId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => InvitationRole)
  @Column({ type: 'text', default: 'member' })
  role: InvitationRole;

  @Field(() => ID, { nullable: true, description: 'The seat the person represents, if any.' })
  @Column({ type: 'uuid', nullable: true })
  seatId: string | null;

  @Field(() => RsvpAnswer)
  @Column({ type: 'text', default: 'pending' })
  rsvp: RsvpAnswer;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  substitutePersonId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  substituteName: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Field(() => Attendance, { nullable: true })
  @Column({ type: 'text', nullable: true })
  attendance: Attendance | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  substitutedByPersonId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  substitutedByName: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  invitedAt: Date;
}

@ObjectType()
@Entity('minutes')
export class Minutes {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  meetingId: string;

  @Field(() => MinutesStatus)
  @Column({ type: 'text', default: 'draft' })
  status: MinutesStatus;

  @Field({ description: 'General notes (plain text).' })
  @Column({ type: 'text', default: '' })
  body: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  sentForApprovalAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@ObjectType()
@Entity('minutes_adjuster')
export class MinutesAdjuster {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  minutesId: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
}

@ObjectType()
@Entity('minutes_note')
export class MinutesNote {
  @PrimaryColumn({ type: 'uuid' })
  minutesId: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  agendaItemId: string;

  @Field()
  @Column({ type: 'text' })
  text: string;
}

@ObjectType()
@Entity('decision')
export class Decision {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  minutesId: string;

  @Field(() => Int, { description: 'Numbered 1, 2, 3 … within the minutes.' })
  @Column({ type: 'int' })
  number: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

@ObjectType()
@Entity('action_item')
export class ActionItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  minutesId: string;

  @Field(() => ID, { description: 'The meeting that decided it.' })
  @Column({ type: 'uuid' })
  meetingId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  assigneePersonId: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Field(() => ActionItemStatus)
  @Column({ type: 'text', default: 'open' })
  status: ActionItemStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** A declared conflict of interest (jäv / inhabilitet) on one agenda item. */
@ObjectType()
@Entity('conflict_of_interest')
export class ConflictOfInterest {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  minutesId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  agendaItemId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId: string;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field({ description: 'Whether the person left the room during the item.' })
  @Column({ type: 'boolean', default: true })
  leftRoom: boolean;
}

@ObjectType()
@Entity('date_poll')
export class DatePoll {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  workingGroupId: string | null;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => MeetingKind)
  @Column({ type: 'text', default: 'meeting' })
  kind: MeetingKind;

  @Field()
  @Column({ type: 'text' })
  timeZone: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  onlineUrl: string | null;

  @Field()
  @Column({ type: 'text', default: 'open' })
  status: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  chosenOptionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The meeting created from the chosen option.' })
  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

@ObjectType()
@Entity('date_poll_option')
export class DatePollOption {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pollId: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  endsAt: Date;
}

@Entity('date_poll_answer')
export class DatePollAnswer {
  @PrimaryColumn({ type: 'uuid' })
  optionId: string;

  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  answer: PollAnswer;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  answeredAt: Date;
}

/** An external sign-up for an open event (no account needed). */
@ObjectType()
@Entity('registration')
export class Registration {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  meetingId: string;

  @Field()
  @Column({ type: 'text' })
  fullName: string;

  @Column({ type: 'text' })
  email: string;

  /** The address as compared (lower case, trimmed): one registration per person and event. */
  @Column({ type: 'text', nullable: true, generatedType: 'STORED', asExpression: 'lower(btrim(email))', insert: false, update: false, select: false })
  emailKey: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  organisation: string | null;

  @Column({ type: 'text', default: 'sv' })
  locale: string;

  @Field(() => RegistrationStatus)
  @Column({ type: 'text' })
  status: RegistrationStatus;

  @Column({ type: 'text' })
  cancelTokenHash: string;

  /** The client address of an anonymous registration (for its rate limit). */
  @Column({ type: 'text', nullable: true, select: false })
  registeredFrom: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}

@Entity('calendar_feed_token')
export class CalendarFeedToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

export const MEETING_ENTITIES = [
  Meeting,
  AgendaItem,
  Invitation,
  Minutes,
  MinutesAdjuster,
  MinutesNote,
  Decision,
  ActionItem,
  ConflictOfInterest,
  DatePoll,
  DatePollOption,
  DatePollAnswer,
  Registration,
  CalendarFeedToken,
  InterestDeclaration,
];
