import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An amendment to the mandate (tilläggsdirektiv): a new deadline and/or objectives. */
@ObjectType()
@Entity('commission_amendment')
export class CommissionAmendment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field()
  @Column({ type: 'date' })
  decidedOn: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  referenceNumber: string | null;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  previousDeadline: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  newDeadline: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
