/**
 * RAG: how a deliverable, a group, a goal or the whole commission is doing.
 *
 * The rule (documented here, tested in rag.spec.ts, shown on every report page):
 * 1. A deliverable's RAG comes from the deliverables area's health rule
 *    (on track / at risk / late; a completed deliverable counts as on track).
 * 2. A group's signals are its deliverables, and its composition: an active
 *    group with seats where more than half are vacant is at risk (it cannot
 *    reach its quorum reliably; a member holding over sits, so that seat is not
 *    vacant: libs/seats' one definition); and (2b) each action item of its meetings that
 *    is open past its due date puts it at risk (not late: the deliverable is what
 *    is due to the commissioning body).
 * 3. A goal's signals are the signals of the groups that pursue it and the
 *    deliverables linked to it.
 * 4. The commission's signals are all its groups, its deliverables, and its
 *    mandate: a reporting deadline that has passed without the commission having
 *    reported is late.
 * 5. Rolling up: late if any signal is late; otherwise at risk if any is at risk;
 *    otherwise on track if there is any signal; with no signal at all, no data.
 *    (Worst-of, so nothing late can hide behind many things on track; the report
 *    lists which items made a group late.)
 */
export type Rag = 'on_track' | 'at_risk' | 'late' | 'no_data';

export const RAGS: Rag[] = ['late', 'at_risk', 'on_track', 'no_data'];

const WEIGHT: Record<Rag, number> = { no_data: 0, on_track: 1, at_risk: 2, late: 3 };

/** Rule 5: the worst of the signals; no signals is `no_data`. */
export function rollUp(signals: Iterable<Rag>): Rag {
  let worst: Rag = 'no_data';
  for (const signal of signals) if (WEIGHT[signal] > WEIGHT[worst]) worst = signal;
  return worst;
}

/** Rule 2: the composition signal of a group (undefined: composition says nothing). */
export function compositionSignal(group: { status: string; seats: number; vacant: number }): Rag | undefined {
  if (group.status !== 'active' || group.seats === 0) return undefined;
  return group.vacant * 2 > group.seats ? 'at_risk' : 'on_track';
}

/** Rule 4: the mandate signal of a commission as of a day. */
export function mandateSignal(mandate: { reportingDeadline: string | null; status: string }, asOf: string): Rag | undefined {
  if (!mandate.reportingDeadline) return undefined;
  if (mandate.reportingDeadline < asOf && mandate.status === 'active') return 'late';
  return 'on_track';
}

export function countByRag(rags: Iterable<Rag>): Record<Rag, number> {
  const counts: Record<Rag, number> = { on_track: 0, at_risk: 0, late: 0, no_data: 0 };
  for (const rag of rags) counts[rag] += 1;
  return counts;
}
