import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarFeed, CalendarFeedStatus } from './calendar-feed.types';

@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => CalendarFeed, { description: 'A new secret calendar address for you (any older one stops working).' })
  createCalendarFeed(@Ctx() ctx: RequestContext) {
    return this.feeds.create(ctx);
  }

  @Allow(Permission.Authenticated)
  @Query(() => CalendarFeedStatus, { description: 'Whether you have a calendar address in use (for your settings); the address itself is shown only when made.' })
  myCalendarFeed(@Ctx() ctx: RequestContext) {
    return this.feeds.status(ctx);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Boolean, { description: 'Revokes your calendar address.' })
  revokeCalendarFeed(@Ctx() ctx: RequestContext) {
    return this.feeds.revoke(ctx);
  }
}
