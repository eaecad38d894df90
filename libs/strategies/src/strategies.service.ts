import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import {
  AuditService,
  BadInputError,
  ErrorCode,
  NotFoundError,
  RequestContext,
  groupByKeys,
  inTransaction,
  oneByKeys,
  registerConstraintErrors,
  registerMessages,
} from '@samverkan/core';
import { Goal, PriorityArea, Strategy } from './strategy.entity';
import { AddGoalInput, AddPriorityAreaInput, CreateStrategyInput, GOAL_CODE, GOAL_CODE_MESSAGE, UpdateGoalInput, UpdatePriorityAreaInput } from './strategy.inputs';

registerMessages({
  'strategies.goalCode': {
    sv: 'Ett målnummer består av två tal med punkt, till exempel 4.4.',
    da: 'Et målnummer består af to tal med punktum, for eksempel 4.4.',
    en: 'A goal code is two numbers with a dot, such as 4.4.',
  },
  'strategies.noPriorityArea': {
    sv: 'Strategin har inget prioriteringsområde {number} för mål {code}.',
    da: 'Strategien har intet prioriteret område {number} for mål {code}.',
    en: 'The strategy has no priority area {number} for goal {code}.',
  },
  'strategies.duplicate': {
    sv: 'Numret finns redan i strategin.',
    da: 'Nummeret findes allerede i strategien.',
    en: 'That number already exists in the strategy.',
  },
});
registerConstraintErrors({
  goal_strategy_id_code_key: { code: ErrorCode.CONFLICT, messageKey: 'strategies.duplicate' },
  priority_area_strategy_id_number_key: { code: ErrorCode.CONFLICT, messageKey: 'strategies.duplicate' },
});

/** Strategies, their priority areas and numbered goals. */
@Injectable()
export class StrategiesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Strategy) private readonly strategies: Repository<Strategy>,
    @InjectRepository(PriorityArea) private readonly areas: Repository<PriorityArea>,
    @InjectRepository(Goal) private readonly goals: Repository<Goal>,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<Strategy> {
    const strategy = await this.strategies.findOneBy({ id });
    if (!strategy) throw new NotFoundError('Strategy', id);
    return strategy;
  }

  list(): Promise<Strategy[]> {
    return this.strategies.find({ order: { title: 'ASC' }, take: 500 });
  }

  async goalByCode(strategyId: string, code: string): Promise<Goal> {
    if (!GOAL_CODE.test(code)) throw new BadInputError('strategies.goalCode', {}, { field: 'code' });
    await this.get(strategyId);
    const goal = await this.goals.findOneBy({ strategyId, code });
    if (!goal) throw new NotFoundError('Goal', code);
    return goal;
  }

  async goalsByIds(ids: string[]): Promise<Goal[]> {
    const unique = [...new Set(ids)];
    const found = unique.length ? await this.goals.findBy({ id: In(unique) }) : [];
    const missing = unique.find((id) => !found.some((g) => g.id === id));
    if (missing) throw new NotFoundError('Goal', missing);
    return found;
  }

  areasOf(ctx: RequestContext, strategyId: string): Promise<PriorityArea[]> {
    return ctx
      .loader<string, PriorityArea[]>('strategy.areas', async (ids) =>
        groupByKeys(ids, await this.areas.find({ where: { strategyId: In([...ids]) }, order: { number: 'ASC' } }), (a) => a.strategyId),
      )
      .load(strategyId);
  }

  goalsOfArea(ctx: RequestContext, areaId: string): Promise<Goal[]> {
    return ctx
      .loader<string, Goal[]>('area.goals', async (ids) => {
        const rows = await this.goals.createQueryBuilder('g').where('g.priority_area_id IN (:...ids)', { ids }).getMany();
        rows.sort((a, b) => compareCodes(a.code, b.code));
        return groupByKeys(ids, rows, (g) => g.priorityAreaId);
      })
      .load(areaId);
  }

  loadGoal(ctx: RequestContext, id: string): Promise<Goal | undefined> {
    return ctx.loader<string, Goal | undefined>('goal.byId', async (ids) => oneByKeys(ids, await this.goals.findBy({ id: In([...ids]) }), (g) => g.id)).load(id);
  }

  loadArea(ctx: RequestContext, id: string): Promise<PriorityArea | undefined> {
    return ctx.loader<string, PriorityArea | undefined>('area.byId', async (ids) => oneByKeys(ids, await this.areas.findBy({ id: In([...ids]) }), (a) => a.id)).load(id);
  }

  create(ctx: RequestContext, input: CreateStrategyInput): Promise<Strategy> {
    return inTransaction(this.dataSource, async (manager) => {
      const strategy = await manager.save(
        manager.create(Strategy, { title: input.title.trim(), ownerId: input.ownerId ?? null, publishedOn: input.publishedOn ?? null, description: input.description ?? null }),
      );
      for (const areaInput of input.priorityAreas) {
        const area = await manager.save(manager.create(PriorityArea, { strategyId: strategy.id, number: areaInput.number, title: areaInput.title.trim() }));
        const goals = areaInput.goals.map((goal) => {
          if (Number(goal.code.split('.')[0]) !== area.number) throw new BadInputError('strategies.noPriorityArea', { number: goal.code.split('.')[0], code: goal.code });
          return { strategyId: strategy.id, priorityAreaId: area.id, areaNumber: area.number, code: goal.code, text: goal.text.trim() };
        });
        if (goals.length) await manager.insert(Goal, goals);
      }
      await this.audit.record(manager, ctx, { entity: 'strategy', entityId: strategy.id, action: 'create', after: { ...strategy, priorityAreas: input.priorityAreas.length } });
      return strategy;
    });
  }

  /** A priority area added after the strategy was created (its goals are added one by one). */
  addPriorityArea(ctx: RequestContext, input: AddPriorityAreaInput): Promise<PriorityArea> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.get(input.strategyId);
      const area = await manager.save(manager.create(PriorityArea, { strategyId: input.strategyId, number: input.number, title: input.title.trim() }));
      await this.audit.record(manager, ctx, { entity: 'priority_area', entityId: area.id, action: 'create', after: area });
      return area;
    });
  }

  updatePriorityArea(ctx: RequestContext, input: UpdatePriorityAreaInput): Promise<PriorityArea> {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOne(PriorityArea, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new NotFoundError('PriorityArea', input.id);
      const after = await manager.save(PriorityArea, { ...before, title: input.title.trim() });
      await this.audit.record(manager, ctx, { entity: 'priority_area', entityId: after.id, action: 'update', before, after });
      return after;
    });
  }

  updateGoal(ctx: RequestContext, input: UpdateGoalInput): Promise<Goal> {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOne(Goal, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new NotFoundError('Goal', input.id);
      const after = await manager.save(Goal, { ...before, text: input.text.trim() });
      await this.audit.record(manager, ctx, { entity: 'goal', entityId: after.id, action: 'update', before, after });
      return after;
    });
  }

  addGoal(ctx: RequestContext, input: AddGoalInput): Promise<Goal> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.get(input.strategyId);
      const number = Number(input.code.split('.')[0]);
      const area = await manager.findOneBy(PriorityArea, { strategyId: input.strategyId, number });
      if (!area) throw new BadInputError('strategies.noPriorityArea', { number, code: input.code }, { field: 'code' });
      const goal = await manager.save(manager.create(Goal, { strategyId: input.strategyId, priorityAreaId: area.id, areaNumber: number, code: input.code, text: input.text.trim() }));
      await this.audit.record(manager, ctx, { entity: 'goal', entityId: goal.id, action: 'create', after: goal });
      return goal;
    });
  }
}

export { GOAL_CODE_MESSAGE };

/** Orders "2.10" after "2.9". */
export function compareCodes(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}
