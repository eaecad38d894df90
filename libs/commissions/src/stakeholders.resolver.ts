import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '@samverkan/core';
import { Commission, StakeholderEngagement } from './commission.entity';
import { StakeholdersService } from './stakeholders.service';

/** The stakeholder register's lists on a commission (the register and coverage are in CommissionsResolver). */
@Resolver(() => Commission)
export class StakeholdersResolver {
  constructor(private readonly stakeholders: StakeholdersService) {}

  @ResolveField(() => [StakeholderEngagement], { description: 'Engagements recorded outside the seats (dialogues, workshops, networks…), newest first; secretariat and commissioners.' })
  stakeholderEngagements(@Ctx() ctx: RequestContext, @Parent() commission: Commission): Promise<StakeholderEngagement[]> {
    return this.stakeholders.engagements(ctx, commission.id);
  }
}
