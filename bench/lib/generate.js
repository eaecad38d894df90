'use strict';
// The national data set, generated inside PostgreSQL with set-based SQL
// (generate_series, INSERT … SELECT): no row passes through Node.
//
// Deterministic: every "random" choice is bench.rnd(stream, i), a hash of the
// row number and the seed (hashint8extended), and every id is bench.id(kind, i),
// an md5 of the seed, the kind and the row number (shaped as a version-4 UUID). Dates are relative to the day
// of generation (the anchor), so "current" appointments and the reminder window
// look the same whichever day it runs; same seed, scale and day → same rows.
//
// The real triggers and constraints stay on (seats are made by the allocation
// trigger, appointments pass the exclusion constraint), so the data set is one
// the application could have written.

const { counts: defaultCounts, seed: defaultSeed, memberLogins: defaultMemberLogins } = require('./config');

/** Rows in the tables that reminder rules read, by table; sums to counts.candidates. */
async function tableExists(client, name) {
  const { rows } = await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [name]);
  return rows[0].present;
}

/**
 * Fills an empty, migrated database. `log(line)` reports each step with its time.
 * Returns what was made (row counts per table and the candidate breakdown).
 */
async function generate(client, { counts = defaultCounts, seed = defaultSeed, memberLogins = defaultMemberLogins, log = () => {} } = {}) {
  const C = counts.commissions;
  const G = counts.groups;
  const P = counts.people;
  const O = counts.organisations;
  const B = counts.bigCommissionGroups;
  const A = G * counts.allocationsPerGroup;
  const R = counts.nominationRounds;
  const staff = 3 * C; // persons 1..3C: two secretariat members and one commissioner per commission
  if (P < staff + 10) throw new Error(`BENCH_SCALE too small: ${P} people cannot staff ${C} commissions`);

  const step = async (what, sql, params) => {
    const started = Date.now();
    const result = await client.query(sql, params);
    log(`${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  };

  await step('helpers', `
    CREATE SCHEMA bench;
    CREATE FUNCTION bench.rnd(stream int, i bigint) RETURNS float8 IMMUTABLE PARALLEL SAFE LANGUAGE sql AS
      $$ SELECT ((hashint8extended(i, ${seed}::bigint * 1000 + stream) & 9223372036854775807) % 1000000007)::float8 / 1000000007 $$;
    CREATE FUNCTION bench.pick(stream int, i bigint, lo bigint, hi bigint) RETURNS bigint IMMUTABLE PARALLEL SAFE LANGUAGE sql AS
      $$ SELECT lo + floor(bench.rnd(stream, i) * (hi - lo + 1))::bigint $$;
    -- A version-4 shaped UUID (version and variant nibbles set), as the API's inputs validate ids as UUIDs.
    CREATE FUNCTION bench.id(kind text, i bigint) RETURNS uuid IMMUTABLE PARALLEL SAFE LANGUAGE sql AS
      $$ SELECT overlay(overlay(md5('${seed}:' || kind || ':' || i) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$;
    CREATE TABLE bench.meta (key text PRIMARY KEY, value jsonb NOT NULL);
    INSERT INTO bench.meta VALUES ('anchor', to_jsonb(current_date)), ('seed', '${seed}'), ('counts', '${JSON.stringify(counts)}'::jsonb);
  `);

  await step(`${O} organisations`, `
    INSERT INTO organisation (id, name, short_name, kind, country, region_code, email)
    SELECT bench.id('org', i),
           (ARRAY['Ministry', 'Agency', 'Region', 'Municipality', 'University', 'Society', 'Association', 'Company', 'Union', 'Government', 'Foundation'])[k]
             || ' ' || i,
           'O' || i,
           (ARRAY['ministry', 'agency', 'region', 'municipality', 'university', 'professional_body', 'association', 'company', 'union', 'government', 'other'])[k],
           c.country,
           -- Regions and municipalities lie in one of their country's regions (the controlled list).
           CASE WHEN k IN (3, 4) THEN (SELECT code FROM region r WHERE r.country = c.country ORDER BY code
                                        OFFSET i % (SELECT count(*) FROM region r2 WHERE r2.country = c.country) LIMIT 1) END,
           'org' || i || '@bench.samverkan.test'
      FROM generate_series(1, ${O}) i,
           LATERAL (SELECT CASE WHEN i <= 20 THEN 1 ELSE bench.pick(1, i, 1, 11)::int END AS k) kind,
           LATERAL (SELECT CASE WHEN bench.rnd(2, i) < 0.6 THEN 'SE' ELSE 'DK' END AS country) c`);

  await step(`${P} people`, `
    INSERT INTO person (id, full_name, email, title, affiliation_id, locale, time_zone, gender)
    SELECT bench.id('person', i),
           (ARRAY['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Anders', 'Eva', 'Johan', 'Mette', 'Søren', 'Ingrid', 'Mikkel', 'Sara', 'Jens', 'Astrid', 'Ole'])[bench.pick(3, i, 1, 16)]
             || ' ' ||
           (ARRAY['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsen', 'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Lindqvist', 'Berg', 'Holm', 'Dahl', 'Lund', 'Strand'])[bench.pick(4, i, 1, 16)]
             || ' ' || i,
           'person' || i || '@bench.samverkan.test',
           CASE WHEN bench.rnd(5, i) < 0.3 THEN 'Senior adviser' END,
           bench.id('org', bench.pick(6, i, 1, ${O})),
           l.locale,
           CASE l.locale WHEN 'sv' THEN 'Europe/Stockholm' WHEN 'da' THEN 'Europe/Copenhagen' ELSE 'Europe/London' END,
           CASE WHEN bench.rnd(8, i) < 0.48 THEN 'woman' WHEN bench.rnd(8, i) < 0.96 THEN 'man' WHEN bench.rnd(8, i) < 0.97 THEN 'other' END
      FROM generate_series(1, ${P}) i,
           LATERAL (SELECT CASE WHEN bench.rnd(7, i) < 0.55 THEN 'sv' WHEN bench.rnd(7, i) < 0.9 THEN 'da' ELSE 'en' END AS locale) l`);

  await step(`${C} commissions with secretariat and commissioners`, `
    INSERT INTO commission (id, title, kind, commissioning_body_id, lead_organisation_id, reference_number, description,
                            starts_on, initial_reporting_deadline, reporting_deadline, report_cadence, time_zone)
    SELECT bench.id('commission', c),
           'Uppdrag ' || c || ': ' || (ARRAY['life science', 'health data', 'precision medicine', 'competence supply', 'crisis preparedness',
                                            'genome medicine', 'digital infrastructure', 'climate adaptation'])[1 + c % 8],
           (ARRAY['government_assignment', 'ministerial_working_group', 'strategy_collaboration_group', 'innovation_programme', 'board_working_group', 'inquiry'])[1 + c % 6],
           bench.id('org', 1 + c % 20), bench.id('org', bench.pick(10, c, 21, ${O})),
           'Dnr ' || (2020 + c % 6) || '/' || lpad(c::text, 5, '0'),
           'Benchmark commission ' || c,
           current_date - bench.pick(11, c, 30, 1500)::int,
           current_date + bench.pick(12, c, 30, 400)::int,
           current_date + bench.pick(12, c, 30, 400)::int + bench.pick(13, c, 0, 300)::int,
           (ARRAY['monthly', 'quarterly', 'half_yearly', 'yearly'])[bench.pick(14, c, 1, 4)],
           CASE WHEN c % 3 = 0 THEN 'Europe/Copenhagen' ELSE 'Europe/Stockholm' END
      FROM generate_series(1, ${C}) c;
    INSERT INTO commission_role (id, commission_id, person_id, role)
    SELECT bench.id('role', 3 * c - 3 + r), bench.id('commission', c), bench.id('person', 3 * c - 3 + r),
           CASE WHEN r < 3 THEN 'secretariat' ELSE 'commissioner' END
      FROM generate_series(1, ${C}) c, generate_series(1, 3) r`);

  // Group g belongs to commission 1 (the big one) for g <= B, to commission 2
  // (the one-group commission) for g = B + 1, and round-robin to the rest.
  await step(`${G} working groups`, `
    CREATE TABLE bench.grp AS
    SELECT g, bench.id('group', g) AS id,
           CASE WHEN g <= ${B} THEN 1 WHEN g = ${B} + 1 THEN 2 ELSE 3 + (g - ${B} - 2) % greatest(${C} - 2, 1) END AS c,
           CASE WHEN g <= ${B} + 1 THEN 'active' WHEN bench.rnd(15, g) < 0.85 THEN 'active' WHEN bench.rnd(15, g) < 0.9 THEN 'forming' ELSE 'concluded' END AS status,
           bench.rnd(16, g) >= 0.3 AS holdover_allowed
      FROM generate_series(1, ${G}) g;
    INSERT INTO working_group (id, commission_id, name, purpose, status, chair_person_id, lead_organisation_id, secretariat_organisation_id,
                               holdover_allowed, established_on, concluded_on)
    SELECT g.id, bench.id('commission', g.c),
           (ARRAY['Arbetsgrupp', 'Arbejdsgruppe', 'Working group'])[1 + g.g % 3] || ' ' || g.g,
           'Pursues goal ' || (1 + g.g % 8) || '.' || (1 + g.g % 5),
           g.status,
           bench.id('person', bench.pick(17, g.g, ${staff + 1}, ${P})),
           bench.id('org', bench.pick(18, g.g, 1, ${O})), bench.id('org', 1 + g.c % 20),
           g.holdover_allowed,
           current_date - bench.pick(19, g.g, 100, 1400)::int,
           CASE WHEN g.status = 'concluded' THEN current_date - bench.pick(20, g.g, 1, 90)::int END
      FROM bench.grp g ORDER BY g.g;
    ALTER TABLE bench.grp ADD PRIMARY KEY (g);
    -- k-th group of commission c, for picking "one of the commission's groups".
    CREATE TABLE bench.grp_rank AS
    SELECT g.c, row_number() OVER (PARTITION BY g.c ORDER BY g.g) AS k, g.g, count(*) OVER (PARTITION BY g.c) AS n FROM bench.grp g;
    CREATE UNIQUE INDEX ON bench.grp_rank (c, k)`);

  // The allocation trigger makes the seats (with random ids); they are then
  // given deterministic ids. Eight allocations per group, 1+2+3+4+1+2+3+4 = 20 seats.
  await step(`${A} seat allocations and ${counts.seats} seats`, `
    CREATE TABLE bench.alloc AS
    SELECT a, bench.id('alloc', a) AS id, (a - 1) / ${counts.allocationsPerGroup} + 1 AS g,
           1 + (((a - 1) / ${counts.allocationsPerGroup} + 1) + (a - 1) % ${counts.allocationsPerGroup}) % 4 AS seat_count,
           bench.pick(21, a, 1, ${O}) AS org
      FROM generate_series(1, ${A}) a;
    INSERT INTO seat_allocation (id, working_group_id, organisation_id, nominating_organisation_id, seat_count, role,
                                 required_perspective, requires_gender_pair, term_months)
    SELECT al.id, bench.id('group', al.g), bench.id('org', al.org), bench.id('org', al.org), al.seat_count,
           CASE WHEN (al.a - 1) % ${counts.allocationsPerGroup} = 0 THEN 'chair' WHEN bench.rnd(22, al.a) < 0.1 THEN 'expert' ELSE 'member' END,
           CASE WHEN bench.rnd(23, al.a) < 0.2 THEN 'general practice' END,
           bench.rnd(24, al.a) < 0.2,
           (ARRAY[24, 36, 48])[bench.pick(25, al.a, 1, 3)]
      FROM bench.alloc al ORDER BY al.a;
    -- The seats are as old as their earliest terms (the vacancy reminder counts from a seat's creation).
    UPDATE seat s SET id = bench.id('seat', (al.a - 1) * 4 + s.number), created_at = now() - interval '11 years' FROM bench.alloc al WHERE al.id = s.allocation_id;
    CREATE TABLE bench.seat AS
    SELECT row_number() OVER (ORDER BY al.a, s.number) AS s, bench.id('seat', (al.a - 1) * 4 + s.number) AS id, al.a, al.g, g.c, g.holdover_allowed
      FROM seat s JOIN bench.alloc al ON al.id = s.allocation_id JOIN bench.grp g ON g.g = al.g;
    ALTER TABLE bench.seat ADD PRIMARY KEY (s)`);

  // Who sits where now: 85 % of seats have a current principal (some holding
  // over), 12 % had one whose term ended, 3 % never had one. A tenth of the
  // principals have a substitute.
  await step('current appointments and substitutes', `
    CREATE TABLE bench.term AS
    SELECT s.s, s.id AS seat_id, kind.k,
           CASE kind.k WHEN 'current' THEN current_date - bench.pick(31, s.s, 0, 1000)::int ELSE current_date - bench.pick(31, s.s, 400, 1400)::int END AS starts_on,
           CASE kind.k
             WHEN 'current' THEN CASE WHEN bench.rnd(32, s.s) < 0.3 THEN NULL ELSE current_date - 30 + bench.pick(33, s.s, 0, 1000)::int END
             ELSE current_date - 1 - bench.pick(33, s.s, 0, 300)::int END AS ends_on
      FROM bench.seat s, LATERAL (SELECT CASE WHEN bench.rnd(30, s.s) < 0.85 THEN 'current' WHEN bench.rnd(30, s.s) < 0.97 THEN 'ended' END AS k) kind
     WHERE kind.k IS NOT NULL;
    UPDATE bench.term SET ends_on = starts_on WHERE ends_on < starts_on;
    ALTER TABLE bench.term ADD PRIMARY KEY (s);
    INSERT INTO appointment (id, seat_id, person_id, kind, starts_on, ends_on, term_number)
    SELECT bench.id('appointment', t.s), t.seat_id, bench.id('person', bench.pick(34, t.s, ${staff + 1}, ${P})), 'principal', t.starts_on, t.ends_on, 1 + bench.pick(35, t.s, 0, 2)::int
      FROM bench.term t ORDER BY t.s;
    INSERT INTO appointment (id, seat_id, person_id, kind, starts_on, ends_on, term_number)
    SELECT bench.id('substitute', t.s), t.seat_id, bench.id('person', bench.pick(36, t.s, ${staff + 1}, ${P})), 'substitute', t.starts_on, t.ends_on, 1
      FROM bench.term t WHERE t.k = 'current' AND bench.rnd(37, t.s) < 0.1 ORDER BY t.s`);

  await step(`${A * R} nomination requests (${R} rounds per allocation)`, `
    INSERT INTO nomination_request (id, allocation_id, organisation_id, contact_person_id, seats_requested, message, deadline, status, sent_at, sent_by, answered_at)
    SELECT bench.id('nr', (al.a - 1) * ${R} + j), al.id, bench.id('org', al.org),
           bench.id('person', bench.pick(40, (al.a - 1) * ${R} + j, ${staff + 1}, ${P})),
           al.seat_count, 'Please nominate for round ' || j, d.deadline, st.status,
           (d.deadline - 30)::timestamptz, bench.id('person', 3 * g.c - 2),
           CASE WHEN st.status = 'answered' THEN (d.deadline - bench.pick(42, (al.a - 1) * ${R} + j, 0, 20)::int)::timestamptz END
      FROM bench.alloc al JOIN bench.grp g ON g.g = al.g, generate_series(1, ${R}) j,
           LATERAL (SELECT CASE WHEN j = 1 THEN current_date - 10 + bench.pick(41, al.a, 0, 60)::int
                                ELSE current_date - (j - 1) * 365 - bench.pick(41, (al.a - 1) * ${R} + j, 0, 100)::int END AS deadline) d,
           LATERAL (SELECT CASE WHEN j = 1 AND bench.rnd(43, al.a) < 0.3 THEN 'sent'
                                WHEN bench.rnd(44, (al.a - 1) * ${R} + j) < 0.05 THEN 'withdrawn' ELSE 'answered' END AS status) st
     ORDER BY al.a, j`);

  const made = {};
  // Deliverables and meetings (when their areas' tables exist) count as candidates too.
  made.deliverables = (await tableExists(client, 'deliverable')) ? await generateDeliverables(client, { counts, staff, step }) : 0;
  made.meetings = (await tableExists(client, 'meeting')) ? await generateMeetings(client, { counts, staff, step }) : { meetings: 0, invitations: 0 };

  // Terms before the current one, one year each, going back: as many as make
  // the candidate rows add up to counts.candidates.
  const { rows: [sizes] } = await client.query(`
    SELECT (SELECT count(*) FROM appointment)::int AS appointments, (SELECT count(*) FROM nomination_request)::int AS requests,
           (SELECT count(*) FROM seat)::int AS seats, (SELECT count(*) FROM bench.term)::int AS seats_with_terms`);
  const others = sizes.requests + sizes.seats + made.deliverables + made.meetings.meetings + made.meetings.invitations;
  const history = Math.max(0, counts.candidates - others - sizes.appointments);
  const perSeat = Math.floor(history / sizes.seats_with_terms);
  const extra = history % sizes.seats_with_terms;
  await step(`${history} earlier terms (${perSeat}–${perSeat + (extra ? 1 : 0)} per seat)`, `
    INSERT INTO appointment (id, seat_id, person_id, kind, starts_on, ends_on, term_number, ended_reason)
    SELECT bench.id('history', t.s * 1000 + j), t.seat_id, bench.id('person', bench.pick(50, t.s * 1000 + j, ${staff + 1}, ${P})), 'principal',
           t.starts_on - j * 365, t.starts_on - 1 - (j - 1) * 365, 1, CASE WHEN j % 4 = 0 THEN 'resigned' END
      FROM (SELECT t.*, row_number() OVER (ORDER BY t.s) AS rank FROM bench.term t) t,
           generate_series(1, ${perSeat} + CASE WHEN t.rank <= ${extra} THEN 1 ELSE 0 END) j
     ORDER BY t.s, j`);

  await step(`${counts.notificationHistory} reminders sent in earlier years`, `
    INSERT INTO notification (id, person_id, kind, subject_type, subject_id, due_at, dedupe_key, props, status, delivery, created_at, updated_at)
    SELECT bench.id('nh', i), bench.id('person', bench.pick(60, i, 1, ${P})),
           (ARRAY['appointment.term-ending', 'nomination.unanswered', 'seat.vacant'])[bench.pick(61, i, 1, 3)],
           'appointment', bench.id('nhs', i), d.due_at, 'bench-history:' || i, jsonb_build_object('title', 'Earlier reminder ' || i),
           'sent', 'immediate', d.due_at, d.due_at
      FROM generate_series(1, ${counts.notificationHistory}) i,
           LATERAL (SELECT (current_date - bench.pick(62, i, 20, 730)::int + time '08:00')::timestamptz AS due_at) d`);

  // One signed-in secretariat member per commission (the dashboard's reader) and one administrator.
  await step('bench logins (one secretariat member per commission, one administrator)', `
    INSERT INTO account (id, person_id, email, password_hash, is_admin)
    SELECT bench.id('account', c), bench.id('person', 3 * c - 2), 'person' || (3 * c - 2) || '@bench.samverkan.test', 'bench: no password login', false
      FROM generate_series(1, ${C}) c
    UNION ALL
    SELECT bench.id('account', 0), bench.id('person', ${P}), 'person${P}@bench.samverkan.test', 'bench: no password login', true;
    INSERT INTO session (id, account_id, refresh_token_hash, expires_at)
    SELECT bench.id('session', c), bench.id('account', c), 'bench', now() + interval '400 days' FROM generate_series(0, ${C}) c`);

  // Members who read My page: the first people (by number) who sit in a seat today, each with an account and a session.
  await step(`${memberLogins} member logins (people with a current appointment)`, `
    CREATE TABLE bench.member AS
    SELECT row_number() OVER (ORDER BY m.i) AS k, m.i
      FROM (SELECT DISTINCT bench.pick(34, t.s, ${staff + 1}, ${P}) AS i FROM bench.term t WHERE t.k = 'current') m
     WHERE m.i < ${P}
     ORDER BY m.i LIMIT ${memberLogins};
    INSERT INTO account (id, person_id, email, password_hash, is_admin)
    SELECT bench.id('member-account', m.i), bench.id('person', m.i), 'person' || m.i || '@bench.samverkan.test', 'bench: no password login', false
      FROM bench.member m ORDER BY m.k;
    INSERT INTO session (id, account_id, refresh_token_hash, expires_at)
    SELECT bench.id('member-session', m.i), bench.id('member-account', m.i), 'bench', now() + interval '400 days' FROM bench.member m ORDER BY m.k`);

  const { rows: [result] } = await client.query(`
    SELECT (SELECT count(*) FROM organisation)::int AS organisations, (SELECT count(*) FROM person)::int AS people,
           (SELECT count(*) FROM commission)::int AS commissions, (SELECT count(*) FROM working_group)::int AS groups,
           (SELECT count(*) FROM seat_allocation)::int AS allocations, (SELECT count(*) FROM seat)::int AS seats,
           (SELECT count(*) FROM appointment)::int AS appointments, (SELECT count(*) FROM nomination_request)::int AS nomination_requests,
           (SELECT count(*) FROM notification)::int AS notifications`);
  result.deliverables = made.deliverables;
  result.meetings = made.meetings.meetings;
  result.meeting_invitations = made.meetings.invitations;
  result.candidates = {
    appointments: result.appointments,
    nomination_requests: result.nomination_requests,
    seats: result.seats,
    deliverables: made.deliverables,
    meetings: made.meetings.meetings,
    meeting_invitations: made.meetings.invitations,
  };
  result.candidates.total = Object.values(result.candidates).reduce((a, b) => a + b, 0);
  await client.query(`INSERT INTO bench.meta VALUES ('made', $1::jsonb)`, [JSON.stringify(result)]);
  return result;
}

/**
 * Deliverables (libs/deliverables), spread evenly over the commissions, 70 % of
 * them tied to one of the commission's groups. Due dates run from two years
 * back to a year ahead; most past ones were delivered, some are late, the coming
 * ones are planned, in progress, in review or approved.
 */
async function generateDeliverables(client, { counts, staff, step }) {
  const C = counts.commissions;
  const D = counts.deliverables;
  await step(`${D} deliverables`, `
    INSERT INTO deliverable (id, commission_id, working_group_id, title, description, kind, due_on, status, responsible_person_id, delivered_on, created_by)
    SELECT bench.id('deliverable', i), bench.id('commission', x.c),
           CASE WHEN bench.rnd(70, i) < 0.7 THEN (SELECT bench.id('group', r.g) FROM bench.grp_rank r WHERE r.c = x.c AND r.k = 1 + bench.pick(71, i, 0, 1000000) % r.n) END,
           (ARRAY['Delrapport', 'Slutrapport', 'Kartläggning', 'Förslag', 'Delrapport', 'Memo'])[bench.pick(72, i, 1, 6)] || ' ' || i,
           'Benchmark deliverable ' || i,
           (ARRAY['report', 'interim_report', 'final_report', 'memo', 'proposal', 'dataset', 'event'])[bench.pick(73, i, 1, 7)],
           x.due_on, x.status,
           CASE WHEN bench.rnd(74, i) < 0.9 THEN bench.id('person', bench.pick(75, i, ${staff + 1}, ${counts.people})) END,
           CASE WHEN x.status = 'delivered' THEN x.due_on - bench.pick(76, i, 0, 10)::int END,
           bench.id('person', 3 * x.c - 2)
      FROM generate_series(1, ${D}) i,
           LATERAL (SELECT 1 + (i - 1) % ${C} AS c, current_date + bench.pick(77, i, -700, 400)::int AS due_on) d,
           LATERAL (SELECT d.c,
                           d.due_on,
                           CASE WHEN d.due_on < current_date - 30 THEN
                                  CASE WHEN bench.rnd(78, i) < 0.85 THEN 'delivered' WHEN bench.rnd(78, i) < 0.9 THEN 'cancelled'
                                       WHEN bench.rnd(78, i) < 0.95 THEN 'in_progress' ELSE 'in_review' END
                                ELSE (ARRAY['planned', 'planned', 'in_progress', 'in_progress', 'in_review', 'approved'])[bench.pick(79, i, 1, 6)] END AS status) x
     ORDER BY i`);
  return D;
}

/**
 * Meetings (libs/meetings), spread evenly over the commissions, 70 % of them of
 * one group (the rest of the whole commission), from ~20 months back to ~7
 * months ahead, two hours each at a local daytime hour; 5 % cancelled. Ten
 * invitations each (distinct people); past ones answered, a third of the coming
 * ones not yet.
 */
async function generateMeetings(client, { counts, staff, step }) {
  const C = counts.commissions;
  const M = counts.meetings;
  const perMeeting = 10;
  const pool = counts.people - staff;
  await step(`${M} meetings`, `
    INSERT INTO meeting (id, commission_id, working_group_id, kind, title, starts_at, ends_at, time_zone, place, status, sequence, organizer_person_id)
    SELECT bench.id('meeting', i), bench.id('commission', x.c),
           CASE WHEN bench.rnd(81, i) < 0.7 THEN (SELECT bench.id('group', r.g) FROM bench.grp_rank r WHERE r.c = x.c AND r.k = 1 + bench.pick(82, i, 0, 1000000) % r.n) END,
           (ARRAY['meeting', 'meeting', 'meeting', 'workshop', 'webinar', 'dialogue'])[bench.pick(83, i, 1, 6)],
           (ARRAY['Möte', 'Møde', 'Workshop', 'Dialogmöte'])[bench.pick(84, i, 1, 4)] || ' ' || i,
           x.starts_at, x.starts_at + interval '2 hours', x.tz, 'Room ' || bench.pick(85, i, 1, 40),
           CASE WHEN bench.rnd(86, i) < 0.05 THEN 'cancelled' WHEN bench.rnd(86, i) < 0.6 THEN 'confirmed' ELSE 'planned' END,
           0, bench.id('person', 3 * x.c - 2)
      FROM generate_series(1, ${M}) i,
           LATERAL (SELECT 1 + (i - 1) % ${C} AS c) d,
           LATERAL (SELECT d.c, CASE WHEN d.c % 3 = 0 THEN 'Europe/Copenhagen' ELSE 'Europe/Stockholm' END AS tz) z,
           LATERAL (SELECT z.c, z.tz,
                           ((current_date + bench.pick(87, i, -600, 200)::int) + make_time(bench.pick(88, i, 9, 15)::int, 0, 0)) AT TIME ZONE z.tz AS starts_at) x
     ORDER BY i`);
  await step(`${M * perMeeting} invitations (${perMeeting} per meeting)`, `
    INSERT INTO invitation (id, meeting_id, person_id, role, rsvp, responded_at, invited_at)
    SELECT bench.id('invitation', (i - 1) * ${perMeeting} + j), bench.id('meeting', i),
           bench.id('person', ${staff + 1} + (bench.pick(89, i, 0, ${pool - 1}) + j * 37) % ${pool}),
           CASE WHEN j = 0 THEN 'chair' ELSE 'member' END,
           r.rsvp, CASE WHEN r.rsvp <> 'pending' THEN m.starts_at - interval '5 days' END, m.starts_at - interval '30 days'
      FROM generate_series(1, ${M}) i
      JOIN meeting m ON m.id = bench.id('meeting', i),
           generate_series(0, ${perMeeting - 1}) j,
           LATERAL (SELECT CASE WHEN m.starts_at > now() AND bench.rnd(90, (i - 1) * ${perMeeting} + j) < 0.35 THEN 'pending'
                                WHEN bench.rnd(91, (i - 1) * ${perMeeting} + j) < 0.8 THEN 'yes'
                                WHEN bench.rnd(91, (i - 1) * ${perMeeting} + j) < 0.95 THEN 'no' ELSE 'maybe' END AS rsvp) r
     ORDER BY i, j`);
  return { meetings: M, invitations: M * perMeeting };
}

module.exports = { generate };
