import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity('decision')
export class Decision {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  minutesId: string;

  @Field(() => Int, { description: 'Numbered 1, 2, 3 … within the minutes.' })
  @Column({ type: 'int' })
  number: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
