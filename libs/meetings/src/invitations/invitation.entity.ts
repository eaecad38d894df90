import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum InvitationRole {
  CHAIR = 'chair',
  MEMBER = 'member',
  SUBSTITUTE = 'substitute',
  GUEST = 'guest',
}
registerEnumType(InvitationRole, { name: 'InvitationRole', description: 'Why the person is invited; substitutes are informed (optional participants).' });

export enum RsvpAnswer {
  PENDING = 'pending',
  YES = 'yes',
  NO = 'no',
  MAYBE = 'maybe',
  SUBSTITUTE = 'substitute',
}
registerEnumType(RsvpAnswer, { name: 'RsvpAnswer', description: 'pending: not answered (again) yet; substitute: my substitute comes instead.' });

export enum Attendance {
  PRESENT = 'present',
  ABSENT = 'absent',
  APOLOGIES = 'apologies',
  SUBSTITUTED = 'substituted',
}
registerEnumType(Attendance, { name: 'Attendance', description: 'apologies: absent with notice (anmält förhinder / afbud); substituted: someone sat in.' });

@ObjectType()
@Entity('invitation')
export class Invitation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  meetingId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => InvitationRole)
  @Column({ type: 'text', default: 'member' })
  role: InvitationRole;

  @Field(() => ID, { nullable: true, description: 'The seat the person represents, if any.' })
  @Column({ type: 'uuid', nullable: true })
  seatId: string | null;

  @Field(() => RsvpAnswer)
  @Column({ type: 'text', default: 'pending' })
  rsvp: RsvpAnswer;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  substitutePersonId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  substituteName: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Field(() => Attendance, { nullable: true })
  @Column({ type: 'text', nullable: true })
  attendance: Attendance | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  substitutedByPersonId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  substitutedByName: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  invitedAt: Date;
}
