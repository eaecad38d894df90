import { csvDocument } from '@samverkan/core';
import type { ReportSnapshot } from './report-snapshot';
import type { DeliverablesSection } from './sections/deliverables.section';
import type { MeetingsSection } from './sections/meetings.section';

const HEADER = ['section', 'key', 'name', 'group', 'status', 'rag', 'due_on', 'seats', 'filled', 'holdover', 'vacant', 'women', 'men', 'other', 'not_stated', 'detail'];

/**
 * The report's data as one CSV table (RFC 4180, UTF-8 with BOM): the mandate,
 * every group's composition and RAG, goals, tracked items, overdue items and the
 * changes since the last report. Cells that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR first) are defused by `csvDocument`.
 */
export function reportCsv(snapshot: ReportSnapshot): string {
  const s = snapshot.sections;
  const groupName = new Map(s.composition.groups.map((g) => [g.id, g.name]));
  const blank = (n: number) => Array.from({ length: n }, () => '');
  const rows: string[][] = [HEADER];
  rows.push(['report', snapshot.periodKey, s.mandate.title, '', snapshot.kind, snapshot.rollup.commission, snapshot.periodEnd, ...blank(8), `as_of=${snapshot.asOf};empty=${snapshot.isEmpty}`]);
  rows.push(['mandate', s.mandate.id, s.mandate.title, '', s.mandate.status, '', s.mandate.reportingDeadline ?? '', ...blank(8), s.mandate.referenceNumber ?? '']);
  for (const a of s.mandate.amendments) {
    rows.push(['amendment', a.decidedOn, a.reason ?? '', '', '', '', a.newDeadline ?? '', ...blank(8), `previous_deadline=${a.previousDeadline ?? ''}`]);
  }
  for (const g of s.composition.groups) {
    rows.push(['group', g.id, g.name, g.parentId ? (groupName.get(g.parentId) ?? '') : '', g.status, snapshot.rollup.groups[g.id] ?? 'no_data', '',
      String(g.seats), String(g.filled), String(g.holdover), String(g.vacant), String(g.women), String(g.men), String(g.other), String(g.notStated), g.chair ?? '']);
    for (const a of g.allocations) {
      rows.push(['allocation', '', a.organisation, g.name, a.role, '', '', String(a.seats), String(a.filled), String(a.holdover), String(a.vacant), ...blank(4), '']);
    }
  }
  for (const goal of s.composition.goals) {
    rows.push(['goal', goal.code, goal.text, goal.groupIds.map((id) => groupName.get(id) ?? id).join('; '), '', snapshot.rollup.goals[goal.id] ?? 'no_data', '', ...blank(8), goal.priorityArea]);
  }
  const deliverables = s.deliverables as DeliverablesSection | undefined;
  for (const d of deliverables?.deliverables ?? []) {
    rows.push(['deliverable', d.id, d.title, d.groupName ?? '', d.status, d.rag, d.dueOn, ...blank(8), `delivered_on=${d.deliveredOn ?? ''};responsible=${d.responsible ?? ''}`]);
  }
  const meetings = s.meetings as MeetingsSection | undefined;
  for (const m of [...(meetings?.held ?? []), ...(meetings?.planned ?? [])]) {
    rows.push([m.held ? 'meeting_held' : 'meeting_planned', m.id, m.title, m.groupName ?? '', m.status, '', m.onDate, ...blank(8), m.kind]);
  }
  for (const d of meetings?.decisions ?? []) rows.push(['decision', String(d.number), d.text, '', '', '', d.onDate, ...blank(8), d.meetingTitle]);
  for (const a of meetings?.openActionItems ?? []) {
    rows.push(['action_item', a.id, a.title, a.groupName ?? '', a.status, a.overdue ? 'at_risk' : 'on_track', a.dueOn ?? '', ...blank(8), `assignee=${a.assignee ?? ''}`]);
  }
  for (const item of snapshot.items.filter((i) => i.kind !== 'group' && i.kind !== 'mandate' && i.kind !== 'deliverable' && i.kind !== 'action_item')) {
    rows.push(['item', item.key, item.title, '', item.status, item.rag, item.dueOn ?? '', ...blank(8), item.kind]);
  }
  for (const o of snapshot.overdue) {
    rows.push(['overdue', o.key, o.title, o.groupName ?? '', '', 'late', o.dueOn, ...blank(8), `days_overdue=${o.daysOverdue}`]);
  }
  for (const [list, entries] of [['new', snapshot.diff.new], ['changed', snapshot.diff.changed], ['completed', snapshot.diff.completed], ['newly_late', snapshot.diff.newlyLate]] as const) {
    for (const e of entries) rows.push([`diff_${list}`, e.key, e.title, '', '', '', '', ...blank(8), e.changes.join('; ')]);
  }
  return csvDocument(rows);
}
