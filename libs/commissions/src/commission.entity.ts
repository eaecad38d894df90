import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum CommissionKind {
  GOVERNMENT_ASSIGNMENT = 'government_assignment',
  MINISTERIAL_WORKING_GROUP = 'ministerial_working_group',
  STRATEGY_COLLABORATION_GROUP = 'strategy_collaboration_group',
  INNOVATION_PROGRAMME = 'innovation_programme',
  BOARD_WORKING_GROUP = 'board_working_group',
  INQUIRY = 'inquiry',
  OTHER = 'other',
}
registerEnumType(CommissionKind, { name: 'CommissionKind' });

export enum ReportCadence {
  MONTHLY = 'monthly',
  QUARTERLY = 'quarterly',
  HALF_YEARLY = 'half_yearly',
  YEARLY = 'yearly',
  /** Periods listed one by one (reports: `setCustomReportPeriods`). */
  CUSTOM = 'custom',
  NONE = 'none',
}
registerEnumType(ReportCadence, { name: 'ReportCadence' });

export enum CommissionStatus {
  PLANNED = 'planned',
  ACTIVE = 'active',
  REPORTED = 'reported',
  CONCLUDED = 'concluded',
}
registerEnumType(CommissionStatus, { name: 'CommissionStatus' });

export enum CommissionRoleName {
  SECRETARIAT = 'secretariat',
  CHAIR = 'chair',
  MEMBER = 'member',
  COMMISSIONER = 'commissioner',
  OBSERVER = 'observer',
}
registerEnumType(CommissionRoleName, { name: 'CommissionRoleName' });

/**
 * A commission: work given by a commissioning body (a government, a ministry, a
 * board) to a lead organisation, with terms of reference and a reporting deadline.
 */
@ObjectType()
@Entity('commission')
export class Commission {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => CommissionKind)
  @Column({ type: 'text' })
  kind: CommissionKind;

  @Column({ type: 'uuid' })
  commissioningBodyId: string;

  @Column({ type: 'uuid' })
  leadOrganisationId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  strategyId: string | null;

  @Field(() => String, { nullable: true, description: 'The commissioning body’s reference (diarienummer / journalnummer).' })
  @Column({ type: 'text', nullable: true })
  referenceNumber: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field({ description: 'ISO date.' })
  @Column({ type: 'date' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'The deadline in the original mandate.' })
  @Column({ type: 'date', nullable: true })
  initialReportingDeadline: string | null;

  @Field(() => String, { nullable: true, description: 'The deadline now in force (after amendments).' })
  @Column({ type: 'date', nullable: true })
  reportingDeadline: string | null;

  @Field(() => ReportCadence)
  @Column({ type: 'text', default: 'quarterly' })
  reportCadence: ReportCadence;

  @Field(() => CommissionStatus)
  @Column({ type: 'text', default: 'active' })
  status: CommissionStatus;

  @Field({ description: 'IANA time zone the commission works in.' })
  @Column({ type: 'text', default: 'Europe/Stockholm' })
  timeZone: string;

  @Field()
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** A lettered objective of the terms of reference: a, b, c… */
@ObjectType()
@Entity('commission_objective')
export class CommissionObjective {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field()
  @Column({ type: 'text' })
  letter: string;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  addedByAmendmentId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  withdrawnByAmendmentId: string | null;
}

/** An amendment to the mandate (tilläggsdirektiv): a new deadline and/or objectives. */
@ObjectType()
@Entity('commission_amendment')
export class CommissionAmendment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field()
  @Column({ type: 'date' })
  decidedOn: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  referenceNumber: string | null;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  previousDeadline: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  newDeadline: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

@ObjectType()
@Entity('commission_role')
export class CommissionRole {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => CommissionRoleName)
  @Column({ type: 'text' })
  role: CommissionRoleName;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

@Entity('commission_partner')
export class CommissionPartner {
  @PrimaryColumn({ type: 'uuid' })
  commissionId: string;

  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;
}

export enum EngagementKind {
  DIALOGUE = 'dialogue',
  WORKSHOP = 'workshop',
  REVIEWER = 'reviewer',
  NETWORK = 'network',
  CONSULTED = 'consulted',
  OTHER = 'other',
}
registerEnumType(EngagementKind, { name: 'EngagementKind' });

/** An organisation engaged outside the seats: a dialogue, a workshop, a network mapped… */
@ObjectType()
@Entity('stakeholder_engagement')
export class StakeholderEngagement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  organisationId: string;

  @Field(() => EngagementKind)
  @Column({ type: 'text' })
  how: EngagementKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  engagedOn: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
