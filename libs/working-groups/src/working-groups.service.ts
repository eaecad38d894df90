import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AccessLevel, AccessService } from '@samverkan/access';
import { CommissionsService } from '@samverkan/commissions';
import {
  AuditService,
  BadInputError,
  NotFoundError,
  RequestContext,
  groupByKeys,
  inTransaction,
  oneByKeys,
  registerMessages,
  definedOnly,
} from '@samverkan/core';
import { OrganisationsService } from '@samverkan/organisations';
import { PeopleService } from '@samverkan/people';
import { StrategiesService } from '@samverkan/strategies';
import { WorkingGroup } from './working-group.entity';
import { WorkingGroupGoal } from './working-group-goal.entity';
import { WorkingGroupObjective } from './working-group-objective.entity';
import { CreateWorkingGroupInput, UpdateWorkingGroupInput } from './working-group.inputs';

registerMessages({
  'groups.parentElsewhere': {
    sv: 'Den överordnade gruppen hör till ett annat uppdrag.',
    da: 'Den overordnede gruppe hører til en anden opgave.',
    en: 'The parent group belongs to another commission.',
  },
  'groups.noSubgroups': {
    sv: 'Gruppen {name} får inte ha undergrupper.',
    da: 'Gruppen {name} må ikke have undergrupper.',
    en: 'The group {name} may not have sub-groups.',
  },
  'groups.parentCycle': {
    sv: 'En grupp kan inte ligga under sig själv eller under en av sina undergrupper.',
    da: 'En gruppe kan ikke ligge under sig selv eller under en af sine undergrupper.',
    en: 'A group cannot sit under itself or under one of its own sub-groups.',
  },
  'groups.goalOfOtherStrategy': {
    sv: 'Målet hör inte till uppdragets strategi.',
    da: 'Målet hører ikke til opgavens strategi.',
    en: 'The goal does not belong to the commission’s strategy.',
  },
});

/** Working groups and sub-groups of a commission, and the goals and objectives they pursue. */
@Injectable()
export class WorkingGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(WorkingGroup) private readonly groups: Repository<WorkingGroup>,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly commissions: CommissionsService,
    private readonly strategies: StrategiesService,
    private readonly people: PeopleService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** A group the actor may see at `level` in its commission. */
  async get(ctx: RequestContext, id: string, level: AccessLevel = 'read'): Promise<WorkingGroup> {
    const group = await this.load(ctx, id);
    if (!group) throw new NotFoundError('WorkingGroup', id);
    await this.access.require(ctx, group.commissionId, level, 'WorkingGroup', id);
    return group;
  }

  load(ctx: RequestContext, id: string): Promise<WorkingGroup | undefined> {
    return this.byId(ctx).load(id);
  }

  /** Hands `load` groups (whole rows) that a read plan fetched. */
  prime(ctx: RequestContext, groups: WorkingGroup[]): void {
    const loader = this.byId(ctx);
    for (const group of groups) loader.prime(group.id, group);
  }

  private byId(ctx: RequestContext) {
    return ctx.loader<string, WorkingGroup | undefined>('group.byId', async (ids) => oneByKeys(ids, await this.groups.findBy({ id: In([...ids]) }), (g) => g.id));
  }

  ofCommission(ctx: RequestContext, commissionId: string): Promise<WorkingGroup[]> {
    return this.groupsOfCommission(ctx).load(commissionId);
  }

  /** Hands `ofCommission` a commission's groups (by name) that a read plan fetched. */
  primeOfCommission(ctx: RequestContext, commissionId: string, groups: WorkingGroup[]): void {
    this.groupsOfCommission(ctx).prime(commissionId, groups);
  }

  private groupsOfCommission(ctx: RequestContext) {
    return ctx.loader<string, WorkingGroup[]>('commission.groups', async (ids) =>
      groupByKeys(ids, await this.groups.find({ where: { commissionId: In([...ids]) }, order: { name: 'ASC' } }), (g) => g.commissionId),
    );
  }

  subgroups(ctx: RequestContext, groupId: string): Promise<WorkingGroup[]> {
    return ctx
      .loader<string, WorkingGroup[]>('group.subgroups', async (ids) =>
        groupByKeys(ids, await this.groups.find({ where: { parentId: In([...ids]) }, order: { name: 'ASC' } }), (g) => g.parentId!),
      )
      .load(groupId);
  }

  goalIdsOf(ctx: RequestContext, groupId: string): Promise<string[]> {
    return ctx
      .loader<string, string[]>('group.goals', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(WorkingGroupGoal).findBy({ workingGroupId: In([...ids]) }), (l) => l.workingGroupId).map((l) => l.map((x) => x.goalId)),
      )
      .load(groupId);
  }

  objectiveIdsOf(ctx: RequestContext, groupId: string): Promise<string[]> {
    return ctx
      .loader<string, string[]>('group.objectives', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(WorkingGroupObjective).findBy({ workingGroupId: In([...ids]) }), (l) => l.workingGroupId).map((l) =>
          l.map((x) => x.objectiveId),
        ),
      )
      .load(groupId);
  }

  /** The groups pursuing a goal that the actor may see. */
  async pursuing(ctx: RequestContext, goalId: string): Promise<WorkingGroup[]> {
    const groups = await ctx
      .loader<string, WorkingGroup[]>('goal.groups', async (ids) => {
        const rows: (WorkingGroup & { goal_id: string })[] = await this.groups
          .createQueryBuilder('g')
          .innerJoin(WorkingGroupGoal, 'l', 'l.working_group_id = g.id')
          .addSelect('l.goal_id', 'goal_id')
          .where('l.goal_id IN (:...ids)', { ids })
          .orderBy('g.name')
          .getRawAndEntities()
          .then(({ raw, entities }) => entities.map((entity, i) => Object.assign(entity, { goal_id: (raw[i] as { goal_id: string }).goal_id })));
        return groupByKeys(ids, rows, (row) => row.goal_id);
      })
      .load(goalId);
    const visible = await this.access.visibleCommissionIds(ctx);
    return visible === 'all' ? groups : groups.filter((g) => visible.includes(g.commissionId));
  }

  /** The groups the signed-in person sits in or chairs. */
  async mine(ctx: RequestContext): Promise<WorkingGroup[]> {
    const ids = [...(await this.access.roles(ctx)).groupIds];
    return ids.length ? this.groups.find({ where: { id: In(ids) }, order: { name: 'ASC' } }) : [];
  }

  async create(ctx: RequestContext, input: CreateWorkingGroupInput): Promise<WorkingGroup> {
    const commission = await this.commissions.get(ctx, input.commissionId, 'manage');
    if (input.parentId) {
      const parent = await this.get(ctx, input.parentId, 'manage');
      if (parent.commissionId !== commission.id) throw new BadInputError('groups.parentElsewhere', {}, { field: 'parentId' });
      if (!parent.subgroupsAllowed) throw new BadInputError('groups.noSubgroups', { name: parent.name }, { field: 'parentId' });
    }
    if (input.chairPersonId) await this.people.get(input.chairPersonId);
    await this.organisations.requireAll([input.leadOrganisationId, input.secretariatOrganisationId].filter((x): x is string => !!x));
    const goals = await this.strategies.goalsByIds(input.goalIds);
    if (goals.some((g) => g.strategyId !== commission.strategyId)) throw new BadInputError('groups.goalOfOtherStrategy', {}, { field: 'goalIds' });
    await this.commissions.objectivesByIds(commission.id, input.objectiveIds);
    return inTransaction(this.dataSource, async (manager) => {
      const { goalIds, objectiveIds, ...fields } = input;
      const group = await manager.save(manager.create(WorkingGroup, { ...fields, name: input.name.trim() }));
      if (goalIds.length) await manager.insert(WorkingGroupGoal, [...new Set(goalIds)].map((goalId) => ({ workingGroupId: group.id, goalId })));
      if (objectiveIds.length) {
        await manager.insert(WorkingGroupObjective, [...new Set(objectiveIds)].map((objectiveId) => ({ workingGroupId: group.id, commissionId: commission.id, objectiveId })));
      }
      await this.audit.record(manager, ctx, { entity: 'working_group', entityId: group.id, action: 'create', after: { ...group, goalIds, objectiveIds } });
      return group;
    });
  }

  async update(ctx: RequestContext, input: UpdateWorkingGroupInput): Promise<WorkingGroup> {
    const group = await this.get(ctx, input.id, 'manage');
    if (input.chairPersonId) await this.people.get(input.chairPersonId);
    await this.organisations.requireAll([input.leadOrganisationId, input.secretariatOrganisationId].filter((x): x is string => !!x));
    if (input.parentId) {
      const parent = await this.get(ctx, input.parentId, 'manage');
      if (parent.commissionId !== group.commissionId) throw new BadInputError('groups.parentElsewhere', {}, { field: 'parentId' });
      if (parent.id !== group.parentId && !parent.subgroupsAllowed) throw new BadInputError('groups.noSubgroups', { name: parent.name }, { field: 'parentId' });
    }
    if (input.goalIds) {
      const commission = await this.commissions.get(ctx, group.commissionId);
      const goals = await this.strategies.goalsByIds(input.goalIds);
      if (goals.some((g) => g.strategyId !== commission.strategyId)) throw new BadInputError('groups.goalOfOtherStrategy', {}, { field: 'goalIds' });
    }
    if (input.objectiveIds) await this.commissions.objectivesByIds(group.commissionId, input.objectiveIds);
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(WorkingGroup, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (input.parentId) {
        // The new parent may not be the group or below it: one walk down from the group.
        const [{ cycle }] = await manager.query(
          `WITH RECURSIVE below(id) AS (SELECT $1::uuid UNION SELECT g.id FROM working_group g JOIN below b ON g.parent_id = b.id)
           SELECT EXISTS (SELECT 1 FROM below WHERE id = $2) AS cycle`,
          [input.id, input.parentId],
        );
        if (cycle) throw new BadInputError('groups.parentCycle', {}, { field: 'parentId' });
      }
      const { id, goalIds, objectiveIds, ...changes } = input;
      const after = await manager.save(WorkingGroup, { ...before, ...definedOnly(changes), updatedAt: new Date() });
      if (goalIds) {
        await manager.delete(WorkingGroupGoal, { workingGroupId: id });
        if (goalIds.length) await manager.insert(WorkingGroupGoal, [...new Set(goalIds)].map((goalId) => ({ workingGroupId: id, goalId })));
      }
      if (objectiveIds) {
        await manager.delete(WorkingGroupObjective, { workingGroupId: id });
        if (objectiveIds.length) {
          await manager.insert(WorkingGroupObjective, [...new Set(objectiveIds)].map((objectiveId) => ({ workingGroupId: id, commissionId: before.commissionId, objectiveId })));
        }
      }
      await this.audit.record(manager, ctx, { entity: 'working_group', entityId: id, action: 'update', before, after: { ...after, ...(goalIds ? { goalIds } : {}), ...(objectiveIds ? { objectiveIds } : {}) } });
      return after;
    });
  }

  /** What the actor may do in the group, for the pages to offer: manage it (secretariat), schedule its meetings (also its chair). */
  async permissions(ctx: RequestContext, group: WorkingGroup): Promise<{ manage: boolean; scheduleMeetings: boolean }> {
    const level = await this.access.levelIn(ctx, group.commissionId);
    return { manage: level === 'manage', scheduleMeetings: await this.access.mayInGroup(ctx, group, 'schedule') };
  }
}
