import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum AppointmentKind {
  PRINCIPAL = 'principal',
  SUBSTITUTE = 'substitute',
}
registerEnumType(AppointmentKind, { name: 'AppointmentKind', description: 'Ordinary member (principal) or substitute (suppleant / stedfortræder).' });

/** A person holding a seat from–to, as principal or substitute. */
@ObjectType()
@Entity('appointment')
export class Appointment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  seatId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => AppointmentKind)
  @Column({ type: 'text', default: 'principal' })
  kind: AppointmentKind;

  @Field()
  @Column({ type: 'date' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Open-ended when empty.' })
  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  termNumber: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  nominationId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  endedReason: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
