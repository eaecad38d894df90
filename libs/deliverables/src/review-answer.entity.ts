import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ReviewVerdict {
  APPROVE = 'approve',
  REQUEST_CHANGES = 'request_changes',
  COMMENT = 'comment',
}
registerEnumType(ReviewVerdict, { name: 'ReviewVerdict' });

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
