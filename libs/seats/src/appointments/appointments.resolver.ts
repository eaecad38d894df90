import { GraphQLResolveInfo } from 'graphql';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessService } from '@samverkan/access';
import { Allow, Ctx, GqlContext, gqlCtx, Permission, RequestContext } from '@samverkan/core';
import { PeopleService, Person } from '@samverkan/people';
import { AppointmentsService } from './appointments.service';
import { Appointment } from './appointment.entity';
import { Seat } from '../seat.entity';
import { AppointInput, EndAppointmentInput } from './appointment.inputs';
import { AppointmentStatus, TimeServed } from './appointment.types';
import { SeatsService } from '../seats.service';

@Resolver(() => Appointment)
export class AppointmentResolver {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly people: PeopleService,
    private readonly seats: SeatsService,
  ) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => Appointment, { description: 'Appoints a person to a seat (principal or substitute) for a term.' })
  appoint(@Ctx() ctx: RequestContext, @Args('input') input: AppointInput) {
    return this.appointments.appoint(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Appointment)
  endAppointment(@Ctx() ctx: RequestContext, @Args('input') input: EndAppointmentInput) {
    return this.appointments.end(ctx, input);
  }

  // A hot list field (the dashboard): (parent, args, context) without parameter decorators, see gqlCtx.
  @ResolveField(() => Person)
  person(appointment: Appointment, _args: unknown, context: GqlContext, info: GraphQLResolveInfo) {
    return this.people.load(gqlCtx(context), appointment.personId, info);
  }

  @ResolveField(() => Seat)
  seat(@Ctx() ctx: RequestContext, @Parent() appointment: Appointment) {
    return this.seats.loadSeat(ctx, appointment.seatId);
  }

  @ResolveField(() => AppointmentStatus)
  status(@Parent() appointment: Appointment & { status?: AppointmentStatus }) {
    return appointment.status ?? this.appointments.statusOf(appointment);
  }
}

@Resolver(() => Person)
export class PersonSeatsResolver {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly people: PeopleService,
    private readonly access: AccessService,
  ) {}

  @ResolveField('appointments', () => [Appointment], { description: 'Every seat the person has held.' })
  appointmentList(@Ctx() ctx: RequestContext, @Parent() person: Person) {
    return this.appointments.appointmentsOfPerson(ctx, person.id);
  }

  @Allow(Permission.Authenticated)
  @Query(() => TimeServed, { description: 'Days a person has served in principal seats.' })
  async timeServed(@Ctx() ctx: RequestContext, @Args('personId', { type: () => ID }) personId: string): Promise<TimeServed> {
    const person = await this.people.get(personId);
    const served = await this.appointments.timeServed(personId);
    return { person, ...served };
  }
}
