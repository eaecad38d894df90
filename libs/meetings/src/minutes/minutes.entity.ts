import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum MinutesStatus {
  DRAFT = 'draft',
  IN_APPROVAL = 'in_approval',
  APPROVED = 'approved',
}
registerEnumType(MinutesStatus, { name: 'MinutesStatus', description: 'in_approval: sent to the adjusters (justering / justering); approved minutes never change.' });

@ObjectType()
@Entity('minutes')
export class Minutes {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  meetingId: string;

  @Field(() => MinutesStatus)
  @Column({ type: 'text', default: 'draft' })
  status: MinutesStatus;

  @Field({ description: 'General notes (plain text).' })
  @Column({ type: 'text', default: '' })
  body: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  sentForApprovalAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
