import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ReviewRoundStatus {
  OPEN = 'open',
  CLOSED = 'closed',
}
registerEnumType(ReviewRoundStatus, { name: 'ReviewRoundStatus' });

export enum ReviewOutcome {
  APPROVED = 'approved',
  CHANGES_REQUESTED = 'changes_requested',
  INCONCLUSIVE = 'inconclusive',
}
registerEnumType(ReviewOutcome, {
  name: 'ReviewOutcome',
  description: 'approved moves the deliverable to approved, changes_requested back to in progress, inconclusive leaves it in review.',
});

/** A review of one document version by named reviewers, until a deadline. */
@ObjectType()
@Entity('review_round')
export class ReviewRound {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  deliverableId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  versionId: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ type: 'date' })
  deadline: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Field(() => ReviewRoundStatus)
  @Column({ type: 'text', default: 'open' })
  status: ReviewRoundStatus;

  @Field(() => ReviewOutcome, { nullable: true })
  @Column({ type: 'text', nullable: true })
  outcome: ReviewOutcome | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  outcomeNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  openedBy: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  openedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  closedBy: string | null;

  @Field(() => Int, { description: 'How many times the secretariat reminded the reviewers who had not answered (remindReviewers).' })
  @Column({ type: 'int', default: 0 })
  remindersSent: number;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastRemindedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
