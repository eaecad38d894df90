import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AccessService } from '@samverkan/access';
import { Allow, Connection, ConnectionArgs, Ctx, Permission, ReadPlanner, RequestContext, selectionOf } from '@samverkan/core';
import { Organisation, OrganisationsService } from '@samverkan/organisations';
import { Person, PeopleService } from '@samverkan/people';
import { Strategy, StrategiesService } from '@samverkan/strategies';
import { Commission } from './commission.entity';
import { CommissionAmendment } from './commission-amendment.entity';
import { CommissionObjective } from './commission-objective.entity';
import { CommissionRole, CommissionRoleName } from './commission-role.entity';
import { StakeholderEngagement } from './stakeholder-engagement.entity';
import { AmendMandateInput, CommissionRoleInput, CreateCommissionInput, RecordEngagementInput, UpdateCommissionInput } from './commission.inputs';
import { DeadlineChange, StakeholderCoverage, StakeholderEntry, StakeholderWayEnum } from './commission.types';
import { CommissionsService } from './commissions.service';
import { StakeholdersService } from './stakeholders.service';

export const CommissionConnection = Connection(Commission);

@Resolver(() => Commission)
export class CommissionsResolver {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly stakeholders: StakeholdersService,
    private readonly organisations: OrganisationsService,
    private readonly strategies: StrategiesService,
    private readonly access: AccessService,
    private readonly planner: ReadPlanner,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => Commission)
  // What is selected below it (groups, allocations, seats, who sits) is read in one planned statement (ReadPlanner, libs/seats commission-tree.plan.ts).
  commission(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Info() info: GraphQLResolveInfo): Promise<Commission> {
    return this.commissions.get(ctx, id, 'read', () => this.planner.run('Commission', ctx, [{ id }], selectionOf(info)));
  }

  @Allow(Permission.Authenticated)
  @Query(() => CommissionConnection, { description: 'The commissions the signed-in person has a role in (all, for administrators).' })
  commissionList(@Ctx() ctx: RequestContext, @Args() args: ConnectionArgs) {
    return this.commissions.list(ctx, args);
  }

  @Allow(Permission.Authenticated)
  @Query(() => Boolean, { description: 'Whether the signed-in person may set up a new commission (administrators and secretariats).' })
  mayCreateCommission(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.commissions.mayCreate(ctx);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Commission, { description: 'Sets up a commission; the creator joins its secretariat.' })
  createCommission(@Ctx() ctx: RequestContext, @Args('input') input: CreateCommissionInput): Promise<Commission> {
    return this.commissions.create(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Commission)
  updateCommission(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCommissionInput): Promise<Commission> {
    return this.commissions.update(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => CommissionAmendment, { description: 'Records an amendment to the mandate (tilläggsdirektiv).' })
  amendMandate(@Ctx() ctx: RequestContext, @Args('input') input: AmendMandateInput): Promise<CommissionAmendment> {
    return this.commissions.amend(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => CommissionRole)
  assignCommissionRole(@Ctx() ctx: RequestContext, @Args('input') input: CommissionRoleInput): Promise<CommissionRole> {
    return this.commissions.assignRole(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Boolean)
  removeCommissionRole(@Ctx() ctx: RequestContext, @Args('input') input: CommissionRoleInput): Promise<boolean> {
    return this.commissions.removeRole(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => StakeholderEngagement, { description: 'Records a dialogue, workshop, network or other engagement of an organisation.' })
  recordStakeholderEngagement(@Ctx() ctx: RequestContext, @Args('input') input: RecordEngagementInput): Promise<StakeholderEngagement> {
    return this.commissions.recordEngagement(ctx, input);
  }

  @ResolveField(() => Organisation)
  commissioningBody(@Ctx() ctx: RequestContext, @Parent() commission: Commission) {
    return this.organisations.load(ctx, commission.commissioningBodyId);
  }

  @ResolveField(() => Organisation)
  leadOrganisation(@Ctx() ctx: RequestContext, @Parent() commission: Commission) {
    return this.organisations.load(ctx, commission.leadOrganisationId);
  }

  @ResolveField(() => [Organisation])
  async partners(@Ctx() ctx: RequestContext, @Parent() commission: Commission) {
    const ids = await this.commissions.partnerIdsOf(ctx, commission.id);
    return (await Promise.all(ids.map((id) => this.organisations.load(ctx, id)))).filter(Boolean);
  }

  @ResolveField(() => Strategy, { nullable: true })
  strategy(@Parent() commission: Commission) {
    return commission.strategyId ? this.strategies.get(commission.strategyId) : null;
  }

  @ResolveField(() => [CommissionObjective], { description: 'The terms of reference, including withdrawn ones (see withdrawnByAmendmentId).' })
  objectives(@Ctx() ctx: RequestContext, @Parent() commission: Commission) {
    return this.commissions.objectivesOf(ctx, commission.id);
  }

  @ResolveField(() => [CommissionAmendment])
  amendments(@Ctx() ctx: RequestContext, @Parent() commission: Commission) {
    return this.commissions.amendmentsOf(ctx, commission.id);
  }

  @ResolveField(() => [DeadlineChange], { description: 'The original deadline and every change since, with reasons.' })
  deadlineHistory(@Ctx() ctx: RequestContext, @Parent() commission: Commission) {
    return this.commissions.deadlineHistory(ctx, commission);
  }

  @ResolveField(() => [CommissionRole], { description: 'Secretariat, commissioners and other explicit roles.' })
  roles(@Ctx() ctx: RequestContext, @Parent() commission: Commission) {
    return this.commissions.rolesOf(ctx, commission.id);
  }

  @ResolveField(() => [CommissionRoleName], { description: 'The signed-in person’s roles here.' })
  async myRoles(@Ctx() ctx: RequestContext, @Parent() commission: Commission) {
    return [...((await this.access.roles(ctx)).byCommission.get(commission.id) ?? [])];
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in person manages the commission (secretariat, administrators).' })
  mayManage(@Ctx() ctx: RequestContext, @Parent() commission: Commission) {
    return this.commissions.mayManage(ctx, commission.id);
  }

  @ResolveField(() => [StakeholderEntry], { description: 'Every organisation engaged and how (secretariat and commissioners).' })
  async stakeholderRegister(@Ctx() ctx: RequestContext, @Parent() commission: Commission): Promise<StakeholderEntry[]> {
    const rows = await this.stakeholders.register(ctx, commission.id);
    const organisations = await Promise.all(rows.map((row) => this.organisations.load(ctx, row.organisationId)));
    return rows.map((row, i) => ({ organisation: organisations[i]!, ways: row.ways as StakeholderWayEnum[], seats: row.seats }));
  }

  @ResolveField(() => StakeholderCoverage, { description: 'Kinds and regions not represented.' })
  async stakeholderCoverage(@Ctx() ctx: RequestContext, @Parent() commission: Commission, @Args('country', { nullable: true }) country?: string) {
    const lead = await this.organisations.load(ctx, commission.leadOrganisationId);
    return this.stakeholders.coverage(ctx, commission.id, (country ?? lead?.country ?? 'SE').toUpperCase().slice(0, 2));
  }
}

@Resolver(() => CommissionRole)
export class CommissionRoleResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => Person)
  person(@Ctx() ctx: RequestContext, @Parent() role: CommissionRole) {
    return this.people.load(ctx, role.personId);
  }
}

@Resolver(() => StakeholderEngagement)
export class StakeholderEngagementResolver {
  constructor(private readonly organisations: OrganisationsService) {}

  @ResolveField(() => Organisation)
  organisation(@Ctx() ctx: RequestContext, @Parent() engagement: StakeholderEngagement) {
    return this.organisations.load(ctx, engagement.organisationId);
  }
}
