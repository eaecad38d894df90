import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Commission, CommissionObjective, CommissionsService } from '@samverkan/commissions';
import { Allow, Ctx, GqlContext, Permission, RequestContext, gqlCtx } from '@samverkan/core';
import { Organisation, OrganisationsService } from '@samverkan/organisations';
import { Person, PeopleService } from '@samverkan/people';
import { Goal, StrategiesService } from '@samverkan/strategies';
import { WorkingGroup } from './working-group.entity';
import { WorkingGroupPermissions } from './working-group-permissions.type';
import { CreateWorkingGroupInput, UpdateWorkingGroupInput } from './working-group.inputs';
import { WorkingGroupsService } from './working-groups.service';

@Resolver(() => WorkingGroup)
export class WorkingGroupsResolver {
  constructor(
    private readonly groups: WorkingGroupsService,
    private readonly commissions: CommissionsService,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleService,
    private readonly strategies: StrategiesService,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => WorkingGroup)
  workingGroup(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.groups.get(ctx, id);
  }

  @Allow(Permission.Authenticated)
  @Query(() => [WorkingGroup], { description: 'The groups the signed-in person sits in or chairs.' })
  myWorkingGroups(@Ctx() ctx: RequestContext) {
    return this.groups.mine(ctx);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => WorkingGroup)
  createWorkingGroup(@Ctx() ctx: RequestContext, @Args('input') input: CreateWorkingGroupInput) {
    return this.groups.create(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => WorkingGroup)
  updateWorkingGroup(@Ctx() ctx: RequestContext, @Args('input') input: UpdateWorkingGroupInput) {
    return this.groups.update(ctx, input);
  }

  @ResolveField(() => Commission)
  commission(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    return this.commissions.load(ctx, group.commissionId);
  }

  @ResolveField(() => WorkingGroup, { nullable: true })
  parent(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    return group.parentId ? this.groups.load(ctx, group.parentId) : null;
  }

  @ResolveField(() => [WorkingGroup])
  subgroups(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    return this.groups.subgroups(ctx, group.id);
  }

  @ResolveField(() => Person, { nullable: true })
  chair(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    return group.chairPersonId ? this.people.load(ctx, group.chairPersonId) : null;
  }

  @ResolveField(() => Organisation, { nullable: true })
  leadOrganisation(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    return group.leadOrganisationId ? this.organisations.load(ctx, group.leadOrganisationId) : null;
  }

  @ResolveField(() => Organisation, { nullable: true })
  secretariatOrganisation(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    return group.secretariatOrganisationId ? this.organisations.load(ctx, group.secretariatOrganisationId) : null;
  }

  @ResolveField(() => [Goal])
  async goals(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    const ids = await this.groups.goalIdsOf(ctx, group.id);
    return (await Promise.all(ids.map((id) => this.strategies.loadGoal(ctx, id)))).filter(Boolean);
  }

  @ResolveField(() => WorkingGroupPermissions, { description: 'What the signed-in person may do here.' })
  myPermissions(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    return this.groups.permissions(ctx, group);
  }

  @ResolveField(() => [CommissionObjective])
  async objectives(@Ctx() ctx: RequestContext, @Parent() group: WorkingGroup) {
    const ids = await this.groups.objectiveIdsOf(ctx, group.id);
    return (await Promise.all(ids.map((id) => this.commissions.loadObjective(ctx, id)))).filter(Boolean);
  }
}

@Resolver(() => Commission)
export class CommissionGroupsResolver {
  constructor(private readonly groups: WorkingGroupsService) {}

  // A hot list field (the dashboard): (parent, args, context) without parameter decorators, see gqlCtx.
  @ResolveField('groups', () => [WorkingGroup], { description: 'All groups and sub-groups of the commission.' })
  groupsOf(commission: Commission, _args: unknown, context: GqlContext) {
    return this.groups.ofCommission(gqlCtx(context), commission.id);
  }
}

@Resolver(() => Goal)
export class GoalGroupsResolver {
  constructor(private readonly groups: WorkingGroupsService) {}

  @ResolveField(() => [WorkingGroup], { description: 'The working groups that pursue this goal (that you may see).' })
  workingGroups(@Ctx() ctx: RequestContext, @Parent() goal: Goal) {
    return this.groups.pursuing(ctx, goal.id);
  }
}
