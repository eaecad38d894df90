import { GraphQLResolveInfo } from 'graphql';
import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessService } from '@samverkan/access';
import { Commission } from '@samverkan/commissions';
import { Ctx, GqlContext, gqlCtx, RequestContext } from '@samverkan/core';
import { WorkingGroup, WorkingGroupsService } from '@samverkan/working-groups';
import { AppointmentsService } from './appointments/appointments.service';
import { NominationsService } from './nominations/nominations.service';
import { Appointment } from './appointments/appointment.entity';
import { Seat } from './seat.entity';
import { SeatAllocation } from './allocations/seat-allocation.entity';
import { AllocationCompliance, CompositionReport, GenderBalance } from './balance/balance.types';
import { SeatStatus } from './seat.types';
import { SeatsService } from './seats.service';

@Resolver(() => Seat)
export class SeatResolver {
  constructor(private readonly seats: SeatsService) {}

  // Hot list fields (the dashboard) take (parent, args, context) without parameter decorators: see gqlCtx.
  @ResolveField(() => SeatStatus)
  async status(seat: Seat & { status?: SeatStatus }, _args: unknown, context: GqlContext, info: GraphQLResolveInfo) {
    return seat.status ?? (await this.seats.occupancy(gqlCtx(context), seat.id, info)).status;
  }

  @ResolveField(() => Appointment, { nullable: true, description: 'The principal sitting now (or holding over).' })
  async currentAppointment(seat: Seat, _args: unknown, context: GqlContext, info: GraphQLResolveInfo) {
    return (await this.seats.occupancy(gqlCtx(context), seat.id, info)).principal ?? null;
  }

  @ResolveField(() => Appointment, { nullable: true })
  async currentSubstitute(seat: Seat, _args: unknown, context: GqlContext, info: GraphQLResolveInfo) {
    return (await this.seats.occupancy(gqlCtx(context), seat.id, info)).substitute ?? null;
  }

  @ResolveField(() => SeatAllocation)
  allocation(@Ctx() ctx: RequestContext, @Parent() seat: Seat) {
    return this.seats.loadAllocation(ctx, seat.allocationId);
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
  allocations(group: WorkingGroup, _args: unknown, context: GqlContext, info: GraphQLResolveInfo) {
    return this.seats.allocationsOf(gqlCtx(context), group.id, info);
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

  // The commissioners read it too (issue 18): the intended composition is what they appoint from (Ligestillingsloven § 10).
  @ResolveField(() => CompositionReport, { description: 'The intended composition before appointment (secretariat and commissioners).' })
  async compositionReport(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    await this.access.require(ctx, group.commissionId, 'oversee');
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
