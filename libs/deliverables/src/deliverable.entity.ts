import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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

  /** The indicator as the list's own statement computed it (`deliverable_health`, today in the commission's time zone); not a column. */
  healthToday?: string | null;
}
