import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum DeliverableKind {
  REPORT = 'report',
  INTERIM_REPORT = 'interim_report',
  FINAL_REPORT = 'final_report',
  MEMO = 'memo',
  PROPOSAL = 'proposal',
  DATASET = 'dataset',
  EVENT = 'event',
}
registerEnumType(DeliverableKind, { name: 'DeliverableKind' });

export enum DeliverableStatus {
  PLANNED = 'planned',
  IN_PROGRESS = 'in_progress',
  IN_REVIEW = 'in_review',
  APPROVED = 'approved',
  DELIVERED = 'delivered',
  CANCELLED = 'cancelled',
}
registerEnumType(DeliverableStatus, {
  name: 'DeliverableStatus',
  description: 'planned → in progress → in review → approved → delivered, or cancelled. See `allowedTransitions`.',
});

/** What a group owes and when: a report, a memo, a proposal, an event… */
@ObjectType()
@Entity('deliverable')
export class Deliverable {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field(() => ID, { nullable: true, description: 'Empty for a deliverable of the whole commission.' })
  @Column({ type: 'uuid', nullable: true })
  workingGroupId: string | null;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => DeliverableKind)
  @Column({ type: 'text' })
  kind: DeliverableKind;

  @Field({ description: 'Due date, YYYY-MM-DD.' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => DeliverableStatus)
  @Column({ type: 'text', default: 'planned' })
  status: DeliverableStatus;

  @Column({ type: 'uuid', nullable: true })
  responsiblePersonId: string | null;

  @Field(() => String, { nullable: true, description: 'Set when delivered, YYYY-MM-DD.' })
  @Column({ type: 'date', nullable: true })
  deliveredOn: string | null;

  @Field(() => String, { nullable: true, description: 'Where the delivered work is published.' })
  @Column({ type: 'text', nullable: true })
  publishedUrl: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('deliverable_goal')
export class DeliverableGoal {
  @PrimaryColumn({ type: 'uuid' })
  deliverableId: string;

  @PrimaryColumn({ type: 'uuid' })
  goalId: string;
}

@Entity('deliverable_objective')
export class DeliverableObjective {
  @PrimaryColumn({ type: 'uuid' })
  deliverableId: string;

  @Column({ type: 'uuid' })
  commissionId: string;

  @PrimaryColumn({ type: 'uuid' })
  objectiveId: string;
}

/** A moved due date: never silent, always with its reason, who and when. */
@ObjectType()
@Entity('deliverable_deadline_change')
export class DeliverableDeadlineChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  deliverableId: string;

  @Field()
  @Column({ type: 'date' })
  oldDueOn: string;

  @Field()
  @Column({ type: 'date' })
  newDueOn: string;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  changedBy: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;
}

/** One uploaded version of a deliverable's document, stored by content hash. */
@ObjectType()
@Entity('document_version')
export class DocumentVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  deliverableId: string;

  @Field({ description: '1, 2, 3… per deliverable.' })
  @Column({ type: 'int' })
  number: number;

  @Field({ description: 'sha-256 of the content, hex.' })
  @Column({ type: 'text' })
  contentHash: string;

  @Field({ description: 'Bytes.' })
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  sizeBytes: number;

  @Field({ description: 'Found by reading the content, not taken from the upload header.' })
  @Column({ type: 'text' })
  mediaType: string;

  @Field()
  @Column({ type: 'text' })
  filename: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  uploadedAt: Date;
}
