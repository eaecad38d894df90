import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow, Ctx, Permission, RequestContext, selectionOf } from '@samverkan/core';
import { CommissionOverviewService } from './commission-overview.service';
import { CommissionOverview } from './commission-overview.types';

@Resolver(() => CommissionOverview)
export class CommissionOverviewResolver {
  constructor(private readonly overviews: CommissionOverviewService) {}

  @Allow(Permission.Authenticated)
  @Query(() => CommissionOverview, { description: 'A commission at a glance today (commissioners and secretariat): RAG per group and goal, deadlines, late items, vacancies, changes since the last report.' })
  commissionOverview(@Ctx() ctx: RequestContext, @Args('commissionId', { type: () => ID }, new ParseUUIDPipe()) commissionId: string, @Info() info: GraphQLResolveInfo): Promise<CommissionOverview> {
    return this.overviews.overview(ctx, commissionId, selectionOf(info));
  }
}
