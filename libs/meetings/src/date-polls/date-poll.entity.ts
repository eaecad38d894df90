import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MeetingKind } from '../meeting.entity';

@ObjectType()
@Entity('date_poll')
export class DatePoll {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  workingGroupId: string | null;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => MeetingKind)
  @Column({ type: 'text', default: 'meeting' })
  kind: MeetingKind;

  @Field()
  @Column({ type: 'text' })
  timeZone: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  onlineUrl: string | null;

  @Field()
  @Column({ type: 'text', default: 'open' })
  status: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  chosenOptionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The meeting created from the chosen option.' })
  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
