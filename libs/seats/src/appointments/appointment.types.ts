import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Person } from '@samverkan/people';

export enum AppointmentStatus {
  CURRENT = 'current',
  HOLDOVER = 'holdover',
  FUTURE = 'future',
  ENDED = 'ended',
}
registerEnumType(AppointmentStatus, { name: 'AppointmentStatus' });

@ObjectType()
export class TimeServed {
  @Field(() => Person)
  person: Person;

  @Field(() => Int, { description: 'Days in principal seats, up to today.' })
  days: number;

  @Field(() => Int)
  appointments: number;
}
