import { GraphQLResolveInfo } from 'graphql';
import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GqlContext, gqlCtx, Permission, RequestContext } from '@samverkan/core';
import { Organisation, OrganisationsService } from '@samverkan/organisations';
import { WorkingGroup, WorkingGroupsService } from '@samverkan/working-groups';
import { NominationsService } from '../nominations/nominations.service';
import { NominationRequest } from '../nominations/nomination-request.entity';
import { Seat } from '../seat.entity';
import { SeatAllocation } from './seat-allocation.entity';
import { ChangeSeatCountInput, CreateSeatAllocationInput } from './seat-allocation.inputs';
import { SeatStatus } from '../seat.types';
import { SeatsService } from '../seats.service';

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
  organisation(allocation: SeatAllocation, _args: unknown, context: GqlContext, info: GraphQLResolveInfo) {
    return this.organisations.load(gqlCtx(context), allocation.organisationId, info);
  }

  @ResolveField(() => Organisation)
  nominatingOrganisation(allocation: SeatAllocation, _args: unknown, context: GqlContext, info: GraphQLResolveInfo) {
    return this.organisations.load(gqlCtx(context), allocation.nominatingOrganisationId, info);
  }

  @ResolveField(() => WorkingGroup)
  workingGroup(@Ctx() ctx: RequestContext, @Parent() allocation: SeatAllocation) {
    return this.groups.load(ctx, allocation.workingGroupId);
  }

  @ResolveField('seats', () => [Seat])
  seatList(allocation: SeatAllocation, _args: unknown, context: GqlContext, info: GraphQLResolveInfo) {
    return this.seats.seatsOf(gqlCtx(context), allocation.id, info);
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
