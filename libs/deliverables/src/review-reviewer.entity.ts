import { Field, ID, ObjectType } from '@nestjs/graphql';
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
}
