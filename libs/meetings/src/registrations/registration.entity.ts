import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum RegistrationStatus {
  CONFIRMED = 'confirmed',
  WAITLISTED = 'waitlisted',
  CANCELLED = 'cancelled',
}
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });

/** An external sign-up for an open event (no account needed). */
@ObjectType()
@Entity('registration')
export class Registration {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  meetingId: string;

  @Field()
  @Column({ type: 'text' })
  fullName: string;

  @Column({ type: 'text' })
  email: string;

  /** The address as compared (lower case, trimmed): one registration per person and event. */
  @Column({ type: 'text', nullable: true, generatedType: 'STORED', asExpression: 'lower(btrim(email))', insert: false, update: false, select: false })
  emailKey: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  organisation: string | null;

  @Column({ type: 'text', default: 'sv' })
  locale: string;

  @Field(() => RegistrationStatus)
  @Column({ type: 'text' })
  status: RegistrationStatus;

  @Column({ type: 'text' })
  cancelTokenHash: string;

  /** The client address of an anonymous registration (for its rate limit). */
  @Column({ type: 'text', nullable: true, select: false })
  registeredFrom: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
