import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity('agenda_item')
export class AgendaItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  meetingId: string;

  @Field(() => Int, { description: '1, 2, 3 … (§ number).' })
  @Column({ type: 'int' })
  position: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  durationMinutes: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  presenterPersonId: string | null;

  @Field(() => String, { nullable: true, description: 'A presenter without a person record (e.g. an external speaker).' })
  @Column({ type: 'text', nullable: true })
  presenterName: string | null;

  @Field(() => ID, { nullable: true, description: 'The deliverable discussed under this item.' })
  @Column({ type: 'uuid', nullable: true })
  deliverableId: string | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  decisionExpected: boolean;
}
