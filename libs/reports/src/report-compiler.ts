import { countByRag, mandateSignal, rollUp, Rag } from './rag';
import { diffItems, TrackedItem } from './diff';
import type { ReportKind, ReportSnapshot, ReportSummary } from './report-snapshot';
import type { ReportPeriod } from './period';
import { CompositionSectionBuilder, CompositionSection } from './sections/composition.section';
import { MandateSectionBuilder, MandateSection } from './sections/mandate.section';
import { DeliverablesSectionBuilder } from './sections/deliverables.section';
import { MeetingsSectionBuilder } from './sections/meetings.section';
import './section-pages';
import { queryPlansCombined, runPlan } from './sections/section';
import type { OverdueItem, Queryable, RagSignal, ReportSection, SectionOptions, SectionPlan, SectionResult, SectionScope } from './sections/section';

/** The sections every report is built from, in order. */
export function defaultSections(): ReportSection[] {
  return [new MandateSectionBuilder(), new CompositionSectionBuilder(), new DeliverablesSectionBuilder(), new MeetingsSectionBuilder()];
}

export interface CompileRequest {
  commissionId: string;
  period: ReportPeriod;
  asOf: string;
  kind: ReportKind;
  previous?: { id: string; items: TrackedItem[] };
}

export interface CompileOptions extends SectionOptions {
  /**
   * The sections' statements as ONE statement (`runPlansCombined`; a section without a
   * plan runs its own statements after it). The worker compiles statement by statement
   * in its transaction; the live overview, with no transaction, in one.
   */
  combined?: boolean;
}

/** Each section's result, in the sections' order. */
async function buildSections(q: Queryable, scope: SectionScope, sections: ReportSection[], options: CompileOptions): Promise<SectionResult[]> {
  if (!options.combined) {
    const results: SectionResult[] = [];
    for (const section of sections) results.push(section.plan ? await runPlan(q, section.plan(scope, options), scope) : await section.build(q, scope));
    return results;
  }
  const planned = sections.map((section) => section.plan?.(scope, options));
  const { rows } = await queryPlansCombined(q, planned.filter((plan): plan is SectionPlan => plan !== undefined));
  return assembleSections(q, scope, sections, planned, rows);
}

/**
 * The sections' results from the rows of their plans' queries (`queryPlansCombined`, in the
 * order of the plans given); a section without a plan runs its own statements here.
 */
export async function assembleSections(
  q: Queryable,
  scope: SectionScope,
  sections: readonly ReportSection[],
  planned: (SectionPlan | undefined)[],
  rows: any[][][], // eslint-disable-line @typescript-eslint/no-explicit-any
): Promise<SectionResult[]> {
  const results: SectionResult[] = [];
  let next = 0;
  for (const [i, section] of sections.entries()) {
    const plan = planned[i];
    results.push(plan ? plan.assemble(rows[next++], scope) : await section.build(q, scope));
  }
  return results;
}

/**
 * Builds a report snapshot from its sections, then rolls RAG up (rag.ts) and
 * diffs against the previous report. Pure apart from the sections' SQL, which
 * runs on the caller's transaction (or as one statement: `options.combined`).
 * With `options.live` the sections leave out what only a stored report shows
 * (SectionOptions): the roll-up, the overdue list and the tracked items are the same.
 */
export async function compileSnapshot(
  q: Queryable,
  request: CompileRequest,
  sections: ReportSection[] = defaultSections(),
  options: CompileOptions = {},
): Promise<{ snapshot: ReportSnapshot; summary: ReportSummary }> {
  const results = await buildSections(q, scopeOf(request), sections, options);
  return composeSnapshot(request, sections, results);
}

/** The scope the sections are compiled for. */
export function scopeOf(request: CompileRequest): SectionScope {
  return { commissionId: request.commissionId, periodStart: request.period.start, periodEnd: request.period.end, asOf: request.asOf };
}

/** The snapshot and its summary from the sections' results (in the sections' order): roll-up, overdue list, diff. No SQL. */
export function composeSnapshot(request: CompileRequest, sections: readonly ReportSection[], results: SectionResult[]): { snapshot: ReportSnapshot; summary: ReportSummary } {
  const data: Record<string, unknown> = {};
  const items: TrackedItem[] = [];
  const signals: RagSignal[] = [];
  const overdue: OverdueItem[] = [];
  let activity = 0;
  for (const [i, section] of sections.entries()) {
    const result = results[i];
    data[section.name] = result.data;
    items.push(...(result.items ?? []));
    signals.push(...(result.signals ?? []));
    overdue.push(...(result.overdue ?? []));
    activity += result.activity;
  }
  const mandate = data.mandate as MandateSection;
  const composition = data.composition as CompositionSection;

  // Rule 2: a group's signals.
  const groupRag: Record<string, Rag> = {};
  for (const group of composition.groups) {
    groupRag[group.id] = rollUp(signals.filter((s) => s.groupId === group.id).map((s) => s.rag));
  }
  // Rule 3: a goal's signals.
  const goalRag: Record<string, Rag> = {};
  for (const goal of composition.goals) {
    goalRag[goal.id] = rollUp([...goal.groupIds.map((id) => groupRag[id] ?? 'no_data'), ...signals.filter((s) => s.goalIds.includes(goal.id)).map((s) => s.rag)]);
  }
  // Rule 4: the commission's signals.
  const mandateRag = mandateSignal(mandate, request.asOf);
  const commissionRag = rollUp([
    ...Object.values(groupRag),
    ...signals.filter((s) => s.groupId === null).map((s) => s.rag),
    ...(mandateRag ? [mandateRag] : []),
  ]);
  for (const group of composition.groups) {
    items.push({ key: `group:${group.id}`, kind: 'group', title: group.name, status: group.status, rag: groupRag[group.id], dueOn: null, done: group.status === 'concluded' });
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.title.localeCompare(b.title));
  const diff = diffItems(request.previous?.items, items, request.previous?.id ?? null);
  const isEmpty = activity === 0;
  const snapshot: ReportSnapshot = {
    version: 1,
    commissionId: request.commissionId,
    periodKey: request.period.key,
    periodStart: request.period.start,
    periodEnd: request.period.end,
    asOf: request.asOf,
    kind: request.kind,
    sectionsIncluded: sections.map((s) => s.name),
    sections: data as ReportSnapshot['sections'],
    rollup: { commission: commissionRag, groups: groupRag, goals: goalRag, signals },
    items,
    overdue,
    diff,
    activity,
    isEmpty,
  };
  const deliverableRags = items.filter((i) => i.kind === 'deliverable').map((i) => i.rag);
  const summary: ReportSummary = {
    rag: commissionRag,
    groups: countByRag(Object.values(groupRag)),
    goals: countByRag(Object.values(goalRag)),
    deliverables: countByRag(deliverableRags),
    overdueCount: overdue.length,
    overdue: overdue.slice(0, 10),
    seats: composition.totals.seats,
    filled: composition.totals.filled,
    holdover: composition.totals.holdover,
    vacant: composition.totals.vacant,
    diff: { new: diff.new.length, changed: diff.changed.length, completed: diff.completed.length, newlyLate: diff.newlyLate.length, hasPrevious: diff.hasPrevious },
    isEmpty,
  };
  return { snapshot, summary };
}
