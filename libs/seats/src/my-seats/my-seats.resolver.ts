import { ResolveField, Resolver } from '@nestjs/graphql';
import { Me } from '@samverkan/accounts';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { MySeatsService } from './my-seats.service';
import { MyNominationRequest, MySeat } from './my-seats.types';

@Resolver(() => Me)
export class MySeatsResolver {
  constructor(private readonly mySeats: MySeatsService) {}

  @Allow(Permission.Authenticated)
  @ResolveField(() => [MySeat], { description: 'My current and coming seats and terms.' })
  seats(@Ctx() ctx: RequestContext): Promise<MySeat[]> {
    return this.mySeats.seats(ctx);
  }

  @Allow(Permission.Authenticated)
  @ResolveField(() => [MyNominationRequest], { description: 'Nomination requests waiting at the organisations I am the contact of.' })
  nominationRequests(@Ctx() ctx: RequestContext): Promise<MyNominationRequest[]> {
    return this.mySeats.nominationRequests(ctx);
  }
}
