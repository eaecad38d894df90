import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

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

export enum ReviewVerdict {
  APPROVE = 'approve',
  REQUEST_CHANGES = 'request_changes',
  COMMENT = 'comment',
}
registerEnumType(ReviewVerdict, { name: 'ReviewVerdict' });

export enum AnchorKind {
  GENERAL = 'general',
  SECTION = 'section',
  PAGE = 'page',
  LINE = 'line',
}
registerEnumType(AnchorKind, { name: 'AnchorKind', description: 'Where in the document a comment points; general has no anchor.' });

export enum CommentDecision {
  ACCEPTED = 'accepted',
  PARTLY = 'partly',
  REJECTED = 'rejected',
}
registerEnumType(CommentDecision, { name: 'CommentDecision', description: 'The secretariat’s decision on a comment (accepted, partly accepted, rejected).' });

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

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

/** A person named to review in a round, on behalf of an organisation. */
@ObjectType()
@Entity('review_reviewer')
export class ReviewReviewer {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  invitedAt: Date;
}

@ObjectType()
@Entity('review_answer')
export class ReviewAnswer {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  roundId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => ReviewVerdict)
  @Column({ type: 'text' })
  verdict: ReviewVerdict;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  answeredAt: Date;
}

/** One line of the comment matrix (synpunktsmatris). */
@ObjectType()
@Entity('review_comment')
export class ReviewComment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  roundId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => Int, { description: 'Running number within the round: the matrix line.' })
  @Column({ type: 'int' })
  number: number;

  @Field(() => AnchorKind)
  @Column({ type: 'text' })
  anchorKind: AnchorKind;

  @Field(() => String, { nullable: true, description: 'e.g. "3.2", "12", "140–152".' })
  @Column({ type: 'text', nullable: true })
  anchor: string | null;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  proposedWording: string | null;

  @Field(() => String, { nullable: true, description: 'The secretariat’s response.' })
  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Field(() => CommentDecision, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decision: CommentDecision | null;

  @Column({ type: 'uuid', nullable: true })
  respondedBy: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
