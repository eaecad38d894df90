import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportSnapshot, ReportSummary } from './report-snapshot';
import type { StoredSnapshotV2 } from './snapshot-store';

export enum ReportKindValue {
  SCHEDULED = 'scheduled',
  ON_DEMAND = 'on_demand',
}
registerEnumType(ReportKindValue, { name: 'ReportKind', description: 'scheduled: compiled by the worker for a period of the cadence; on_demand: asked for by the secretariat.' });

export enum RagValue {
  ON_TRACK = 'on_track',
  AT_RISK = 'at_risk',
  LATE = 'late',
  NO_DATA = 'no_data',
}
registerEnumType(RagValue, { name: 'Rag', description: 'Red/amber/green: late, at risk, on track; no data when nothing could be judged.' });

@ObjectType()
export class RagCountsType {
  @Field(() => Int) onTrack: number;
  @Field(() => Int) atRisk: number;
  @Field(() => Int) late: number;
  @Field(() => Int) noData: number;
}

@ObjectType('StatusReportSummary')
export class StatusReportSummaryType {
  @Field(() => RagCountsType, { description: 'Working groups by RAG.' }) groups: RagCountsType;
  @Field(() => RagCountsType, { description: 'Goals by RAG.' }) goals: RagCountsType;
  @Field(() => RagCountsType, { description: 'Deliverables by RAG.' }) deliverables: RagCountsType;
  @Field(() => Int) overdue: number;
  @Field(() => Int) seats: number;
  @Field(() => Int, { description: 'Seats whose principal term ran on the report\'s day (FILLED).' }) filled: number;
  @Field(() => Int, { description: 'Seats held over on the report\'s day (HOLDOVER): not vacant.' }) holdover: number;
  @Field(() => Int, { description: 'Seats nobody sat in on the report\'s day (VACANT). filled + holdover + vacant = seats.' }) vacant: number;
  @Field(() => Int, { description: 'Items new since the previous report.' }) newItems: number;
  @Field(() => Int) changedItems: number;
  @Field(() => Int) completedItems: number;
  @Field(() => Int) newlyLateItems: number;
}

/**
 * A status report: an immutable snapshot (the database refuses updates) of one
 * commission for one period.
 */
@ObjectType()
@Entity('status_report')
export class StatusReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field({ description: 'The period: `2025-03`, `2025-Q1`, `2025-H2`, `2025` or `2025-01-01..2025-02-15` (custom).' })
  @Column({ type: 'text' })
  periodKey: string;

  @Field()
  @Column({ type: 'date' })
  periodStart: string;

  @Field()
  @Column({ type: 'date' })
  periodEnd: string;

  @Field({ description: 'The day the figures are as of (the period end, or the day an on-demand report of a running period was made).' })
  @Column({ type: 'date' })
  asOf: string;

  @Field(() => ReportKindValue)
  @Column({ type: 'text' })
  kind: ReportKindValue;

  @Column({ type: 'uuid', nullable: true })
  previousReportId: string | null;

  @Field(() => RagValue, { description: 'The whole commission, by the roll-up rule.' })
  @Column({ type: 'text' })
  rag: RagValue;

  @Field({ description: 'Nothing was recorded in the period (the report still compiles and says so).' })
  @Column({ type: 'boolean' })
  isEmpty: boolean;

  @Column({ type: 'jsonb' })
  summary: ReportSummary;

  /** As stored: format 1 (the snapshot) or the compact format 2; read it through `expandSnapshot` (snapshot-store.ts). */
  @Column({ type: 'jsonb', select: false })
  snapshot?: ReportSnapshot | StoredSnapshotV2;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  compiledAt: Date;

  @Column({ type: 'uuid', nullable: true })
  compiledBy: string | null;

  @Field(() => Int, { description: 'How long compiling took, in milliseconds.' })
  @Column({ type: 'int' })
  compileMs: number;
}
