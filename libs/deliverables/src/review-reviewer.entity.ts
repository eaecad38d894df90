import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

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

  @Field(() => Int, { description: 'Reminders the secretariat sent this reviewer (remindReviewers).' })
  @Column({ type: 'int', default: 0 })
  reminderCount: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the secretariat last reminded this reviewer.' })
  @Column({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null;
}
