import type { Rag } from './rag';

/** One thing a report tracks across periods (a deliverable, an action item, a group, the deadline). */
export interface TrackedItem {
  /** Stable across reports: `<kind>:<id>`. */
  key: string;
  kind: string;
  title: string;
  status: string;
  rag: Rag;
  dueOn: string | null;
  done: boolean;
}

export interface ItemChange {
  key: string;
  kind: string;
  title: string;
  /** What differs, e.g. `status: draft → in_review`. Empty for new items. */
  changes: string[];
}

export interface ReportDiff {
  /** False for the first report of a commission (nothing to compare with). */
  hasPrevious: boolean;
  previousReportId: string | null;
  new: ItemChange[];
  changed: ItemChange[];
  completed: ItemChange[];
  newlyLate: ItemChange[];
}

/**
 * What changed since the previous report. An item lands in one list:
 * completed (done now, not before) first, then newly late (late now, not before),
 * then new (not in the previous report), then changed (status, due date or RAG differ).
 */
export function diffItems(previous: TrackedItem[] | undefined, current: TrackedItem[], previousReportId: string | null = null): ReportDiff {
  const diff: ReportDiff = { hasPrevious: previous !== undefined, previousReportId, new: [], changed: [], completed: [], newlyLate: [] };
  const before = new Map((previous ?? []).map((item) => [item.key, item]));
  for (const item of current) {
    const old = before.get(item.key);
    const changes: string[] = [];
    if (old) {
      if (old.status !== item.status) changes.push(`status: ${old.status} → ${item.status}`);
      if (old.dueOn !== item.dueOn) changes.push(`dueOn: ${old.dueOn ?? '–'} → ${item.dueOn ?? '–'}`);
      if (old.rag !== item.rag) changes.push(`rag: ${old.rag} → ${item.rag}`);
    }
    const entry = { key: item.key, kind: item.kind, title: item.title, changes };
    if (previous === undefined) continue;
    if (item.done && !old?.done) diff.completed.push(entry);
    else if (item.rag === 'late' && old?.rag !== 'late') diff.newlyLate.push(entry);
    else if (!old) diff.new.push(entry);
    else if (changes.length > 0) diff.changed.push(entry);
  }
  return diff;
}
