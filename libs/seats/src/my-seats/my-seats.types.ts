import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AppointmentKind } from '../appointments/appointment.entity';
import { NominationRequestStatus } from '../nominations/nomination-request.entity';

@ObjectType({ description: 'A seat the signed-in person holds or will hold: group, organisation, term, and the principal when they are a substitute.' })
export class MySeat {
  @Field(() => ID) appointmentId: string;
  @Field(() => AppointmentKind) kind: AppointmentKind;
  @Field(() => ID) workingGroupId: string;
  @Field() workingGroupName: string;
  @Field() organisationName: string;
  @Field(() => Int) seatNumber: number;
  @Field(() => Int) termNumber: number;
  @Field({ description: 'YYYY-MM-DD' }) startsOn: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; none for an open-ended term.' }) endsOn: string | null;
  @Field(() => String, { nullable: true, description: 'For a substitute: the seat’s current principal.' }) principalName: string | null;
}

@ObjectType({ description: 'A nomination request to an organisation whose contact the signed-in person is, still waiting for the nomination.' })
export class MyNominationRequest {
  @Field(() => ID) id: string;
  @Field() organisationName: string;
  @Field(() => ID) workingGroupId: string;
  @Field() workingGroupName: string;
  @Field(() => Int) seatsRequested: number;
  @Field({ description: 'YYYY-MM-DD' }) deadline: string;
  @Field(() => NominationRequestStatus) status: NominationRequestStatus;
}
