import { Field, ID, ObjectType } from '@nestjs/graphql';
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
