import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A declared conflict of interest (jäv / inhabilitet) on one agenda item. */
@ObjectType()
@Entity('conflict_of_interest')
export class ConflictOfInterest {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  minutesId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  agendaItemId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId: string;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field({ description: 'Whether the person left the room during the item.' })
  @Column({ type: 'boolean', default: true })
  leftRoom: boolean;
}
