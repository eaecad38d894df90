import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessService } from '@samverkan/access';
import { Commission } from '@samverkan/commissions';
import { Allow, Ctx, GqlContext, Permission, RequestContext, gqlCtx } from '@samverkan/core';
import { Organisation, OrganisationsService } from '@samverkan/organisations';
import { Person, PeopleService } from '@samverkan/people';
import { WorkingGroup, WorkingGroupsService } from '@samverkan/working-groups';
import { AppointmentsService } from './appointments.service';
import { NominationsService } from './nominations.service';
import { Appointment, Nomination, NominationRequest, Seat, SeatAllocation } from './seat.entity';
import { AppointInput, ChangeSeatCountInput, CreateSeatAllocationInput, EndAppointmentInput, RequestNominationInput, SubmitNominationInput } from './seat.inputs';
import { AllocationCompliance, AppointmentStatus, CompositionReport, GenderBalance, SeatStatus, TimeServed } from './seat.types';
import { SeatsService } from './seats.service';

@Resolver(() => SeatAllocation)
export class SeatAllocationResolver {
  constructor(
    private readonly seats: SeatsService,
    private readonly nominations: NominationsService,
    private readonly organisations: OrganisationsService,
    private readonly groups: WorkingGroupsService,
  ) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => SeatAllocation, { description: 'Allocates seats in a group to an organisation.' })
  createSeatAllocation(@Ctx() ctx: RequestContext, @Args('input') input: CreateSeatAllocationInput) {
    return this.seats.createAllocation(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => SeatAllocation, { description: 'Raises or lowers the seat count; never below the seats filled.' })
  changeSeatCount(@Ctx() ctx: RequestContext, @Args('input') input: ChangeSeatCountInput) {
    return this.seats.changeCount(ctx, input);
  }

  // Hot list fields (the dashboard) take (parent, args, context) without parameter decorators: see gqlCtx.
  @ResolveField(() => Organisation)
  organisation(allocation: SeatAllocation, _args: unknown, context: GqlContext) {
    return this.organisations.load(gqlCtx(context), allocation.organisationId);
  }

  @ResolveField(() => Organisation)
  nominatingOrganisation(@Ctx() ctx: RequestContext, @Parent() allocation: SeatAllocation) {
    return this.organisations.load(ctx, allocation.nominatingOrganisationId);
  }

  @ResolveField(() => WorkingGroup)
  workingGroup(@Ctx() ctx: RequestContext, @Parent() allocation: SeatAllocation) {
    return this.groups.load(ctx, allocation.workingGroupId);
  }

  @ResolveField('seats', () => [Seat])
  seatList(allocation: SeatAllocation, _args: unknown, context: GqlContext) {
    return this.seats.seatsOf(gqlCtx(context), allocation.id);
  }

  @ResolveField(() => Int, { description: 'Seats whose principal term runs today (status FILLED; holdovers are counted in holdoverCount). filledCount + holdoverCount + vacantCount = the active seats.' })
  async filledCount(@Ctx() ctx: RequestContext, @Parent() allocation: SeatAllocation) {
    return (await this.seats.statusCounts(ctx, allocation.id))[SeatStatus.FILLED];
  }

  @ResolveField(() => Int, { description: 'Seats held over: the term ended and the holder sits on until a successor starts (status HOLDOVER).' })
  async holdoverCount(@Ctx() ctx: RequestContext, @Parent() allocation: SeatAllocation) {
    return (await this.seats.statusCounts(ctx, allocation.id))[SeatStatus.HOLDOVER];
  }

  @ResolveField(() => Int, { description: 'Seats nobody sits in (status VACANT; the seats vacantSeats lists).' })
  async vacantCount(@Ctx() ctx: RequestContext, @Parent() allocation: SeatAllocation) {
    return (await this.seats.statusCounts(ctx, allocation.id))[SeatStatus.VACANT];
  }

  @ResolveField(() => [NominationRequest], { description: 'Secretariat only.' })
  async nominationRequests(@Ctx() ctx: RequestContext, @Parent() allocation: SeatAllocation) {
    await this.seats.getAllocation(ctx, allocation.id, 'manage');
    return this.nominations.requestsOf(ctx, allocation.id);
  }
}

@Resolver(() => Seat)
export class SeatResolver {
  constructor(private readonly seats: SeatsService) {}

  // Hot list fields (the dashboard) take (parent, args, context) without parameter decorators: see gqlCtx.
  @ResolveField(() => SeatStatus)
  async status(seat: Seat & { status?: SeatStatus }, _args: unknown, context: GqlContext) {
    return seat.status ?? (await this.seats.occupancy(gqlCtx(context), seat.id)).status;
  }

  @ResolveField(() => Appointment, { nullable: true, description: 'The principal sitting now (or holding over).' })
  async currentAppointment(seat: Seat, _args: unknown, context: GqlContext) {
    return (await this.seats.occupancy(gqlCtx(context), seat.id)).principal ?? null;
  }

  @ResolveField(() => Appointment, { nullable: true })
  async currentSubstitute(@Ctx() ctx: RequestContext, @Parent() seat: Seat) {
    return (await this.seats.occupancy(ctx, seat.id)).substitute ?? null;
  }

  @ResolveField(() => SeatAllocation)
  allocation(@Ctx() ctx: RequestContext, @Parent() seat: Seat) {
    return this.seats.loadAllocation(ctx, seat.allocationId);
  }
}

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
  person(appointment: Appointment, _args: unknown, context: GqlContext) {
    return this.people.load(gqlCtx(context), appointment.personId);
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

@Resolver(() => NominationRequest)
export class NominationResolver {
  constructor(
    private readonly nominations: NominationsService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => NominationRequest, { description: 'Asks an organisation to nominate people for an allocation.' })
  requestNomination(@Ctx() ctx: RequestContext, @Args('input') input: RequestNominationInput) {
    return this.nominations.request(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Nomination, { description: 'Records the people an organisation proposes.' })
  submitNomination(@Ctx() ctx: RequestContext, @Args('input') input: SubmitNominationInput) {
    return this.nominations.submit(ctx, input);
  }

  @ResolveField(() => Organisation)
  organisation(@Ctx() ctx: RequestContext, @Parent() request: NominationRequest) {
    return this.organisations.load(ctx, request.organisationId);
  }

  @ResolveField('nominations', () => [Nomination])
  nominationList(@Parent() request: NominationRequest) {
    return this.nominations.nominationsOf(request.id);
  }
}

@Resolver(() => Nomination)
export class NominationCandidatesResolver {
  constructor(private readonly nominations: NominationsService) {}

  @ResolveField(() => [Person])
  candidates(@Parent() nomination: Nomination) {
    return this.nominations.candidatesOf(nomination.id);
  }
}

@Resolver(() => WorkingGroup)
export class GroupSeatsResolver {
  constructor(
    private readonly seats: SeatsService,
    private readonly nominations: NominationsService,
    private readonly groups: WorkingGroupsService,
    private readonly access: AccessService,
  ) {}

  // A hot list field (the dashboard): (parent, args, context) without parameter decorators, see gqlCtx.
  @ResolveField(() => [SeatAllocation])
  allocations(group: WorkingGroup, _args: unknown, context: GqlContext) {
    return this.seats.allocationsOf(gqlCtx(context), group.id);
  }

  @ResolveField(() => [Seat], { description: 'Vacant seats (status VACANT: nobody sits in them; a seat held over is not vacant).' })
  vacantSeats(@Parent() group: WorkingGroup, @Ctx() ctx: RequestContext) {
    return this.seats.vacantSeats(ctx, { workingGroupId: group.id });
  }

  @ResolveField(() => GenderBalance, { description: 'Of the current principal members (secretariat and commissioners).' })
  async genderBalance(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    await this.access.require(ctx, group.commissionId, 'oversee');
    return this.seats.balance(group.id);
  }

  @ResolveField(() => [AllocationCompliance], { description: 'Whether each allocation meets the gender rule (secretariat and commissioners).' })
  async genderCompliance(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    await this.access.require(ctx, group.commissionId, 'oversee');
    return this.nominations.compliance(ctx, group.id);
  }

  @ResolveField(() => CompositionReport, { description: 'The intended composition before appointment (secretariat).' })
  async compositionReport(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    await this.access.require(ctx, group.commissionId, 'manage');
    return this.nominations.compositionReport(ctx, group.id);
  }
}

@Resolver(() => Commission)
export class CommissionSeatsResolver {
  constructor(
    private readonly seats: SeatsService,
    private readonly appointments: AppointmentsService,
  ) {}

  @ResolveField(() => [Seat], { description: 'Vacant seats (status VACANT) across the commission\'s groups that have not concluded.' })
  vacantSeats(@Ctx() ctx: RequestContext, @Parent() commission: Commission) {
    return this.seats.vacantSeats(ctx, { commissionId: commission.id });
  }

  @ResolveField(() => [Appointment], { description: 'Principal terms ending within the given number of days (secretariat and commissioners).' })
  appointmentsEnding(@Ctx() ctx: RequestContext, @Parent() commission: Commission, @Args('withinDays', { type: () => Int, defaultValue: 60 }) withinDays: number) {
    return this.appointments.endingWithin(ctx, commission.id, Math.max(0, Math.min(withinDays, 3650)));
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
