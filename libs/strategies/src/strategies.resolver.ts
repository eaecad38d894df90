import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessService } from '@samverkan/access';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Goal, PriorityArea, Strategy } from './strategy.entity';
import { AddGoalInput, AddPriorityAreaInput, CreateStrategyInput, UpdateGoalInput, UpdatePriorityAreaInput } from './strategy.inputs';
import { StrategiesService } from './strategies.service';

@Resolver(() => Strategy)
export class StrategiesResolver {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly access: AccessService,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => [Strategy], { name: 'strategies', description: 'Strategies are published documents.' })
  allStrategies(): Promise<Strategy[]> {
    return this.strategies.list();
  }

  @Allow(Permission.Authenticated)
  @Query(() => Strategy)
  strategy(@Args('id', { type: () => ID }) id: string): Promise<Strategy> {
    return this.strategies.get(id);
  }

  @Allow(Permission.Authenticated)
  @Query(() => Goal, { description: 'A goal by its code within a strategy, e.g. "4.4".' })
  goal(@Args('strategyId', { type: () => ID }) strategyId: string, @Args('code') code: string): Promise<Goal> {
    return this.strategies.goalByCode(strategyId, code);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Strategy, { description: 'Secretariats and administrators.' })
  async createStrategy(@Ctx() ctx: RequestContext, @Args('input') input: CreateStrategyInput): Promise<Strategy> {
    await this.access.requireManagesAny(ctx);
    return this.strategies.create(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Goal, { description: 'Secretariats and administrators.' })
  async addGoal(@Ctx() ctx: RequestContext, @Args('input') input: AddGoalInput): Promise<Goal> {
    await this.access.requireManagesAny(ctx);
    return this.strategies.addGoal(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => PriorityArea, { description: 'Secretariats and administrators.' })
  async addPriorityArea(@Ctx() ctx: RequestContext, @Args('input') input: AddPriorityAreaInput): Promise<PriorityArea> {
    await this.access.requireManagesAny(ctx);
    return this.strategies.addPriorityArea(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => PriorityArea, { description: 'Secretariats and administrators.' })
  async updatePriorityArea(@Ctx() ctx: RequestContext, @Args('input') input: UpdatePriorityAreaInput): Promise<PriorityArea> {
    await this.access.requireManagesAny(ctx);
    return this.strategies.updatePriorityArea(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Goal, { description: 'Secretariats and administrators.' })
  async updateGoal(@Ctx() ctx: RequestContext, @Args('input') input: UpdateGoalInput): Promise<Goal> {
    await this.access.requireManagesAny(ctx);
    return this.strategies.updateGoal(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Query(() => Boolean, { description: 'Whether the signed-in person may change strategies (secretariats and administrators).' })
  mayEditStrategies(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.access.managesAny(ctx);
  }

  @ResolveField(() => [PriorityArea])
  priorityAreas(@Ctx() ctx: RequestContext, @Parent() strategy: Strategy) {
    return this.strategies.areasOf(ctx, strategy.id);
  }
}

@Resolver(() => PriorityArea)
export class PriorityAreaResolver {
  constructor(private readonly strategies: StrategiesService) {}

  @ResolveField(() => [Goal])
  goals(@Ctx() ctx: RequestContext, @Parent() area: PriorityArea) {
    return this.strategies.goalsOfArea(ctx, area.id);
  }
}

@Resolver(() => Goal)
export class GoalResolver {
  constructor(private readonly strategies: StrategiesService) {}

  @ResolveField(() => PriorityArea)
  priorityArea(@Ctx() ctx: RequestContext, @Parent() goal: Goal) {
    return this.strategies.loadArea(ctx, goal.priorityAreaId);
  }
}
