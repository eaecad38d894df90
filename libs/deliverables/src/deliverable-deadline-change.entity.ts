import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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
