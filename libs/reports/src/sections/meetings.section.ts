import type { TrackedItem } from '../diff';
import { runPlan } from './section';
import type { OverdueItem, Queryable, RagSignal, ReportSection, SectionOptions, PlanScope, SectionPlan, SectionResult, SectionScope } from './section';

/** How far ahead a report lists planned meetings. */
export const PLANNED_HORIZON_DAYS = 90;

export interface MeetingRow {
  id: string;
  title: string;
  kind: string;
  status: string;
  startsAt: string;
  timeZone: string;
  /** The meeting's local date. */
  onDate: string;
  groupId: string | null;
  groupName: string | null;
  held: boolean;
}

export interface DecisionRow {
  meetingId: string;
  meetingTitle: string;
  onDate: string;
  number: number;
  text: string;
}

export interface ActionItemRow {
  id: string;
  title: string;
  status: string;
  dueOn: string | null;
  assignee: string | null;
  meetingTitle: string;
  groupId: string | null;
  groupName: string | null;
  overdue: boolean;
}

export interface MeetingsSection {
  /** Held within the period (up to the report's day). */
  held: MeetingRow[];
  /** Planned after the report's day, up to PLANNED_HORIZON_DAYS ahead. */
  planned: MeetingRow[];
  /** Decisions of the meetings held within the period. */
  decisions: DecisionRow[];
  /** Action items open on the report's day. */
  openActionItems: ActionItemRow[];
}

/**
 * Meetings held in the period and planned ahead, the decisions taken and the
 * action items still open (overdue ones put their group at risk, rule 2b of
 * rag.ts). Three set-based statements for the whole commission (one for a live overview,
 * which shows no meetings or decisions: the action items alone).
 *
 * Decisions and action items come from approved minutes only: a draft (or
 * minutes still with the adjusters) is not yet the record of the meeting and
 * may change, so a report, which is kept, must not quote it. The same rule
 * carries action items to the next meeting (`CARRIED_SQL` in libs/meetings).
 */
export class MeetingsSectionBuilder implements ReportSection<MeetingsSection> {
  readonly name = 'meetings';

  build(q: Queryable, scope: SectionScope): Promise<SectionResult<MeetingsSection>> {
    return runPlan(q, this.plan(scope), scope);
  }

  plan(scope: PlanScope, options: SectionOptions = {}): SectionPlan<MeetingsSection> {
    const meetingsSql = `SELECT m.id, m.title, m.kind, m.status, m.starts_at, m.time_zone, (m.starts_at AT TIME ZONE m.time_zone)::date::text AS on_date,
              m.working_group_id, g.name AS group_name
         FROM meeting m LEFT JOIN working_group g ON g.id = m.working_group_id
        WHERE m.commission_id = $1 AND m.status <> 'cancelled'
          AND m.starts_at >= ($2::date - 1)::timestamptz AND m.starts_at < ($3::date + ${PLANNED_HORIZON_DAYS + 2})::timestamptz
          AND (m.starts_at AT TIME ZONE m.time_zone)::date BETWEEN $2 AND $3::date + ${PLANNED_HORIZON_DAYS}
        ORDER BY m.starts_at, m.id`;
    const decisionsSql = `SELECT m.id AS meeting_id, m.title AS meeting_title, (m.starts_at AT TIME ZONE m.time_zone)::date::text AS on_date, dn.number, dn.text
         FROM decision dn JOIN minutes mi ON mi.id = dn.minutes_id JOIN meeting m ON m.id = mi.meeting_id
        WHERE m.commission_id = $1 AND m.status <> 'cancelled' AND mi.status = 'approved'
          AND (m.starts_at AT TIME ZONE m.time_zone)::date BETWEEN $2 AND $3
        ORDER BY m.starts_at, dn.number`;
    const actionsSql = `SELECT a.id, a.title, a.status, a.due_on::text, p.full_name AS assignee, m.title AS meeting_title, m.working_group_id, g.name AS group_name,
              (a.due_on IS NOT NULL AND a.due_on < $2) AS overdue, ($2::date - a.due_on) AS days_over,
              ((m.starts_at AT TIME ZONE m.time_zone)::date BETWEEN $3 AND $2 OR (a.done_at IS NOT NULL AND a.done_at::date BETWEEN $3 AND $2)) AS active_in_period
         FROM action_item a JOIN minutes mi ON mi.id = a.minutes_id AND mi.status = 'approved'
         JOIN meeting m ON m.id = a.meeting_id
         LEFT JOIN working_group g ON g.id = m.working_group_id
         LEFT JOIN person p ON p.id = a.assignee_person_id
        WHERE m.commission_id = $1 AND (m.starts_at AT TIME ZONE m.time_zone)::date <= $2
          AND (a.status IN ('open', 'in_progress') OR (a.done_at IS NOT NULL AND a.done_at::date BETWEEN $3 AND $2))
        ORDER BY a.due_on NULLS LAST, a.created_at, a.id`;
    const actions = { sql: actionsSql, params: [scope.commissionId, scope.asOf, scope.periodStart] };
    if (options.live) return { queries: [actions], assemble: ([actionRows], values) => this.assemble(values, [], [], actionRows) };
    const period = [scope.commissionId, scope.periodStart, scope.asOf];
    return {
      queries: [{ sql: meetingsSql, params: period }, { sql: decisionsSql, params: period }, actions],
      assemble: ([meetings, decisions, actionRows], values) => this.assemble(values, meetings, decisions, actionRows),
    };
  }

  private assemble(scope: SectionScope, meetings: any[], decisions: any[], actions: any[]): SectionResult<MeetingsSection> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const toMeeting = (m: any): MeetingRow => ({ // eslint-disable-line @typescript-eslint/no-explicit-any
      id: m.id,
      title: m.title,
      kind: m.kind,
      status: m.status,
      startsAt: new Date(m.starts_at).toISOString(),
      timeZone: m.time_zone,
      onDate: m.on_date,
      groupId: m.working_group_id,
      groupName: m.group_name,
      held: m.on_date <= scope.asOf,
    });
    const rows = meetings.map(toMeeting);
    const open = actions.filter((a) => a.status === 'open' || a.status === 'in_progress');
    const openActionItems: ActionItemRow[] = open.map((a) => ({
      id: a.id,
      title: a.title,
      status: a.status,
      dueOn: a.due_on,
      assignee: a.assignee,
      meetingTitle: a.meeting_title,
      groupId: a.working_group_id,
      groupName: a.group_name,
      overdue: a.overdue,
    }));
    const items: TrackedItem[] = actions.map((a) => ({
      key: `action_item:${a.id}`,
      kind: 'action_item',
      title: a.title,
      status: a.status,
      rag: a.status === 'done' ? 'on_track' : a.overdue ? 'at_risk' : 'on_track',
      dueOn: a.due_on,
      done: a.status === 'done',
    }));
    const signals: RagSignal[] = open
      .filter((a) => a.overdue)
      .map((a) => ({ groupId: a.working_group_id, goalIds: [], rag: 'at_risk', source: `action_item:${a.id}` }));
    const overdue: OverdueItem[] = open
      .filter((a) => a.overdue)
      .map((a) => ({ key: `action_item:${a.id}`, kind: 'action_item', title: a.title, dueOn: a.due_on, groupName: a.group_name, daysOverdue: a.days_over }));
    const held = rows.filter((m) => m.held);
    return {
      data: {
        held,
        planned: rows.filter((m) => !m.held),
        decisions: decisions.map((d) => ({ meetingId: d.meeting_id, meetingTitle: d.meeting_title, onDate: d.on_date, number: d.number, text: d.text })),
        openActionItems,
      },
      items,
      signals,
      overdue,
      activity: held.length + decisions.length + actions.filter((a) => a.active_in_period).length,
    };
  }
}
