import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A numbered goal such as "2.2"; the number before the dot is its priority area. */
@ObjectType()
@Entity('goal')
export class Goal {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  strategyId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  priorityAreaId: string;

  @Column({ type: 'int' })
  areaNumber: number;

  @Field({ description: 'e.g. "4.4".' })
  @Column({ type: 'text' })
  code: string;

  @Field()
  @Column({ type: 'text' })
  text: string;
}
