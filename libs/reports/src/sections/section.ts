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

/**
 * One domain's part of a report. Each builder is set-based SQL over the whole
 * commission (a fixed number of statements however many groups), so a report of
 * a 100-group commission costs the same few statements as one of a single group.
 */
export interface ReportSection<D = unknown> {
  readonly name: string;
  build(q: Queryable, scope: SectionScope): Promise<SectionResult<D>>;
}
