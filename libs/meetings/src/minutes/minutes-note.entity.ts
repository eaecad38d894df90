import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType()
@Entity('minutes_note')
export class MinutesNote {
  @PrimaryColumn({ type: 'uuid' })
  minutesId: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  agendaItemId: string;

  @Field()
  @Column({ type: 'text' })
  text: string;
}
