import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A lettered objective of the terms of reference: a, b, c… */
@ObjectType()
@Entity('commission_objective')
export class CommissionObjective {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field()
  @Column({ type: 'text' })
  letter: string;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  addedByAmendmentId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  withdrawnByAmendmentId: string | null;
}
