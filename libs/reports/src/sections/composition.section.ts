import { compositionSignal } from '../rag';
import { runPlan } from './section';
import type { Queryable, RagSignal, ReportSection, SectionOptions, PlanScope, SectionPlan, SectionQuery, SectionResult, SectionScope } from './section';

export interface GenderCounts {
  women: number;
  men: number;
  other: number;
  notStated: number;
  /** Women among women and men, 0–1; null when there are neither. */
  shareWomen: number | null;
}

export interface AllocationComposition {
  organisation: string;
  role: string;
  seats: number;
  filled: number;
  holdover: number;
  vacant: number;
}

export interface GroupComposition extends GenderCounts {
  id: string;
  name: string;
  parentId: string | null;
  status: string;
  chair: string | null;
  leadOrganisation: string | null;
  goalIds: string[];
  seats: number;
  /** Seats with a principal appointed on the report's day. */
  filled: number;
  /** Seats whose term ended but whose member stays until replaced. */
  holdover: number;
  vacant: number;
  allocations: AllocationComposition[];
}

export interface GoalRow {
  id: string;
  code: string;
  text: string;
  priorityArea: string;
  groupIds: string[];
}

export interface CompositionSection {
  groups: GroupComposition[];
  goals: GoalRow[];
  totals: { groups: number; seats: number; filled: number; holdover: number; vacant: number } & GenderCounts;
}

const share = (women: number, men: number) => (women + men > 0 ? Math.round((women / (women + men)) * 1000) / 1000 : null);

/**
 * Per working group on the report's day: seats filled, held over and vacant per
 * organisation, gender balance of the principals, and the goals the group pursues.
 * The seat states are computed once (per seat, then per allocation) and the groups
 * rolled up from their allocations; the groups with their allocations, the goals and
 * the period's activity are three set-based statements for the whole commission
 * (two for a live overview, which has no period activity, and reads no person: no
 * chair, no gender balance).
 */
export class CompositionSectionBuilder implements ReportSection<CompositionSection> {
  readonly name = 'composition';

  build(q: Queryable, scope: SectionScope): Promise<SectionResult<CompositionSection>> {
    return runPlan(q, this.plan(scope), scope);
  }

  plan(scope: PlanScope, options: SectionOptions = {}): SectionPlan<CompositionSection> {
    // A live overview shows neither the chair, the lead organisation nor the gender balance: no person is read.
    const live = options.live === true;
    const gender = live
      ? `0 AS women, 0 AS men, 0 AS other, 0 AS not_stated`
      : `count(*) FILTER (WHERE ss.state = 'filled' AND p.gender = 'woman')::int AS women,
               count(*) FILTER (WHERE ss.state = 'filled' AND p.gender = 'man')::int AS men,
               count(*) FILTER (WHERE ss.state = 'filled' AND p.gender = 'other')::int AS other,
               count(*) FILTER (WHERE ss.state = 'filled' AND p.gender IS NULL)::int AS not_stated`;
    // The latest principal appointment of every seat that exists on the day, once; then per allocation.
    const groupsSql = `
      WITH seat_state AS (
        SELECT sa.working_group_id, sa.id AS allocation_id, s.id AS seat_id, lp.person_id,
               CASE WHEN lp.seat_id IS NULL THEN 'vacant'
                    WHEN lp.ends_on IS NULL OR lp.ends_on >= $2 THEN 'filled'
                    WHEN g.holdover_allowed AND lp.ended_reason IS NULL THEN 'holdover' ELSE 'vacant' END AS state
          FROM working_group g
          JOIN seat_allocation sa ON sa.working_group_id = g.id
          JOIN seat s ON s.allocation_id = sa.id AND (s.retired_at IS NULL OR s.retired_at::date > $2)
          LEFT JOIN LATERAL (
            SELECT a.seat_id, a.person_id, a.ends_on, a.ended_reason FROM appointment a
             WHERE a.seat_id = s.id AND a.kind = 'principal' AND a.starts_on <= $2
             ORDER BY a.starts_on DESC LIMIT 1) lp ON true
         WHERE g.commission_id = $1
      ),
      allocation_state AS (
        SELECT ss.working_group_id, sa.id, o.name AS organisation, sa.role,
               count(*)::int AS seats,
               count(*) FILTER (WHERE ss.state = 'filled')::int AS filled,
               count(*) FILTER (WHERE ss.state = 'holdover')::int AS holdover,
               count(*) FILTER (WHERE ss.state = 'vacant')::int AS vacant,
               ${gender}
          FROM seat_state ss
          JOIN seat_allocation sa ON sa.id = ss.allocation_id
          JOIN organisation o ON o.id = sa.organisation_id
          ${live ? '' : 'LEFT JOIN person p ON p.id = ss.person_id'}
         GROUP BY ss.working_group_id, sa.id, o.name, sa.role
      )
      SELECT g.id, g.name, g.parent_id, g.status, ${live ? 'NULL::text AS chair, NULL::text AS lead_organisation' : 'chair.full_name AS chair, lead.name AS lead_organisation'},
             coalesce((SELECT array_agg(wg.goal_id ORDER BY wg.goal_id) FROM working_group_goal wg WHERE wg.working_group_id = g.id), '{}') AS goal_ids,
             coalesce(sum(a.seats), 0)::int AS seats,
             coalesce(sum(a.filled), 0)::int AS filled,
             coalesce(sum(a.holdover), 0)::int AS holdover,
             coalesce(sum(a.vacant), 0)::int AS vacant,
             coalesce(sum(a.women), 0)::int AS women,
             coalesce(sum(a.men), 0)::int AS men,
             coalesce(sum(a.other), 0)::int AS other,
             coalesce(sum(a.not_stated), 0)::int AS not_stated,
             coalesce(json_agg(json_build_object('organisation', a.organisation, 'role', a.role, 'seats', a.seats, 'filled', a.filled,
                                                 'holdover', a.holdover, 'vacant', a.vacant) ORDER BY a.organisation, a.id)
                        FILTER (WHERE a.id IS NOT NULL), '[]') AS allocations
        FROM working_group g
        ${live ? '' : 'LEFT JOIN person chair ON chair.id = g.chair_person_id LEFT JOIN organisation lead ON lead.id = g.lead_organisation_id'}
        LEFT JOIN allocation_state a ON a.working_group_id = g.id
       WHERE g.commission_id = $1 AND (g.established_on IS NULL OR g.established_on <= $2)
       GROUP BY g.id${live ? '' : ', chair.full_name, lead.name'}
       ORDER BY g.name, g.id`;
    const goalsSql = `SELECT go.id, go.code, go.text, pa.title AS priority_area, array_agg(wg.working_group_id ORDER BY wg.working_group_id) AS group_ids
         FROM working_group_goal wg
         JOIN working_group g ON g.id = wg.working_group_id
         JOIN goal go ON go.id = wg.goal_id
         JOIN priority_area pa ON pa.id = go.priority_area_id
        WHERE g.commission_id = $1
        GROUP BY go.id, pa.title, pa.number
        ORDER BY pa.number, string_to_array(go.code, '.')::int[]`;
    const activitySql = `SELECT (SELECT count(*) FROM appointment a JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
                 JOIN working_group g ON g.id = sa.working_group_id
                WHERE g.commission_id = $1 AND (a.starts_on BETWEEN $2 AND $3 OR a.ends_on BETWEEN $2 AND $3))::int
            + (SELECT count(*) FROM working_group g WHERE g.commission_id = $1
                  AND (g.established_on BETWEEN $2 AND $3 OR g.concluded_on BETWEEN $2 AND $3))::int AS n`;
    const queries: SectionQuery[] = [
      { sql: groupsSql, params: [scope.commissionId, scope.asOf] },
      { sql: goalsSql, params: [scope.commissionId] },
    ];
    if (!options.live) queries.push({ sql: activitySql, params: [scope.commissionId, scope.periodStart, scope.periodEnd] });
    return { queries, assemble: ([groups, goals, activity]) => this.assemble(groups, goals, activity?.[0]?.n ?? 0) };
  }

  private assemble(groups: any[], goals: any[], activity: number): SectionResult<CompositionSection> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const rows: GroupComposition[] = groups.map((g) => ({
      id: g.id,
      name: g.name,
      parentId: g.parent_id,
      status: g.status,
      chair: g.chair,
      leadOrganisation: g.lead_organisation,
      goalIds: g.goal_ids,
      seats: g.seats,
      filled: g.filled,
      holdover: g.holdover,
      vacant: g.vacant,
      women: g.women,
      men: g.men,
      other: g.other,
      notStated: g.not_stated,
      shareWomen: share(g.women, g.men),
      allocations: g.allocations,
    }));
    const sum = (pick: (g: GroupComposition) => number) => rows.reduce((total, g) => total + pick(g), 0);
    const women = sum((g) => g.women);
    const men = sum((g) => g.men);
    const signals: RagSignal[] = [];
    for (const g of rows) {
      const rag = compositionSignal(g);
      if (rag) signals.push({ groupId: g.id, goalIds: [], rag, source: `composition:${g.id}` });
    }
    return {
      data: {
        groups: rows,
        goals: goals.map((g) => ({ id: g.id, code: g.code, text: g.text, priorityArea: g.priority_area, groupIds: g.group_ids })),
        totals: {
          groups: rows.length,
          seats: sum((g) => g.seats),
          filled: sum((g) => g.filled),
          holdover: sum((g) => g.holdover),
          vacant: sum((g) => g.vacant),
          women,
          men,
          other: sum((g) => g.other),
          notStated: sum((g) => g.notStated),
          shareWomen: share(women, men),
        },
      },
      signals,
      activity,
    };
  }
}
