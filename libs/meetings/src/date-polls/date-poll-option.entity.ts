import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity('date_poll_option')
export class DatePollOption {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pollId: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  endsAt: Date;
}
