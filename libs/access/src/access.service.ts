import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActorPreloads, EntityName, ForbiddenError, NotFoundError, RequestContext, UnauthenticatedError } from '@samverkan/core';

/**
 * Who may see and do what, decided in one place.
 *
 * **Roles.** A person's roles in a commission come from three sources: an explicit
 * commission role (secretariat, commissioner, observer, chair, member), chairing one
 * of its working groups, and sitting in one of its seats (role `member`, which also
 * makes the group one of the person's groups).
 *
 * **When a seat gives access** (`SITTING_SQL`, evaluated on today's date):
 * - a principal from the first day of the term (`starts_on`) to its last (`ends_on`,
 *   none: open-ended) — a successor appointed ahead has no access before their start;
 * - after a term that ran out, a principal sits on (holdover) only where the group
 *   allows holdover, only while nobody has succeeded them on the seat (no principal
 *   has started there since), and never after an appointment ended early with
 *   `endAppointment` (its `ends_on` is "the last day in the seat");
 * - a substitute while their own appointment runs and the term of a principal on the
 *   same seat runs; a principal's holdover does not carry the substitute with it.
 * When the seat stops giving access, the person's member role and group go with it;
 * meetings they were personally invited to stay visible to them (an invitation is
 * personal: the record of what they took part in), the group's other meetings do not.
 * Likewise a successor is invited to, and sees, the meetings that fall in their term
 * before it starts, and nothing else of the group. Who is invited to a group's meeting,
 * and which substitute "my substitute attends" names, is this same rule evaluated on
 * the meeting's local day (libs/meetings: `invite`, `seatSubstituteSql`).
 * Commission roles and chairs last until they are removed.
 *
 * **One visibility rule per role, on every path** (lists, single reads, exports,
 * reports, pages): an area decides what a level sees once, in its service, and every
 * path of that area asks the same question (deliverables: `DeliverablesService.visibility`
 * with `canSee` and its SQL twin). The authorization matrix checks it: for each role
 * what a list shows equals what the export and the status report show.
 */
export type CommissionRoleName = 'secretariat' | 'chair' | 'member' | 'commissioner' | 'observer';

/**
 * The SQL condition "appointment `a` of working group `g` gives a seat in the group on
 * `day`" (an SQL date expression, e.g. `current_date` or `$2::date`), as described above.
 */
export function sittingSql(day: string): string {
  return `(a.starts_on <= ${day} AND (
      (a.kind = 'principal' AND (
         a.ends_on IS NULL OR a.ends_on >= ${day}
         OR (g.holdover_allowed AND a.ended_reason IS NULL
             AND NOT EXISTS (SELECT 1 FROM appointment succ
                              WHERE succ.seat_id = a.seat_id AND succ.kind = 'principal'
                                AND succ.starts_on > a.ends_on AND succ.starts_on <= ${day}))))
      OR (a.kind = 'substitute' AND (a.ends_on IS NULL OR a.ends_on >= ${day})
          AND EXISTS (SELECT 1 FROM appointment pr
                       WHERE pr.seat_id = a.seat_id AND pr.kind = 'principal'
                         AND pr.starts_on <= ${day} AND (pr.ends_on IS NULL OR pr.ends_on >= ${day})))))`;
}

/**
 * What a person may do in a commission:
 * - manage: the secretariat (and admins) change anything in their own commissions,
 *   see nominations, gender balance and contact data;
 * - oversee: commissioners read everything of their commissions, including the
 *   stakeholder register, vacancies and balance figures (not individuals' gender),
 *   every deliverable, and the status reports;
 * - read: chairs, members and observers read the structure (groups, seats, who sits
 *   where), the public record of the commission.
 */
export type AccessLevel = 'manage' | 'oversee' | 'read';

/**
 * What a chair may do in their own group, beyond reading it as every role does
 * (the one rule; docs/access.md):
 * - `schedule`: schedule the group's meetings — create one (or a date poll and choose
 *   its date), move, retitle or cancel it, set its agenda. The secretariat may do the
 *   same in every group of its commissions; a chair only in the group they chair, not
 *   in its sub-groups (those have their own chairs) nor at the commission's level.
 * A chair does not see what the secretariat alone sees (nominations, individuals'
 * gender, contact data) and changes nothing of the group's structure or seats.
 */
export type GroupAction = 'schedule';

const RANK: Record<AccessLevel, number> = { read: 1, oversee: 2, manage: 3 };

export interface ActorRoles {
  /** commission id → roles held (explicit, or derived from chairing or a seat that gives access today). */
  byCommission: Map<string, Set<CommissionRoleName>>;
  /** working groups the person sits in today (see `sittingSql`) or chairs. */
  groupIds: Set<string>;
  /** working groups the person chairs. */
  chairedGroupIds: Set<string>;
}

type RoleRow = { commission_id: string; role: CommissionRoleName; group_id: string | null };

/** The person's (`param`) roles: explicit ones, groups chaired, groups sat in today. */
function rolesSql(param: string): string {
  return `SELECT commission_id, role, NULL::uuid AS group_id FROM commission_role WHERE person_id = ${param}
           UNION
           SELECT g.commission_id, 'chair', g.id FROM working_group g WHERE g.chair_person_id = ${param}
           UNION
           SELECT g.commission_id, 'member', g.id
             FROM appointment a
             JOIN seat s ON s.id = a.seat_id
             JOIN seat_allocation sa ON sa.id = s.allocation_id
             JOIN working_group g ON g.id = sa.working_group_id
            WHERE a.person_id = ${param} AND ${sittingSql('current_date')}`;
}

function rolesFrom(rows: RoleRow[]): ActorRoles {
  const roles: ActorRoles = { byCommission: new Map(), groupIds: new Set(), chairedGroupIds: new Set() };
  for (const row of rows) {
    const set = roles.byCommission.get(row.commission_id) ?? new Set();
    set.add(row.role);
    roles.byCommission.set(row.commission_id, set);
    if (row.group_id) roles.groupIds.add(row.group_id);
    if (row.group_id && row.role === 'chair') roles.chairedGroupIds.add(row.group_id);
  }
  return roles;
}

@Injectable()
export class AccessService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly preloads?: ActorPreloads,
  ) {}

  /**
   * The actor's roles in every commission, loaded once per request: by the auth
   * guard's session statement (ActorPreloads, registered in onModuleInit), or,
   * for an actor set otherwise, by a statement of its own.
   */
  roles(ctx: RequestContext): Promise<ActorRoles> {
    const actor = ctx.actor;
    if (!actor) return Promise.resolve({ byCommission: new Map(), groupIds: new Set(), chairedGroupIds: new Set() });
    return this.rolesLoader(ctx).load(actor.personId);
  }

  onModuleInit(): void {
    this.preloads?.register({
      select: `(SELECT coalesce(json_agg(r), '[]') FROM (${rolesSql('$3')}) r)`,
      prime: (ctx, personId, rows) => this.rolesLoader(ctx).prime(personId, rolesFrom(rows as RoleRow[])),
    });
  }

  private rolesLoader(ctx: RequestContext) {
    return ctx.loader<string, ActorRoles>('access.roles', async ([personId]) => [rolesFrom(await this.dataSource.query(rolesSql('$1'), [personId]))]);
  }

  /** The highest level the actor has in a commission, or undefined. */
  async levelIn(ctx: RequestContext, commissionId: string): Promise<AccessLevel | undefined> {
    if (ctx.actor?.isAdmin) return 'manage';
    const roles = (await this.roles(ctx)).byCommission.get(commissionId);
    if (!roles) return undefined;
    if (roles.has('secretariat')) return 'manage';
    if (roles.has('commissioner')) return 'oversee';
    return 'read';
  }

  /**
   * Throws unless the actor has at least `level` in the commission. Someone with
   * no role at all gets NOT_FOUND: they may not learn that the commission exists.
   */
  async require(ctx: RequestContext, commissionId: string, level: AccessLevel, entity: EntityName = 'Commission', entityId = commissionId): Promise<AccessLevel> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const has = await this.levelIn(ctx, commissionId);
    if (!has) throw new NotFoundError(entity, entityId);
    if (RANK[has] < RANK[level]) throw new ForbiddenError();
    return has;
  }

  /** Whether the actor may take `action` in the group (see {@link GroupAction}): its commission's secretariat, or its chair. */
  async mayInGroup(ctx: RequestContext, group: { id: string; commissionId: string }, action: GroupAction): Promise<boolean> {
    const level = await this.levelIn(ctx, group.commissionId);
    if (level === 'manage') return true;
    if (!level) return false;
    switch (action) {
      case 'schedule':
        return (await this.roles(ctx)).chairedGroupIds.has(group.id);
    }
  }

  /** Throws unless the actor may take `action` in the group: NOT_FOUND without a role in its commission, else FORBIDDEN. */
  async requireInGroup(ctx: RequestContext, group: { id: string; commissionId: string }, action: GroupAction, entity: EntityName = 'WorkingGroup', entityId = group.id): Promise<void> {
    if (!ctx.actor) throw new UnauthenticatedError();
    if (!(await this.levelIn(ctx, group.commissionId))) throw new NotFoundError(entity, entityId);
    if (!(await this.mayInGroup(ctx, group, action))) throw new ForbiddenError();
  }

  /** Checks many commissions at once (a list filtered by what the actor may see). */
  async visibleCommissionIds(ctx: RequestContext): Promise<string[] | 'all'> {
    if (ctx.actor?.isAdmin) return 'all';
    return [...(await this.roles(ctx)).byCommission.keys()];
  }

  /** Commissions the actor manages (for actions not tied to one commission, like adding a person). */
  async managesAny(ctx: RequestContext): Promise<boolean> {
    if (ctx.actor?.isAdmin) return true;
    for (const roles of (await this.roles(ctx)).byCommission.values()) if (roles.has('secretariat')) return true;
    return false;
  }

  /** The commissions the actor runs as secretariat ('all' for administrators). */
  async managedCommissionIds(ctx: RequestContext): Promise<Set<string> | 'all'> {
    if (ctx.actor?.isAdmin) return 'all';
    const managed = new Set<string>();
    for (const [id, roles] of (await this.roles(ctx)).byCommission) if (roles.has('secretariat')) managed.add(id);
    return managed;
  }

  async requireManagesAny(ctx: RequestContext): Promise<void> {
    if (!ctx.actor) throw new UnauthenticatedError();
    if (!(await this.managesAny(ctx))) throw new ForbiddenError();
  }

  /**
   * Which of these people the actor may see private data of (email, gender):
   * themselves, and anyone tied to a commission the actor manages. One statement.
   */
  async privateDataVisible(ctx: RequestContext, personId: string): Promise<boolean> {
    const actor = ctx.actor;
    if (!actor) return false;
    if (actor.isAdmin || actor.personId === personId) return true;
    const roles = await this.roles(ctx);
    const managed = [...roles.byCommission.entries()].filter(([, set]) => set.has('secretariat')).map(([id]) => id);
    if (managed.length === 0) return false;
    return ctx
      .loader<string, boolean>(`access.private`, async (personIds) => {
        const rows: { person_id: string }[] = await this.dataSource.query(
          `SELECT DISTINCT person_id FROM (
             SELECT r.person_id FROM commission_role r WHERE r.commission_id = ANY($2) AND r.person_id = ANY($1)
             UNION ALL
             SELECT a.person_id FROM appointment a
               JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
               JOIN working_group g ON g.id = sa.working_group_id
              WHERE g.commission_id = ANY($2) AND a.person_id = ANY($1)
             UNION ALL
             SELECT c.person_id FROM nomination_candidate c
               JOIN nomination n ON n.id = c.nomination_id JOIN nomination_request r ON r.id = n.request_id
               JOIN seat_allocation sa ON sa.id = r.allocation_id JOIN working_group g ON g.id = sa.working_group_id
              WHERE g.commission_id = ANY($2) AND c.person_id = ANY($1)
             UNION ALL
             SELECT p.id FROM person p WHERE p.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.person_id = p.id)
               AND NOT EXISTS (SELECT 1 FROM commission_role r WHERE r.person_id = p.id)
           ) visible`,
          [personIds, managed],
        );
        const visible = new Set(rows.map((row) => row.person_id));
        return personIds.map((id) => visible.has(id));
      })
      .load(personId);
  }
}
