import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum SeatRole {
  MEMBER = 'member',
  CHAIR = 'chair',
  EXPERT = 'expert',
  OBSERVER = 'observer',
}
registerEnumType(SeatRole, { name: 'SeatRole' });

export enum AppointmentKind {
  PRINCIPAL = 'principal',
  SUBSTITUTE = 'substitute',
}
registerEnumType(AppointmentKind, { name: 'AppointmentKind', description: 'Ordinary member (principal) or substitute (suppleant / stedfortræder).' });

export enum NominationRequestStatus {
  SENT = 'sent',
  ANSWERED = 'answered',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(NominationRequestStatus, { name: 'NominationRequestStatus' });

/** Seats of a group given to one organisation: "Lægeforeningen (2)". */
@ObjectType()
@Entity('seat_allocation')
export class SeatAllocation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  workingGroupId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  nominatingOrganisationId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  seatCount: number;

  @Field(() => SeatRole)
  @Column({ type: 'text', default: 'member' })
  role: SeatRole;

  @Field(() => String, { nullable: true, description: 'e.g. "hospital" or "general practice".' })
  @Column({ type: 'text', nullable: true })
  requiredPerspective: string | null;

  @Field({ description: 'Whether a woman and a man must both be proposed (Ligestillingsloven § 8–9).' })
  @Column({ type: 'boolean', default: false })
  requiresGenderPair: boolean;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  termMonths: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  maxConsecutiveTerms: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

@ObjectType()
@Entity('seat')
export class Seat {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  allocationId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  /** A seat never held is vacant since then (a new allocation, or a raised count). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** A person holding a seat from–to, as principal or substitute. */
@ObjectType()
@Entity('appointment')
export class Appointment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  seatId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => AppointmentKind)
  @Column({ type: 'text', default: 'principal' })
  kind: AppointmentKind;

  @Field()
  @Column({ type: 'date' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Open-ended when empty.' })
  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  termNumber: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  nominationId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  endedReason: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** A request to an organisation to nominate people for an allocation. */
@ObjectType()
@Entity('nomination_request')
export class NominationRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  allocationId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid', nullable: true })
  contactPersonId: string | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  seatsRequested: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Field()
  @Column({ type: 'date' })
  deadline: string;

  @Field(() => NominationRequestStatus)
  @Column({ type: 'text', default: 'sent' })
  status: NominationRequestStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;

  @Column({ type: 'uuid', nullable: true })
  sentBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}

/** An organisation's answer: the people it proposes. */
@ObjectType()
@Entity('nomination')
export class Nomination {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Field(() => String, { nullable: true, description: 'Why the gender rule is not met, where it is not.' })
  @Column({ type: 'text', nullable: true })
  genderRuleReason: string | null;

  @Field()
  @Column({ type: 'boolean' })
  compliesWithGenderRule: boolean;
}

@Entity('nomination_candidate')
export class NominationCandidate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  nominationId: string;

  @Column({ type: 'uuid' })
  personId: string;

  @Column({ type: 'text', nullable: true })
  gender: string | null;

  @Column({ type: 'text', nullable: true })
  perspective: string | null;

  @Column({ type: 'int', default: 1 })
  rank: number;
}
