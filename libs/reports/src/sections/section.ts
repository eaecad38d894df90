import { jsonListColumn } from '@samverkan/core';
import type { TrackedItem } from '../diff';
import type { Rag } from '../rag';

/** What every section builder gets: one commission, one period, the day the report speaks of. */
export interface SectionScope {
  commissionId: string;
  periodStart: string;
  periodEnd: string;
  /** The day the figures are as of: the period's last day, or today for an on-demand report of a running period. */
  asOf: string;
}

/** Runs SQL inside the compiler's (repeatable read) transaction. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A signal for the roll-up: about a group (or the commission as a whole when groupId is null) and the goals it serves. */
export interface RagSignal {
  groupId: string | null;
  goalIds: string[];
  rag: Rag;
  /** What gave the signal, e.g. `deliverable:<id>`. */
  source: string;
}

/** Something overdue on the report's day: a deliverable, an action item. */
export interface OverdueItem {
  key: string;
  kind: string;
  title: string;
  dueOn: string;
  groupName: string | null;
  daysOverdue: number;
}

export interface SectionResult<D = unknown> {
  /** Stored in the snapshot under `sections.<name>`; the page renders it. */
  data: D;
  items?: TrackedItem[];
  signals?: RagSignal[];
  overdue?: OverdueItem[];
  /** How many things this section saw recorded within the period (0 everywhere: the report says the period was empty). */
  activity: number;
}

/** One statement of a section, with its own parameters ($1, $2, … of this statement). */
export interface SectionQuery {
  sql: string;
  params: unknown[];
}

/**
 * What a section's build can leave out. `live`: the commission overview's "the report as it
 * would be today", never stored — only what the RAG roll-up, the overdue list and the tracked
 * items (the diff) are made of: no activity count for the period, no deadline moves, no
 * meetings held or planned, no decisions, no count of deadline changes per deliverable,
 * and no person's name or gender (chair, responsible, gender balance).
 */
export interface SectionOptions {
  live?: boolean;
}

/**
 * A value the statement computes itself (the commission's today, say), written in place of
 * a section's parameter when its plan runs inside a larger statement (`queryPlansCombined`).
 */
export class SqlExpression {
  constructor(readonly sql: string) {}
}

/** The scope a plan's SQL is written for: values, or expressions of the statement it runs in. */
export type PlanScope = { [K in keyof SectionScope]: SectionScope[K] | SqlExpression };

/**
 * A section's statements and how their rows become its result: run one by one
 * (`runPlan`, the worker's compiler) or as sub-selects of ONE statement
 * (`queryPlansCombined`, the overview) — the same SQL and the same assembly either way.
 */
export interface SectionPlan<D = unknown> {
  queries: SectionQuery[];
  /** The rows of each query, in order (objects with the queries' column names), and the scope's values. */
  assemble(rows: any[][], scope: SectionScope): SectionResult<D>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * One domain's part of a report. Each builder is set-based SQL over the whole
 * commission (a fixed number of statements however many groups), so a report of
 * a 100-group commission costs the same few statements as one of a single group.
 * A section with a `plan` can be compiled in one statement together with others.
 */
export interface ReportSection<D = unknown> {
  readonly name: string;
  build(q: Queryable, scope: SectionScope): Promise<SectionResult<D>>;
  plan?(scope: PlanScope, options?: SectionOptions): SectionPlan<D>;
}

/** Runs a plan's statements one after the other on `q` (the caller's transaction). */
export async function runPlan<D>(q: Queryable, plan: SectionPlan<D>, scope: SectionScope): Promise<SectionResult<D>> {
  const rows: unknown[][] = [];
  for (const query of plan.queries) rows.push(await q.query(query.sql, query.params));
  return plan.assemble(rows as any[][], scope); // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** What a combined statement selects besides the plans: its own CTEs (`with`, without the keyword) and columns; its parameters come first ($1 …). */
export interface CombinedHead {
  with: string;
  columns: string;
  params: unknown[];
}

/**
 * Runs the statements of several plans as ONE statement: each query a sub-select whose rows
 * come back as a JSON array (`json_agg` over the query, in its own ORDER BY), its parameters
 * renumbered after those before it, or replaced by the statement's own expression
 * (`SqlExpression`, e.g. a day the head's CTEs compute). One statement sees one snapshot of
 * the database, so the figures agree without a repeatable-read transaction. The section SQL
 * has no `$` but its parameters (no dollar quoting, no `$` in literals). JSON carries every
 * column the sections read as the driver would give it (counts are cast to int, dates to
 * text), with one difference the sections absorb: a timestamp arrives as an ISO string.
 * Returns the head's columns and, per plan, the rows of each of its queries.
 */
export async function queryPlansCombined(q: Queryable, plans: SectionPlan[], head?: CombinedHead): Promise<{ head: Record<string, unknown>; rows: any[][][] }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const params: unknown[] = [...(head?.params ?? [])];
  const columns: string[] = head ? [head.columns] : [];
  let n = 0;
  for (const plan of plans) {
    for (const query of plan.queries) {
      columns.push(jsonListColumn(query.sql, query.params, params, `q${n++}`, (value) => (value instanceof SqlExpression ? `(${value.sql})` : undefined)));
    }
  }
  if (columns.length === 0) return { head: {}, rows: plans.map(() => []) };
  const [row] = await q.query(`${head ? `WITH ${head.with}\n` : ''}SELECT ${columns.join(',\n')}`, params);
  n = 0;
  return { head: row, rows: plans.map((plan) => plan.queries.map(() => row[`q${n++}`])) };
}
