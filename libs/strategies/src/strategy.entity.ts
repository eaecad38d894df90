import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A national strategy with numbered priority areas and goals (e.g. the life-science strategy). */
@ObjectType()
@Entity('strategy')
export class Strategy {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date.' })
  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

@ObjectType()
@Entity('priority_area')
export class PriorityArea {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  strategyId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  number: number;

  @Field()
  @Column({ type: 'text' })
  title: string;
}

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
