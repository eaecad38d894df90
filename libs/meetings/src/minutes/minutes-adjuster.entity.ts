import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType()
@Entity('minutes_adjuster')
export class MinutesAdjuster {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  minutesId: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
}
