import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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
