import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { SetCommissionPublicationInput } from './public-register.inputs';
import { PublicRegisterService } from './public-register.service';
import { PublicEvent, PublicRegister, PublicationSettings } from './public-register.types';

@Resolver()
export class PublicRegisterResolver {
  constructor(private readonly registers: PublicRegisterService) {}

  @Allow(Permission.Public)
  @Query(() => PublicRegister, { description: 'A commission\'s public register, for anyone (no sign-in): only what its secretariat published; NOT_FOUND when nothing is.' })
  publicRegister(@Args('commissionId', { type: () => ID }, new ParseUUIDPipe()) commissionId: string): Promise<PublicRegister> {
    return this.registers.register(commissionId);
  }

  @Allow(Permission.Public)
  @Query(() => PublicEvent, { description: 'An open event for its registration page, for anyone (no sign-in): NOT_FOUND unless it is open, not cancelled and not over.' })
  openEvent(@Args('meetingId', { type: () => ID }, new ParseUUIDPipe()) meetingId: string): Promise<PublicEvent> {
    return this.registers.openEvent(meetingId);
  }

  @Allow(Permission.Authenticated)
  @Query(() => PublicationSettings, { description: 'What a commission publishes, and its deliverables to choose from (secretariat).' })
  commissionPublication(@Ctx() ctx: RequestContext, @Args('commissionId', { type: () => ID }, new ParseUUIDPipe()) commissionId: string): Promise<PublicationSettings> {
    return this.registers.settings(ctx, commissionId);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => PublicationSettings, { description: 'Chooses what a commission publishes in its public register and feeds (secretariat).' })
  setCommissionPublication(@Ctx() ctx: RequestContext, @Args('input') input: SetCommissionPublicationInput): Promise<PublicationSettings> {
    return this.registers.setSettings(ctx, input);
  }
}
