import { AppConfig, configSchema } from '@samverkan/core';
import { registerReminderRule } from '@samverkan/notifications';
import { mailPathSql } from '@samverkan/mail';

/**
 * Reminders owed from the seats area. Each is one set-based query over indexed
 * columns; the dedupe key holds the date it is about, so a moved end date or
 * deadline cancels the old reminders and owes new ones.
 */

// A term ending in 60 and 30 days: to the member and to the commission's secretariat.
registerReminderRule({
  kind: 'appointment.term-ending',
  label: { sv: 'Mandatperiod löper ut', da: 'Udpegningsperiode udløber', en: 'Term ending' },
  optOutAllowed: true,
  subject: {
    sv: 'Mandatperioden för {title} löper ut {date}',
    da: 'Udpegningsperioden for {title} udløber {date}',
    en: 'The term of {title} ends on {date}',
  },
  line: {
    sv: 'Mandatperioden för {title} löper ut {date} ({when}).',
    da: 'Udpegningsperioden for {title} udløber {date} ({when}).',
    en: 'The term of {title} ends on {date} ({when}).',
  },
  owedSql: `
    SELECT r.person_id, 'appointment' AS subject_type, a.id AS subject_id,
           ((a.ends_on - o.days) + time '08:00') AT TIME ZONE p.time_zone AS due_at,
           'appointment.term-ending:' || a.id || ':' || a.ends_on || ':' || o.days || ':' || r.person_id AS dedupe_key,
           jsonb_build_object('title', m.full_name || ' (' || g.name || ')', 'date', a.ends_on, 'days', o.days,
                              'path', ${mailPathSql('workingGroup', 'g.id')}, 'commissionId', g.commission_id) AS props
      FROM appointment a
      CROSS JOIN (VALUES (60), (30)) AS o(days)
      JOIN seat s ON s.id = a.seat_id
      JOIN seat_allocation sa ON sa.id = s.allocation_id
      JOIN working_group g ON g.id = sa.working_group_id
      JOIN person m ON m.id = a.person_id
      JOIN LATERAL (
        SELECT a.person_id
        UNION SELECT cr.person_id FROM commission_role cr WHERE cr.commission_id = g.commission_id AND cr.role = 'secretariat'
      ) r ON true
      JOIN person p ON p.id = r.person_id
     WHERE a.kind = 'principal' AND g.status <> 'concluded'
       AND a.ends_on BETWEEN (:from)::date AND (:until)::date + 60`,
});

// A nomination request not answered: a week before its deadline and on the day.
registerReminderRule({
  kind: 'nomination.unanswered',
  label: { sv: 'Nominering inte besvarad', da: 'Indstilling ikke besvaret', en: 'Nomination not answered' },
  optOutAllowed: false,
  subject: {
    sv: 'Nominering till {title} senast {date}',
    da: 'Indstilling til {title} senest {date}',
    en: 'Nomination for {title} due {date}',
  },
  line: {
    sv: 'Nomineringen till {title} ska vara inne senast {date}.',
    da: 'Indstillingen til {title} skal være modtaget senest {date}.',
    en: 'The nomination for {title} is due by {date}.',
  },
  owedSql: `
    SELECT p.id AS person_id, 'nomination_request' AS subject_type, nr.id AS subject_id,
           ((nr.deadline - o.days) + time '08:00') AT TIME ZONE p.time_zone AS due_at,
           'nomination.unanswered:' || nr.id || ':' || nr.deadline || ':' || o.days || ':' || p.id AS dedupe_key,
           jsonb_build_object('title', g.name || ' – ' || org.name, 'date', nr.deadline, 'days', o.days,
                              'path', ${mailPathSql('nominationRequest', 'nr.id')}, 'commissionId', g.commission_id) AS props
      FROM nomination_request nr
      CROSS JOIN (VALUES (7), (0)) AS o(days)
      JOIN person p ON p.id = coalesce(nr.contact_person_id, nr.sent_by)
      JOIN seat_allocation sa ON sa.id = nr.allocation_id
      JOIN working_group g ON g.id = sa.working_group_id
      JOIN organisation org ON org.id = nr.organisation_id
     WHERE nr.status = 'sent'
       AND nr.deadline BETWEEN (:from)::date AND (:until)::date + 7`,
});

/** SEAT_VACANCY_GRACE_DAYS as the app was configured (SeatsModule sets it at boot); the schema's default until then. */
let vacancyGraceDays: number = configSchema.shape.SEAT_VACANCY_GRACE_DAYS.parse(undefined);

/** Called once at boot with the validated config (an integer, so it goes into the SQL as a literal). */
export function configureSeatReminders(config: Pick<AppConfig, 'SEAT_VACANCY_GRACE_DAYS'>): void {
  vacancyGraceDays = configSchema.shape.SEAT_VACANCY_GRACE_DAYS.parse(config.SEAT_VACANCY_GRACE_DAYS);
}

/**
 * A vacant seat (status VACANT, as SeatsService defines it: no principal term runs
 * and nobody holds over) of an active group: each Monday to the commission's
 * secretariat, once the nomination round has had its time. The seat is vacant since
 * it was made (new allocation, raised count) or since the day after its last
 * principal's term ended. Reminders start the day after the latest deadline of the
 * allocation's nomination requests (not withdrawn) that were still running then, or,
 * with no such request, SEAT_VACANCY_GRACE_DAYS after the seat fell vacant. The first
 * is due at 08:00 that day (later in the week than Monday when that is when the
 * round ends), the following ones on Mondays.
 *
 * Vacant seats are found once (not once per secretariat member), as a set: the
 * principal appointments running today are one range of appointment_principal_until_idx,
 * and the seats without one are anti-joined against them. Only those few are then
 * probed for their latest principal term (appointment_seat_latest_idx) and, the ones
 * left vacant, for their allocation's requests (nomination_request_allocation_idx),
 * once each (`owed` is materialised: inlined, the request lookup ran three times per
 * seat, in the filter, the due moment and the select). The secretariat's time zones
 * are read for its members only.
 */
function seatVacantSql(graceDays: number): string {
  return `
    WITH unfilled AS MATERIALIZED (
      SELECT s.id, s.number, s.created_at, s.allocation_id, sa.organisation_id, g.id AS group_id, g.name AS group_name, g.commission_id, g.holdover_allowed
        FROM seat s
        JOIN seat_allocation sa ON sa.id = s.allocation_id
        JOIN working_group g ON g.id = sa.working_group_id AND g.status = 'active'
       WHERE s.retired_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM appointment a
                          WHERE a.seat_id = s.id AND a.kind = 'principal' AND a.starts_on <= current_date
                            AND coalesce(a.ends_on, 'infinity'::date) >= current_date)),
    vacant AS MATERIALIZED (
      SELECT u.*, greatest(u.created_at::date, lp.ends_on + 1) AS vacant_since
        FROM unfilled u
        LEFT JOIN LATERAL (
             SELECT a.ends_on, a.ended_reason FROM appointment a
              WHERE a.seat_id = u.id AND a.kind = 'principal' AND a.starts_on <= current_date
              ORDER BY a.starts_on DESC LIMIT 1) lp ON true
       -- A term that ran out (not ended early) is held over, not vacant.
       WHERE NOT (u.holdover_allowed AND lp.ends_on IS NOT NULL AND lp.ended_reason IS NULL)),
    owed AS MATERIALIZED (
      SELECT v.*,
             coalesce((SELECT max(nr.deadline) + 1 FROM nomination_request nr
                        WHERE nr.allocation_id = v.allocation_id AND nr.status <> 'withdrawn' AND nr.deadline >= v.vacant_since),
                      v.vacant_since + ${graceDays}) AS remind_from
        FROM vacant v),
    secretariat AS MATERIALIZED (
      SELECT cr.commission_id, cr.person_id, p.time_zone
        FROM commission_role cr JOIN person p ON p.id = cr.person_id
       WHERE cr.role = 'secretariat')
    SELECT sec.person_id, 'seat' AS subject_type, o.id AS subject_id,
           (greatest(date_trunc('week', current_date)::date, o.remind_from) + time '08:00') AT TIME ZONE sec.time_zone AS due_at,
           'seat.vacant:' || o.id || ':' || date_trunc('week', current_date)::date || ':' || sec.person_id AS dedupe_key,
           jsonb_build_object('title', o.group_name || ' – ' || org.name || ' ' || o.number, 'path', ${mailPathSql('workingGroup', 'o.group_id')}, 'commissionId', o.commission_id) AS props
      FROM owed o
      JOIN organisation org ON org.id = o.organisation_id
      JOIN secretariat sec ON sec.commission_id = o.commission_id
     WHERE o.remind_from <= current_date`;
}

registerReminderRule({
  kind: 'seat.vacant',
  label: { sv: 'Vakant plats', da: 'Ledig plads', en: 'Vacant seat' },
  optOutAllowed: true,
  subject: { sv: 'Vakant plats: {title}', da: 'Ledig plads: {title}', en: 'Vacant seat: {title}' },
  line: {
    sv: 'Platsen {title} är vakant. Be den nominerande organisationen om ett namn.',
    da: 'Pladsen {title} er ledig. Bed den indstillende organisation om et navn.',
    en: 'The seat {title} is vacant. Ask the nominating body for a name.',
  },
  // A getter: the engine reads the SQL at each sweep, after boot has set the grace.
  get owedSql() {
    return seatVacantSql(vacancyGraceDays);
  },
});
