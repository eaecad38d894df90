import { Injectable, ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow, Ctx, NotFoundError, Permission, RequestContext, UnauthenticatedError } from '@samverkan/core';
import { SeatAllocation } from '../allocations/seat-allocation.entity';
import { NominationRequest } from './nomination-request.entity';
import { SeatsService } from '../seats.service';

/**
 * One nomination request, for the web application's page of an organisation's
 * contact: what is asked, the rule that applies (through its allocation), and
 * the nominations already sent. The contact it was sent to reads it, as does
 * the secretariat that manages the allocation's group; anyone else gets what
 * `SeatsService.getAllocation(…, 'manage')` says (FORBIDDEN in the commission,
 * NOT_FOUND outside it).
 */
@Injectable()
export class NominationRequestQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: SeatsService,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<NominationRequest> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const request = await this.dataSource.getRepository(NominationRequest).findOneBy({ id });
    if (!request) throw new NotFoundError('NominationRequest', id);
    if (request.contactPersonId !== ctx.actor.personId) await this.seats.getAllocation(ctx, request.allocationId, 'manage');
    return request;
  }

  /** Whether the reader may pick candidates from the people register (which only secretariats and administrators search). */
  async mayPickFromRegister(ctx: RequestContext, request: NominationRequest): Promise<boolean> {
    if (ctx.actor?.isAdmin) return true;
    return this.seats.getAllocation(ctx, request.allocationId, 'manage').then(
      () => true,
      () => false,
    );
  }

  /** The request's allocation (group, gender rule, perspective); only reached from a request the reader may see. */
  async allocationOf(ctx: RequestContext, request: NominationRequest): Promise<SeatAllocation> {
    const allocation = await this.seats.loadAllocation(ctx, request.allocationId);
    if (!allocation) throw new NotFoundError('SeatAllocation', request.allocationId);
    return allocation;
  }
}

@Resolver(() => NominationRequest)
export class NominationRequestQueryResolver {
  constructor(private readonly requests: NominationRequestQueryService) {}

  @Allow(Permission.Authenticated)
  @Query(() => NominationRequest, { description: 'One nomination request: for the contact it was sent to, and the secretariat of its group.' })
  nominationRequest(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string) {
    return this.requests.get(ctx, id);
  }

  @ResolveField(() => Boolean, { description: 'Whether you may pick candidates from the people register (`people(search)`: secretariats and administrators); others give a name and an address, which links a person already in the register.' })
  mayPickFromRegister(@Ctx() ctx: RequestContext, @Parent() request: NominationRequest) {
    return this.requests.mayPickFromRegister(ctx, request);
  }

  @ResolveField(() => SeatAllocation, { description: 'The seats asked for: group, the gender rule (requiresGenderPair), the perspective required.' })
  allocation(@Ctx() ctx: RequestContext, @Parent() request: NominationRequest) {
    return this.requests.allocationOf(ctx, request);
  }
}
