import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { Commission, CommissionObjective, CommissionsService } from '@samverkan/commissions';
import {
  AuditService,
  BadInputError,
  ConnectionArgs,
  ConnectionShape,
  NotFoundError,
  RequestContext,
  definedOnly,
  entityFromJson,
  groupByKeys,
  inTransaction,
  oneByKeys,
  pageWindow,
  toConnection,
  todayIn,
  ForbiddenError,
  EntityName,
} from '@samverkan/core';
import { PeopleService, Person } from '@samverkan/people';
import { Goal, StrategiesService } from '@samverkan/strategies';
import { WorkingGroupsService } from '@samverkan/working-groups';
import './deliverables.messages';
import './deliverables.reminders';
import { DeliverableDeadlineChange } from './deliverable-deadline-change.entity';
import { Deliverable, DeliverableStatus } from './deliverable.entity';
import { DeliverableGoal } from './deliverable-goal.entity';
import { DeliverableObjective } from './deliverable-objective.entity';
import { DELIVERABLE_HEALTH_SQL, DeliverableHealth, deliverableHealth } from './deliverable-health';
import { allowedTransitions, canTransition } from './deliverable-workflow';
import { ChangeDeliverableDeadlineInput, CreateDeliverableInput, DeliverableFilter, UpdateDeliverableInput } from './deliverable.inputs';
import { STATUS_LABELS } from './deliverables.messages';

/** What the actor may see of one commission's deliverables (see `canSee`). */
export interface DeliverableVisibility {
  commissionId: string;
  personId: string | null;
  /** The secretariat (and admins): everything, and may change it. */
  manage: boolean;
  /** Commissioners: every deliverable of the commission, as their status reports show them. */
  oversee: boolean;
  /** Chairs and members: the deliverables of the groups they sit in. */
  groupIds: string[];
  /** Chairs and members also see the commission's own deliverables (no group). */
  commissionMember: boolean;
}

/** One row of the deliverables export (CSV and JSON). */
export interface DeliverableExportRow {
  id: string;
  title: string;
  kind: string;
  workingGroup: string | null;
  responsible: string | null;
  dueOn: string;
  status: string;
  health: string | null;
  deliveredOn: string | null;
  goals: string[];
  objectives: string[];
  deadlineChanges: number;
  publishedUrl: string | null;
}

/**
 * Deliverables: what each group owes and when, the status workflow, the
 * on-track indicator and deadline changes. Access (deny by default):
 * - the secretariat manages all of its commission's deliverables;
 * - chairs and members see (and review) their groups' deliverables, and the
 *   commission's own ones;
 * - commissioners see all of them (read only): the status report they read lists
 *   every deliverable with its status, so the list, the single read and the exports
 *   show the same ones (one rule per role on every path; the authorization matrix
 *   compares the paths);
 * - anyone with a role in the commission sees delivered ones (the public record);
 * - a person named as reviewer sees the deliverable under review.
 * A deliverable the actor may not see is NOT_FOUND, as if it did not exist.
 */
@Injectable()
export class DeliverablesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Deliverable) private readonly deliverables: Repository<Deliverable>,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly commissions: CommissionsService,
    private readonly groups: WorkingGroupsService,
    private readonly strategies: StrategiesService,
    private readonly people: PeopleService,
  ) {}

  // ---------------------------------------------------------------- access

  /** The actor's view of one commission; NOT_FOUND when they have no role in it. */
  async visibility(ctx: RequestContext, commissionId: string, entity: EntityName = 'Commission', entityId = commissionId): Promise<DeliverableVisibility> {
    const level = await this.access.require(ctx, commissionId, 'read', entity, entityId);
    const roles = ctx.actor?.isAdmin ? undefined : (await this.access.roles(ctx)).byCommission.get(commissionId);
    const groupIds = ctx.actor?.isAdmin ? [] : [...(await this.access.roles(ctx)).groupIds];
    return {
      commissionId,
      personId: ctx.actor?.personId ?? null,
      manage: level === 'manage',
      oversee: level === 'oversee' || !!roles?.has('commissioner'),
      groupIds,
      commissionMember: !!roles && (roles.has('member') || roles.has('chair')),
    };
  }

  /** Whether the actor may see this deliverable, by the rules above. */
  async canSee(ctx: RequestContext, v: DeliverableVisibility, d: Deliverable): Promise<boolean> {
    if (v.manage || v.oversee || d.status === DeliverableStatus.DELIVERED) return true;
    if (d.workingGroupId ? v.groupIds.includes(d.workingGroupId) : v.commissionMember) return true;
    return v.personId ? this.isReviewerOf(ctx, d.id, v.personId) : false;
  }

  /**
   * Whether the actor holds no role in the deliverable's commission but is named
   * as a reviewer of one of its rounds: such a reviewer sees the deliverable and
   * its rounds, and may download the versions under review (DocumentsService).
   */
  async isReviewerWithoutRole(ctx: RequestContext, d: Deliverable): Promise<boolean> {
    const personId = ctx.actor?.personId;
    if (!personId || (await this.access.levelIn(ctx, d.commissionId))) return false;
    return this.isReviewerOf(ctx, d.id, personId);
  }

  private isReviewerOf(ctx: RequestContext, deliverableId: string, personId: string): Promise<boolean> {
    return ctx
      .loader<string, boolean>(`deliverable.reviewer:${personId}`, async (ids) => {
        const rows: { deliverable_id: string }[] = await this.dataSource.query(
          `SELECT DISTINCT r.deliverable_id FROM review_round r JOIN review_reviewer rr ON rr.round_id = r.id
            WHERE r.deliverable_id = ANY($1) AND rr.person_id = $2`,
          [ids, personId],
        );
        const found = new Set(rows.map((r) => r.deliverable_id));
        return ids.map((id) => found.has(id));
      })
      .load(deliverableId);
  }

  /**
   * A deliverable the actor may see (`read`) or change (`manage`: the
   * secretariat). NOT_FOUND when they may not see it, FORBIDDEN when they may
   * see but not change it.
   */
  async get(ctx: RequestContext, id: string, level: 'read' | 'manage' = 'read'): Promise<Deliverable> {
    const d = await this.load(ctx, id);
    if (!d) throw new NotFoundError('Deliverable', id);
    // A named reviewer with no role in the commission (an outside expert) reads what they review, and nothing else of it.
    if (level === 'read' && (await this.isReviewerWithoutRole(ctx, d))) return d;
    const v = await this.visibility(ctx, d.commissionId, 'Deliverable', id);
    if (!(await this.canSee(ctx, v, d))) throw new NotFoundError('Deliverable', id);
    if (level === 'manage' && !v.manage) throw new ForbiddenError();
    return d;
  }

  load(ctx: RequestContext, id: string): Promise<Deliverable | undefined> {
    return this.byId(ctx).load(id);
  }

  private byId(ctx: RequestContext) {
    return ctx.loader<string, Deliverable | undefined>('deliverable.byId', async (ids) => oneByKeys(ids, await this.deliverables.findBy({ id: In([...ids]) }), (d) => d.id));
  }

  /** Puts a changed deliverable into the request's cache, so fields read after a mutation see the change. */
  private remember(ctx: RequestContext, d: Deliverable): Deliverable {
    this.byId(ctx).clear(d.id).prime(d.id, d);
    return d;
  }

  /** The SQL condition of `canSee` for lists and exports, over `d` (deliverable); parameters $2–$6. */
  private visibleSql(v: DeliverableVisibility): { sql: string; params: unknown[] } {
    return {
      sql: `($2::boolean
             OR $5::boolean
             OR d.status = 'delivered'
             OR d.working_group_id = ANY($3::uuid[])
             OR (d.working_group_id IS NULL AND $4::boolean)
             OR EXISTS (SELECT 1 FROM review_round r JOIN review_reviewer rr ON rr.round_id = r.id WHERE r.deliverable_id = d.id AND rr.person_id = $6::uuid))`,
      params: [v.manage, v.groupIds, v.commissionMember, v.oversee, v.personId],
    };
  }

  // ---------------------------------------------------------------- lists

  /**
   * The deliverables linked to a strategy goal that the actor may see (`canSee`, per
   * commission): one statement for all goals of a request, by due date.
   */
  async ofGoal(ctx: RequestContext, goalId: string): Promise<Deliverable[]> {
    const linked = await ctx
      .loader<string, Deliverable[]>('goal.deliverables', async (ids) => {
        // Links first, then the deliverables: one deliverable may serve several goals of the batch.
        const links = await this.dataSource.getRepository(DeliverableGoal).findBy({ goalId: In([...ids]) });
        const found = links.length
          ? await this.deliverables.find({ where: { id: In([...new Set(links.map((l) => l.deliverableId))]) }, order: { dueOn: 'ASC', title: 'ASC', id: 'ASC' } })
          : [];
        const order = new Map(found.map((d, i) => [d.id, i]));
        const byId = new Map(found.map((d) => [d.id, d]));
        return groupByKeys(ids, links, (l) => l.goalId).map((list) =>
          list
            .map((l) => byId.get(l.deliverableId)!)
            .filter(Boolean)
            .sort((a, b) => order.get(a.id)! - order.get(b.id)!),
        );
      })
      .load(goalId);
    const seen: Deliverable[] = [];
    for (const d of linked) {
      if (!(await this.access.levelIn(ctx, d.commissionId))) continue;
      if (await this.canSee(ctx, await this.visibility(ctx, d.commissionId), d)) seen.push(d);
    }
    return seen;
  }

  /**
   * One commission's deliverables the actor may see, by due date. With
   * `withResponsible` (the operation selects `responsiblePerson`: a read plan) the
   * same statement brings each one's responsible person and hands them to the
   * person loader, so the dashboard's list costs one statement, not two.
   */
  async list(ctx: RequestContext, filter: DeliverableFilter, args: ConnectionArgs, withResponsible = false): Promise<ConnectionShape<Deliverable>> {
    const window = pageWindow(args);
    const v = await this.visibility(ctx, filter.commissionId);
    const { sql, params } = this.visibleSql(v);
    const all = [
      filter.commissionId,
      ...params,
      filter.workingGroupId ?? null,
      filter.statuses?.length ? filter.statuses : null,
      filter.goalId ?? null,
      filter.responsiblePersonId ?? null,
      filter.health ?? null,
    ];
    const where = `d.commission_id = $1 AND ${sql} AND ($7::uuid IS NULL OR d.working_group_id = $7) AND ($8::text[] IS NULL OR d.status = ANY($8))
      AND ($9::uuid IS NULL OR EXISTS (SELECT 1 FROM deliverable_goal dg WHERE dg.deliverable_id = d.id AND dg.goal_id = $9))
      AND ($10::uuid IS NULL OR d.responsible_person_id = $10)
      AND ($11::text IS NULL OR ${DELIVERABLE_HEALTH_SQL('d', '(now() AT TIME ZONE c.time_zone)::date')} = $11)`;
    const page = `SELECT ${DELIVERABLE_COLUMNS}, count(*) OVER () AS total,
              deliverable_health(d.due_on, d.status, (now() AT TIME ZONE c.time_zone)::date) AS health_today,
              row_number() OVER (ORDER BY d.due_on, d.title, d.id) AS position
         FROM deliverable d JOIN commission c ON c.id = d.commission_id
        WHERE ${where}
        ORDER BY d.due_on, d.title, d.id
        OFFSET ${window.offset} LIMIT ${window.limit + 1}`;
    // The responsible people of the page only: joined to every visible deliverable before the window and the
    // limit, PostgreSQL built a row's JSON for each (114 for a page of 51) and hashed every person (bench/README.md).
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      withResponsible
        ? `SELECT page.*, to_json(rp) AS responsible_person FROM (${page}) page
             LEFT JOIN person rp ON rp.id = page.responsible_person_id
            ORDER BY page.position`
        : page,
      all,
    );
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && window.offset > 0) {
      const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM deliverable d JOIN commission c ON c.id = d.commission_id WHERE ${where}`, all);
      total = count;
    }
    if (withResponsible) {
      const people = rows.filter((r) => r.responsible_person).map((r) => entityFromJson(this.dataSource, Person, r.responsible_person as Record<string, unknown>));
      this.people.prime(ctx, people);
    }
    return toConnection(
      rows.map((r) => Object.assign(toDeliverable(r), { healthToday: (r.health_today as string | null) ?? null })),
      total,
      window,
    );
  }

  /** Every deliverable of a commission the actor may see (exports). */
  async exportRows(ctx: RequestContext, commissionId: string): Promise<DeliverableExportRow[]> {
    const v = await this.visibility(ctx, commissionId);
    const { sql, params } = this.visibleSql(v);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT d.id, d.title, d.kind, g.name AS working_group, p.full_name AS responsible, d.due_on::text AS due_on, d.status,
              deliverable_health(d.due_on, d.status, (now() AT TIME ZONE c.time_zone)::date) AS health,
              d.delivered_on::text AS delivered_on, d.published_url,
              coalesce((SELECT array_agg(gl.code ORDER BY gl.code) FROM deliverable_goal dg JOIN goal gl ON gl.id = dg.goal_id WHERE dg.deliverable_id = d.id), '{}') AS goals,
              coalesce((SELECT array_agg(o.letter ORDER BY o.letter) FROM deliverable_objective do2 JOIN commission_objective o ON o.id = do2.objective_id WHERE do2.deliverable_id = d.id), '{}') AS objectives,
              (SELECT count(*)::int FROM deliverable_deadline_change dc WHERE dc.deliverable_id = d.id) AS deadline_changes
         FROM deliverable d
         JOIN commission c ON c.id = d.commission_id
         LEFT JOIN working_group g ON g.id = d.working_group_id
         LEFT JOIN person p ON p.id = d.responsible_person_id
        WHERE d.commission_id = $1 AND ${sql}
        ORDER BY d.due_on, d.title, d.id`,
      [commissionId, ...params],
    );
    return rows.map((r) => ({
      id: r.id as string,
      title: r.title as string,
      kind: r.kind as string,
      workingGroup: (r.working_group as string) ?? null,
      responsible: (r.responsible as string) ?? null,
      dueOn: r.due_on as string,
      status: r.status as string,
      health: (r.health as string) ?? null,
      deliveredOn: (r.delivered_on as string) ?? null,
      goals: r.goals as string[],
      objectives: r.objectives as string[],
      deadlineChanges: r.deadline_changes as number,
      publishedUrl: (r.published_url as string) ?? null,
    }));
  }

  // ---------------------------------------------------------------- fields

  /** Whether the actor may change the deliverable (the secretariat): what the pages offer. */
  async mayManage(ctx: RequestContext, d: Deliverable): Promise<boolean> {
    return (await this.access.levelIn(ctx, d.commissionId)) === 'manage';
  }

  /** Whether the actor may upload a version: the secretariat and the responsible person (DocumentsService.upload). */
  async mayUpload(ctx: RequestContext, d: Deliverable): Promise<boolean> {
    if (d.responsiblePersonId && d.responsiblePersonId === ctx.actor?.personId) return true;
    return this.mayManage(ctx, d);
  }

  /**
   * The people responsible for the commission's deliverables the actor may see
   * (the list's filter by person), by name: one statement.
   */
  async responsiblePeople(ctx: RequestContext, commissionId: string): Promise<string[]> {
    const v = await this.visibility(ctx, commissionId);
    const { sql, params } = this.visibleSql(v);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM person p
        WHERE p.id IN (SELECT d.responsible_person_id FROM deliverable d WHERE d.commission_id = $1 AND ${sql})
        ORDER BY p.full_name, p.id`,
      [commissionId, ...params],
    );
    return rows.map((r) => r.id);
  }

  /** The indicator, with today in the commission's time zone. */
  async health(ctx: RequestContext, d: Deliverable): Promise<DeliverableHealth | null> {
    // A list computed it in its statement (the same function, today in the same time zone).
    if (d.healthToday !== undefined) return d.healthToday as DeliverableHealth | null;
    const commission = await this.commissions.load(ctx, d.commissionId);
    return deliverableHealth(d.dueOn, d.status, todayIn(commission?.timeZone ?? 'Europe/Stockholm'));
  }

  allowedTransitions(d: Deliverable): readonly DeliverableStatus[] {
    return allowedTransitions(d.status);
  }

  goalsOf(ctx: RequestContext, deliverableId: string): Promise<Goal[]> {
    return ctx
      .loader<string, Goal[]>('deliverable.goals', async (ids) => {
        const links = await this.dataSource.getRepository(DeliverableGoal).findBy({ deliverableId: In([...ids]) });
        const goals = links.length ? await this.dataSource.getRepository(Goal).findBy({ id: In(links.map((l) => l.goalId)) }) : [];
        const byId = new Map(goals.map((g) => [g.id, g]));
        return groupByKeys(ids, links, (l) => l.deliverableId).map((list) =>
          list.map((l) => byId.get(l.goalId)!).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })),
        );
      })
      .load(deliverableId);
  }

  objectivesOf(ctx: RequestContext, deliverableId: string): Promise<CommissionObjective[]> {
    return ctx
      .loader<string, CommissionObjective[]>('deliverable.objectives', async (ids) => {
        const links = await this.dataSource.getRepository(DeliverableObjective).findBy({ deliverableId: In([...ids]) });
        const objectives = links.length ? await this.dataSource.getRepository(CommissionObjective).findBy({ id: In(links.map((l) => l.objectiveId)) }) : [];
        const byId = new Map(objectives.map((o) => [o.id, o]));
        return groupByKeys(ids, links, (l) => l.deliverableId).map((list) => list.map((l) => byId.get(l.objectiveId)!).sort((a, b) => a.letter.localeCompare(b.letter)));
      })
      .load(deliverableId);
  }

  /** The history of due-date changes, oldest first. */
  deadlineChangesOf(ctx: RequestContext, deliverableId: string): Promise<DeliverableDeadlineChange[]> {
    return ctx
      .loader<string, DeliverableDeadlineChange[]>('deliverable.deadlineChanges', async (ids) =>
        groupByKeys(
          ids,
          await this.dataSource.getRepository(DeliverableDeadlineChange).find({ where: { deliverableId: In([...ids]) }, order: { changedAt: 'ASC', id: 'ASC' } }),
          (c) => c.deliverableId,
        ),
      )
      .load(deliverableId);
  }

  /** The deadline history of a deliverable the actor may see. */
  async deadlineHistory(ctx: RequestContext, deliverableId: string): Promise<DeliverableDeadlineChange[]> {
    await this.get(ctx, deliverableId);
    return this.deadlineChangesOf(ctx, deliverableId);
  }

  // ---------------------------------------------------------------- changes

  async create(ctx: RequestContext, input: CreateDeliverableInput): Promise<Deliverable> {
    const commission = await this.commissions.get(ctx, input.commissionId, 'manage');
    if (input.workingGroupId) {
      const group = await this.groups.get(ctx, input.workingGroupId, 'manage');
      if (group.commissionId !== commission.id) throw new BadInputError('deliverables.groupElsewhere');
    }
    if (input.responsiblePersonId) await this.people.get(input.responsiblePersonId);
    await this.checkLinks(commission, input.goalIds, input.objectiveIds);
    return inTransaction(this.dataSource, async (manager) => {
      const d = await manager.save(
        manager.create(Deliverable, {
          commissionId: commission.id,
          workingGroupId: input.workingGroupId ?? null,
          title: input.title.trim(),
          description: input.description ?? null,
          kind: input.kind,
          dueOn: input.dueOn,
          responsiblePersonId: input.responsiblePersonId ?? null,
          createdBy: ctx.actor?.personId ?? null,
        }),
      );
      await this.writeLinks(manager, d, input.goalIds, input.objectiveIds);
      await this.audit.record(manager, ctx, { entity: 'deliverable', entityId: d.id, action: 'create', after: { ...d, goalIds: input.goalIds, objectiveIds: input.objectiveIds } });
      return manager.findOneByOrFail(Deliverable, { id: d.id });
    });
  }

  async update(ctx: RequestContext, input: UpdateDeliverableInput): Promise<Deliverable> {
    const existing = await this.get(ctx, input.id, 'manage');
    const commission = (await this.commissions.load(ctx, existing.commissionId))!;
    if (input.responsiblePersonId) await this.people.get(input.responsiblePersonId);
    await this.checkLinks(commission, input.goalIds ?? [], input.objectiveIds ?? []);
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(Deliverable, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      const { id, goalIds, objectiveIds, ...fields } = input;
      const changes = definedOnly({ ...fields, title: fields.title?.trim() });
      if (Object.keys(changes).length) await manager.update(Deliverable, { id }, changes);
      if (goalIds) {
        await manager.delete(DeliverableGoal, { deliverableId: id });
      }
      if (objectiveIds) {
        await manager.delete(DeliverableObjective, { deliverableId: id });
      }
      await this.writeLinks(manager, before, goalIds ?? [], objectiveIds ?? []);
      const after = await manager.findOneByOrFail(Deliverable, { id });
      await this.audit.record(manager, ctx, { entity: 'deliverable', entityId: id, action: 'update', before, after: { ...after, ...definedOnly({ goalIds, objectiveIds }) } });
      return this.remember(ctx, after);
    });
  }

  /**
   * Moves a deliverable along the workflow. An invalid move is BAD_USER_INPUT
   * naming the allowed ones. Public for one-click mail actions: it checks access
   * and audits itself.
   */
  async changeStatus(ctx: RequestContext, deliverableId: string, status: DeliverableStatus, options: { deliveredOn?: string } = {}): Promise<Deliverable> {
    const d = await this.get(ctx, deliverableId, 'manage');
    const commission = await this.commissions.load(ctx, d.commissionId);
    return inTransaction(this.dataSource, (manager) =>
      this.transition(manager, ctx, deliverableId, status, status === DeliverableStatus.DELIVERED ? (options.deliveredOn ?? todayIn(commission!.timeZone)) : undefined),
    );
  }

  /**
   * The status change inside the caller's transaction (review rounds use it):
   * locks the row, checks the move, writes, audits.
   */
  async transition(manager: EntityManager, ctx: RequestContext, deliverableId: string, to: DeliverableStatus, deliveredOn?: string): Promise<Deliverable> {
    const before = await manager.findOneOrFail(Deliverable, { where: { id: deliverableId }, lock: { mode: 'pessimistic_write' } });
    if (before.status === to) return before;
    if (!canTransition(before.status, to)) {
      const allowed = allowedTransitions(before.status);
      const names = (s: DeliverableStatus) => STATUS_LABELS[s][ctx.locale];
      throw new BadInputError(
        'deliverables.transition',
        { from: names(before.status), to: names(to), allowed: allowed.length ? allowed.map(names).join(', ') : '—' },
        { from: before.status, to, allowed: allowed.map((s) => s.toUpperCase()) },
      );
    }
    const changes = { status: to, deliveredOn: to === DeliverableStatus.DELIVERED ? (deliveredOn ?? null) : null };
    await manager.update(Deliverable, { id: deliverableId }, changes);
    const after = await manager.findOneByOrFail(Deliverable, { id: deliverableId });
    await this.audit.record(manager, ctx, { entity: 'deliverable', entityId: deliverableId, action: 'status', before: { status: before.status, deliveredOn: before.deliveredOn }, after: changes });
    return this.remember(ctx, after);
  }

  /**
   * Moves the due date, recording old date, new date, reason, who and when in
   * one transaction (the database refuses a due date changed without that row).
   * Reminders follow: their dedupe keys hold the due date, so the next sweep
   * cancels those of the old date and owes those of the new one.
   */
  async changeDeadline(ctx: RequestContext, input: ChangeDeliverableDeadlineInput): Promise<Deliverable> {
    await this.get(ctx, input.deliverableId, 'manage');
    const reason = input.reason.trim();
    // Spaces only pass the length check: still no reason, refused at the reason field.
    if (!reason) throw BadInputError.field('reason', 'deliverables.deadlineNeedsReason');
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(Deliverable, { where: { id: input.deliverableId }, lock: { mode: 'pessimistic_write' } });
      if (before.status === DeliverableStatus.DELIVERED || before.status === DeliverableStatus.CANCELLED) {
        throw new BadInputError('deliverables.closed', { status: STATUS_LABELS[before.status][ctx.locale] });
      }
      if (before.dueOn === input.newDueOn) throw new BadInputError('deliverables.sameDueDate');
      const change = await manager.save(
        manager.create(DeliverableDeadlineChange, { deliverableId: before.id, oldDueOn: before.dueOn, newDueOn: input.newDueOn, reason, changedBy: ctx.actor?.personId ?? null }),
      );
      await manager.update(Deliverable, { id: before.id }, { dueOn: input.newDueOn });
      await this.audit.record(manager, ctx, {
        entity: 'deliverable',
        entityId: before.id,
        action: 'change-deadline',
        before: { dueOn: before.dueOn },
        after: { dueOn: input.newDueOn, reason, deadlineChangeId: change.id },
      });
      return this.remember(ctx, await manager.findOneByOrFail(Deliverable, { id: before.id }));
    });
  }

  private async checkLinks(commission: Commission, goalIds: string[], objectiveIds: string[]): Promise<void> {
    if (goalIds.length) {
      const goals = await this.strategies.goalsByIds(goalIds);
      if (goals.some((g) => g.strategyId !== commission.strategyId)) throw new BadInputError('deliverables.goalOfOtherStrategy');
    }
    if (objectiveIds.length) await this.commissions.objectivesByIds(commission.id, objectiveIds);
  }

  private async writeLinks(manager: EntityManager, d: Deliverable, goalIds: string[], objectiveIds: string[]): Promise<void> {
    const goals = [...new Set(goalIds)];
    const objectives = [...new Set(objectiveIds)];
    if (goals.length) await manager.insert(DeliverableGoal, goals.map((goalId) => ({ deliverableId: d.id, goalId })));
    if (objectives.length) await manager.insert(DeliverableObjective, objectives.map((objectiveId) => ({ deliverableId: d.id, commissionId: d.commissionId, objectiveId })));
  }
}

/** The columns toDeliverable reads (dates as text: a date has no time zone). */
export const DELIVERABLE_COLUMNS = `d.id, d.commission_id, d.working_group_id, d.title, d.description, d.kind, d.due_on::text AS due_on, d.status,
  d.responsible_person_id, d.delivered_on::text AS delivered_on, d.published_url, d.created_by, d.created_at, d.updated_at`;

export function toDeliverable(row: Record<string, unknown>): Deliverable {
  return Object.assign(new Deliverable(), {
    id: row.id,
    commissionId: row.commission_id,
    workingGroupId: row.working_group_id ?? null,
    title: row.title,
    description: row.description ?? null,
    kind: row.kind,
    dueOn: row.due_on,
    status: row.status,
    responsiblePersonId: row.responsible_person_id ?? null,
    deliveredOn: row.delivered_on ?? null,
    publishedUrl: row.published_url ?? null,
    createdBy: row.created_by ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
