import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who opened a report page (commissioners are flagged), first and last time. */
@ObjectType()
@Entity('status_report_read')
export class StatusReportRead {
  @PrimaryColumn({ type: 'uuid' })
  reportId: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @Field()
  @Column({ type: 'boolean' })
  asCommissioner: boolean;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  firstOpenedAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  lastOpenedAt: Date;

  @Field(() => Int)
  @Column({ type: 'int' })
  openCount: number;
}
