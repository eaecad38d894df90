import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity('seat')
export class Seat {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  allocationId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  /** A seat never held is vacant since then (a new allocation, or a raised count). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
