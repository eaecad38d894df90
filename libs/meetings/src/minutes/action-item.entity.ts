import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ActionItemStatus {
  OPEN = 'open',
  IN_PROGRESS = 'in_progress',
  DONE = 'done',
  CANCELLED = 'cancelled',
}
registerEnumType(ActionItemStatus, { name: 'ActionItemStatus' });

@ObjectType()
@Entity('action_item')
export class ActionItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  minutesId: string;

  @Field(() => ID, { description: 'The meeting that decided it.' })
  @Column({ type: 'uuid' })
  meetingId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  assigneePersonId: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Field(() => ActionItemStatus)
  @Column({ type: 'text', default: 'open' })
  status: ActionItemStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
