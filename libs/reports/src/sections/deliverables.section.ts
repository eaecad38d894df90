import type { Rag } from '../rag';
import type { TrackedItem } from '../diff';
import { runPlan } from './section';
import type { OverdueItem, Queryable, RagSignal, ReportSection, SectionOptions, PlanScope, SectionPlan, SectionQuery, SectionResult, SectionScope } from './section';

export interface DeliverableRow {
  id: string;
  title: string;
  kind: string;
  status: string;
  dueOn: string;
  deliveredOn: string | null;
  createdOn: string;
  groupId: string | null;
  groupName: string | null;
  responsible: string | null;
  goalIds: string[];
  /** The deliverables area's health rule on the report's day (null: delivered or cancelled). */
  health: 'on_track' | 'at_risk' | 'late' | null;
  rag: Rag;
  /** Deadline changes decided by the report's day. */
  deadlineChanges: number;
}

export interface DeadlineMove {
  deliverableId: string;
  title: string;
  oldDueOn: string;
  newDueOn: string;
  reason: string;
  changedOn: string;
}

export interface DeliverablesSection {
  deliverables: DeliverableRow[];
  /** Deadlines moved within the period, with the reason given. */
  deadlineMoves: DeadlineMove[];
}

/**
 * Deliverables with their status and RAG by the deliverables area's own health
 * rule (its SQL twin `deliverable_health(due_on, status, day)`), evaluated on the
 * report's day (their goals joined once for the commission, not looked up per row);
 * overdue ones; deadline moves in the period. Two statements (one for a
 * live overview, which shows neither the moves, how often a deadline changed nor who is responsible).
 */
export class DeliverablesSectionBuilder implements ReportSection<DeliverablesSection> {
  readonly name = 'deliverables';

  build(q: Queryable, scope: SectionScope): Promise<SectionResult<DeliverablesSection>> {
    return runPlan(q, this.plan(scope), scope);
  }

  plan(scope: PlanScope, options: SectionOptions = {}): SectionPlan<DeliverablesSection> {
    const deadlineChanges = options.live
      ? '0'
      : '(SELECT count(*) FROM deliverable_deadline_change dc WHERE dc.deliverable_id = d.id AND dc.changed_at::date <= $2)::int';
    const rowsSql = `SELECT d.id, d.title, d.kind, d.status, d.due_on::text, d.delivered_on::text, d.created_at::date::text AS created_on,
              d.working_group_id, g.name AS group_name, ${options.live ? 'NULL::text' : 'p.full_name'} AS responsible,
              deliverable_health(d.due_on, d.status, $2::date) AS health,
              ($2::date - d.due_on) AS days_over,
              coalesce(dg.goal_ids, '{}') AS goal_ids,
              ${deadlineChanges} AS deadline_changes,
              (d.created_at::date BETWEEN $3 AND $2 OR d.due_on BETWEEN $3 AND $2 OR d.delivered_on BETWEEN $3 AND $2) AS active_in_period
         FROM deliverable d
         LEFT JOIN working_group g ON g.id = d.working_group_id
         ${options.live ? '' : 'LEFT JOIN person p ON p.id = d.responsible_person_id'}
         LEFT JOIN (SELECT dg.deliverable_id, array_agg(dg.goal_id ORDER BY dg.goal_id) AS goal_ids
                      FROM deliverable_goal dg JOIN deliverable dd ON dd.id = dg.deliverable_id
                     WHERE dd.commission_id = $1 GROUP BY dg.deliverable_id) dg ON dg.deliverable_id = d.id
        WHERE d.commission_id = $1
        ORDER BY d.due_on, d.title, d.id`;
    const movesSql = `SELECT dc.deliverable_id, d.title, dc.old_due_on::text, dc.new_due_on::text, dc.reason, dc.changed_at::date::text AS changed_on
         FROM deliverable_deadline_change dc JOIN deliverable d ON d.id = dc.deliverable_id
        WHERE d.commission_id = $1 AND dc.changed_at::date BETWEEN $2 AND $3
        ORDER BY dc.changed_at, dc.id`;
    const queries: SectionQuery[] = [{ sql: rowsSql, params: [scope.commissionId, scope.asOf, scope.periodStart] }];
    if (!options.live) queries.push({ sql: movesSql, params: [scope.commissionId, scope.periodStart, scope.asOf] });
    return { queries, assemble: ([rows, moves = []]) => this.assemble(rows, moves) };
  }

  private assemble(rows: any[], moves: any[]): SectionResult<DeliverablesSection> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const deliverables: DeliverableRow[] = rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      status: r.status,
      dueOn: r.due_on,
      deliveredOn: r.delivered_on,
      createdOn: r.created_on,
      groupId: r.working_group_id,
      groupName: r.group_name,
      responsible: r.responsible,
      goalIds: r.goal_ids,
      health: r.health,
      // Rule 1 of rag.ts: the area's health; a delivered deliverable counts as on track; a cancelled one gives no signal.
      rag: r.health ?? (r.status === 'delivered' ? 'on_track' : 'no_data'),
      deadlineChanges: r.deadline_changes,
    }));
    const items: TrackedItem[] = deliverables.map((d) => ({
      key: `deliverable:${d.id}`,
      kind: 'deliverable',
      title: d.title,
      status: d.status,
      rag: d.rag,
      dueOn: d.dueOn,
      done: d.status === 'delivered',
    }));
    const signals: RagSignal[] = deliverables
      .filter((d) => d.status !== 'cancelled')
      .map((d) => ({ groupId: d.groupId, goalIds: d.goalIds, rag: d.rag, source: `deliverable:${d.id}` }));
    const overdue: OverdueItem[] = rows
      .filter((r) => r.health === 'late')
      .map((r) => ({ key: `deliverable:${r.id}`, kind: 'deliverable', title: r.title, dueOn: r.due_on, groupName: r.group_name, daysOverdue: r.days_over }));
    return {
      data: {
        deliverables,
        deadlineMoves: moves.map((m) => ({ deliverableId: m.deliverable_id, title: m.title, oldDueOn: m.old_due_on, newDueOn: m.new_due_on, reason: m.reason, changedOn: m.changed_on })),
      },
      items,
      signals,
      overdue,
      activity: rows.filter((r) => r.active_in_period).length + moves.length,
    };
  }
}
