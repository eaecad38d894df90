import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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
