/**
 * Stale reminders (issue 16). The reminders of one series — one kind, one
 * subject, one person, e.g. "deliverable due" 14, 7 and 1 days before — are
 * worth one mail at a time. An owed reminder is skipped (cancelled with
 * SUPERSEDED as its reason, shown in the reminder log) when a later reminder of
 * its series is owed or went out, and either
 * - that later one's moment has come too: of the reminders of a series that are
 *   due, only the latest is sent (a deliverable created due in 7 days owes its
 *   −14 reminder a week late and its −7 one now: the −7 one goes, and it says
 *   what is true), or
 * - its own moment had already passed when it was written (back-filled) and the
 *   later one is due within a day: a deliverable created at 07:00 due tomorrow
 *   gets the −1 reminder at 08:00, not the back-filled −7 one as well.
 * A reminder written in good time and sent late (the worker was down) still goes
 * when the next one is not due yet; its text counts the days when it is rendered.
 *
 * `n` is the candidate row's alias; `now` an SQL expression for the moment.
 */
export const SUPERSEDED_REASON = 'superseded: a later reminder of the same series is owed';

export function supersededSql(n: string, now: string): string {
  return `EXISTS (SELECT 1 FROM notification later
                   WHERE later.subject_id = ${n}.subject_id AND later.kind = ${n}.kind AND later.person_id = ${n}.person_id
                     AND later.due_at > ${n}.due_at AND later.status IN ('owed', 'queued', 'sent')
                     AND (later.due_at <= ${now}
                          OR (${n}.created_at > ${n}.due_at AND later.due_at <= ${now} + interval '1 day')))`;
}
