import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RegistrationStatus } from './registration.entity';

@ObjectType()
export class RegistrationResult {
  @Field(() => ID)
  registrationId: string;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 = next), when waitlisted.' })
  waitlistPosition: number | null;
}
