/**
 * Stale reminders (issue 16). The reminders of one series — one kind, one
 * subject, one person, e.g. "deliverable due" 14, 7 and 1 days before — are
 * worth one mail at a time. An owed reminder is skipped (cancelled with
 * SUPERSEDED as its reason, shown in the reminder log) when a later reminder of
 * its series is owed or went out, and either
 * - that later one's moment has come too (the sweep or the worker was behind,
 *   so both are due now: only the latest is sent), or
 * - its own moment had already passed when it was written (back-filled: a
 *   deliverable created due in 7 days owes its −14 reminder a week late; the
 *   −7 one says what is true).
 * A reminder merely sent a minute late, with the next one days ahead, still goes.
 *
 * `n` is the candidate row's alias; `now` an SQL expression for the moment.
 */
export const SUPERSEDED_REASON = 'superseded: a later reminder of the same series is owed';

export function supersededSql(n: string, now: string): string {
  return `EXISTS (SELECT 1 FROM notification later
                   WHERE later.subject_id = ${n}.subject_id AND later.kind = ${n}.kind AND later.person_id = ${n}.person_id
                     AND later.due_at > ${n}.due_at AND later.status IN ('owed', 'queued', 'sent')
                     AND (later.due_at <= ${now} OR ${n}.created_at > ${n}.due_at))`;
}
