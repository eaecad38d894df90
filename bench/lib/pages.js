'use strict';
// The web application's two busiest views, each two ways over the same database:
//  - ours: the exact GraphQL operation apps/web sends for the page (read from its
//    `.operations.ts`, so the benchmark follows the page when it changes), to our API;
//  - the floor: one hand-written SQL statement (json_agg + LATERAL) that builds the
//    same answer inside PostgreSQL (bench/servers/page-floor.js serves it).
// `normalise…` turns either answer into the same plain structure, so the benchmark
// can check that both return the same data before it times them.

const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./config');

/** The GraphQL document of `export const <name> = graphql(`…`)` in an apps/web operations file. */
function webOperation(file, name) {
  const text = fs.readFileSync(path.join(ROOT, 'apps', 'web', 'src', file), 'utf8');
  const match = new RegExp(`export const ${name} = graphql\\(\\s*\`([^\`]+)\``).exec(text);
  if (!match) throw new Error(`no operation ${name} in apps/web/src/${file}`);
  return match[1].trim();
}

/** My page (apps/web/src/me/my-page.tsx, route `/`): a member's whole page in one request. */
const MYPAGE_QUERY = webOperation('me/my-page.operations.ts', 'MyPage');
/** The commission overview (apps/web/src/reports/commission-overview-page.tsx, route `/commissions/<id>/overview`). */
const OVERVIEW_QUERY = webOperation('reports/commission-overview-page.operations.ts', 'CommissionOverviewPage');

/**
 * libs/access's rule "appointment `a` in group `g` gives a seat on `day`" (sittingSql),
 * written out again here: the floor shares no code with the API.
 */
const SITTING = (day) => `(a.starts_on <= ${day} AND (
      (a.kind = 'principal' AND (a.ends_on IS NULL OR a.ends_on >= ${day}
         OR (g.holdover_allowed AND a.ended_reason IS NULL
             AND NOT EXISTS (SELECT 1 FROM appointment succ WHERE succ.seat_id = a.seat_id AND succ.kind = 'principal'
                                AND succ.starts_on > a.ends_on AND succ.starts_on <= ${day}))))
      OR (a.kind = 'substitute' AND (a.ends_on IS NULL OR a.ends_on >= ${day})
          AND EXISTS (SELECT 1 FROM appointment pr WHERE pr.seat_id = a.seat_id AND pr.kind = 'principal'
                         AND pr.starts_on <= ${day} AND (pr.ends_on IS NULL OR pr.ends_on >= ${day})))))`;

/**
 * My page's floor: $1 the reader (person id), $2 "from" (next meetings are those not over then).
 * Meetings visible to the reader: of the commissions they have a role in (explicit, chair,
 * a seat today), and those they are invited to; administrators see all.
 */
const MYPAGE_FLOOR_SQL = `
WITH admin AS (SELECT EXISTS (SELECT 1 FROM account WHERE person_id = $1 AND is_admin) AS yes),
roles AS (
  SELECT commission_id, role FROM commission_role WHERE person_id = $1
  UNION SELECT g.commission_id, 'chair' FROM working_group g WHERE g.chair_person_id = $1
  UNION SELECT g.commission_id, 'member' FROM appointment a JOIN seat s ON s.id = a.seat_id
          JOIN seat_allocation sa ON sa.id = s.allocation_id JOIN working_group g ON g.id = sa.working_group_id
         WHERE a.person_id = $1 AND ${SITTING('current_date')}),
next AS (
  SELECT m.* FROM (
    SELECT m.id FROM meeting m WHERE m.commission_id IN (SELECT commission_id FROM roles) AND m.ends_at >= $2
    UNION SELECT i.meeting_id FROM invitation i JOIN meeting m ON m.id = i.meeting_id WHERE i.person_id = $1 AND m.ends_at >= $2
    UNION SELECT m.id FROM meeting m, admin WHERE admin.yes AND m.ends_at >= $2) v
  JOIN meeting m ON m.id = v.id ORDER BY m.starts_at, m.id LIMIT 10)
SELECT json_build_object('data', json_build_object(
  'mayEditStrategies', (SELECT yes FROM admin) OR EXISTS (SELECT 1 FROM roles WHERE role = 'secretariat'),
  'me', json_build_object(
    'person', (SELECT json_build_object('id', p.id, 'fullName', p.full_name, 'locale', p.locale, 'timeZone', p.time_zone) FROM person p WHERE p.id = $1),
    'reviewsWaiting', coalesce((SELECT json_agg(x) FROM (
        SELECT rr.id AS "reviewRoundId", d.id AS "deliverableId", d.title AS "deliverableTitle", rr.deadline::text AS deadline, v.number AS "versionNumber"
          FROM review_reviewer rv JOIN review_round rr ON rr.id = rv.round_id AND rr.status = 'open'
          JOIN deliverable d ON d.id = rr.deliverable_id JOIN document_version v ON v.id = rr.version_id
         WHERE rv.person_id = $1 AND NOT EXISTS (SELECT 1 FROM review_answer ra WHERE ra.round_id = rr.id AND ra.person_id = $1)
         ORDER BY rr.deadline, d.title LIMIT 50) x), '[]'),
    'minutesToApprove', coalesce((SELECT json_agg(x) FROM (
        SELECT mi.id AS "minutesId", m.id AS "meetingId", m.title AS "meetingTitle", m.starts_at AS "meetingStartsAt"
          FROM minutes_adjuster ma JOIN minutes mi ON mi.id = ma.minutes_id JOIN meeting m ON m.id = mi.meeting_id
         WHERE ma.person_id = $1 AND ma.approved_at IS NULL AND mi.status = 'in_approval'
         ORDER BY mi.sent_for_approval_at NULLS LAST, m.starts_at LIMIT 50) x), '[]'),
    'actionItems', coalesce((SELECT json_agg(x) FROM (
        SELECT ai.id, ai.title, ai.due_on::text AS "dueOn", m.id AS "meetingId", m.title AS "meetingTitle"
          FROM action_item ai JOIN minutes mi ON mi.id = ai.minutes_id AND mi.status = 'approved' JOIN meeting m ON m.id = ai.meeting_id
         WHERE ai.assignee_person_id = $1 AND ai.status IN ('open', 'in_progress')
         ORDER BY ai.due_on NULLS LAST, ai.title LIMIT 100) x), '[]'),
    'datePollsToAnswer', coalesce((SELECT json_agg(x) FROM (
        SELECT p.id, p.title, (SELECT min(o.starts_at) FROM date_poll_option o WHERE o.poll_id = p.id) AS "firstOptionAt", g.name AS "workingGroupName"
          FROM date_poll p JOIN working_group g ON g.id = p.working_group_id
         WHERE p.status = 'open'
           AND (g.chair_person_id = $1 OR EXISTS (SELECT 1 FROM appointment a JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
                 WHERE sa.working_group_id = g.id AND a.person_id = $1 AND a.starts_on <= current_date AND (a.ends_on IS NULL OR a.ends_on >= current_date)))
           AND NOT EXISTS (SELECT 1 FROM date_poll_answer da JOIN date_poll_option o ON o.id = da.option_id WHERE o.poll_id = p.id AND da.person_id = $1)
         ORDER BY p.created_at LIMIT 50) x), '[]'),
    'nominationRequests', coalesce((SELECT json_agg(x) FROM (
        SELECT nr.id, o.name AS "organisationName", g.name AS "workingGroupName", nr.seats_requested AS "seatsRequested", nr.deadline::text AS deadline
          FROM nomination_request nr JOIN organisation o ON o.id = nr.organisation_id
          JOIN seat_allocation sa ON sa.id = nr.allocation_id JOIN working_group g ON g.id = sa.working_group_id
         WHERE nr.contact_person_id = $1 AND nr.status = 'sent'
         ORDER BY nr.deadline LIMIT 50) x), '[]'),
    'seats', coalesce((SELECT json_agg(x) FROM (
        SELECT a.id AS "appointmentId", a.kind, g.id AS "workingGroupId", g.name AS "workingGroupName", o.name AS "organisationName",
               s.number AS "seatNumber", a.term_number AS "termNumber", a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn",
               CASE WHEN a.kind = 'substitute' THEN (
                 SELECT p.full_name FROM appointment pa JOIN person p ON p.id = pa.person_id
                  WHERE pa.seat_id = a.seat_id AND pa.kind = 'principal' AND pa.starts_on <= current_date AND (pa.ends_on IS NULL OR pa.ends_on >= current_date)
                  ORDER BY pa.starts_on DESC LIMIT 1) END AS "principalName"
          FROM appointment a JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
          JOIN working_group g ON g.id = sa.working_group_id JOIN organisation o ON o.id = sa.organisation_id
         WHERE a.person_id = $1 AND (a.ends_on IS NULL OR a.ends_on >= current_date)
         ORDER BY g.name, a.starts_on) x), '[]')),
  'meetingList', json_build_object('edges', coalesce((
    SELECT json_agg(json_build_object('node', json_build_object(
             'id', m.id, 'title', m.title, 'startsAt', m.starts_at, 'timeZone', m.time_zone, 'status', m.status,
             'place', m.place, 'onlineUrl', m.online_url,
             'workingGroup', CASE WHEN g.id IS NOT NULL THEN json_build_object('id', g.id, 'name', g.name) END,
             'myInvitation', CASE WHEN i.id IS NOT NULL THEN json_build_object(
               'id', i.id, 'rsvp', i.rsvp, 'seatId', i.seat_id,
               'seatSubstitute', (SELECT json_build_object('id', sp.id, 'displayName', sp.full_name)
                                    FROM appointment a JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
                                    JOIN working_group g ON g.id = sa.working_group_id
                                    JOIN person sp ON sp.id = a.person_id AND sp.erased_at IS NULL
                                   WHERE a.seat_id = i.seat_id AND a.kind = 'substitute' AND a.person_id <> $1
                                     AND ${SITTING('(m.starts_at AT TIME ZONE m.time_zone)::date')}
                                   ORDER BY a.starts_on DESC, a.id LIMIT 1)) END)) ORDER BY m.starts_at, m.id)
      FROM next m
      LEFT JOIN working_group g ON g.id = m.working_group_id
      LEFT JOIN invitation i ON i.meeting_id = m.id AND i.person_id = $1), '[]'))
))::text AS body`;

const RAG_WEIGHT = `CASE rag WHEN 'late' THEN 3 WHEN 'at_risk' THEN 2 WHEN 'on_track' THEN 1 ELSE 0 END`;
const ROLL_UP = (weight) => `(ARRAY['no_data', 'on_track', 'at_risk', 'late'])[1 + coalesce(${weight}, 0)]`;

/**
 * The commission overview's floor: $1 the commission, $2 the reader (person id). The
 * same definitions as libs/reports (today in the commission's time zone; a seat's state
 * from its latest principal term; RAG worst-of per group, goal and commission from the
 * deliverables' health, the groups' composition, overdue action items and the mandate's
 * deadline), written out as one statement. The changes since the last report need the
 * stored snapshot's items (a diff in the compiler); the data set has no stored report,
 * so the floor answers `hasPrevious` and empty lists, and the check would catch a data
 * set that had one.
 */
const OVERVIEW_FLOOR_SQL = `
WITH c AS (SELECT c.*, (now() AT TIME ZONE c.time_zone)::date AS today FROM commission c WHERE c.id = $1),
deadline AS (
  SELECT coalesce((SELECT a.new_deadline FROM commission_amendment a WHERE a.commission_id = c.id AND a.decided_on <= c.today AND a.new_deadline IS NOT NULL
                    ORDER BY a.decided_on DESC, a.created_at DESC LIMIT 1), c.initial_reporting_deadline, c.reporting_deadline) AS day,
         c.status, c.today FROM c),
seat_state AS (
  SELECT sa.working_group_id, sa.id AS allocation_id, s.id AS seat_id,
         CASE WHEN lp.seat_id IS NULL THEN 'vacant' WHEN lp.ends_on IS NULL OR lp.ends_on >= c.today THEN 'filled'
              WHEN g.holdover_allowed AND lp.ended_reason IS NULL THEN 'holdover' ELSE 'vacant' END AS state
    FROM c JOIN working_group g ON g.commission_id = c.id
    JOIN seat_allocation sa ON sa.working_group_id = g.id
    JOIN seat s ON s.allocation_id = sa.id AND (s.retired_at IS NULL OR s.retired_at::date > c.today)
    LEFT JOIN LATERAL (SELECT a.seat_id, a.ends_on, a.ended_reason FROM appointment a
                        WHERE a.seat_id = s.id AND a.kind = 'principal' AND a.starts_on <= c.today ORDER BY a.starts_on DESC LIMIT 1) lp ON true),
grp AS (
  SELECT g.id, g.name, g.status, count(ss.seat_id)::int AS seats,
         count(*) FILTER (WHERE ss.state = 'filled')::int AS filled, count(*) FILTER (WHERE ss.state = 'holdover')::int AS holdover,
         count(*) FILTER (WHERE ss.state = 'vacant')::int AS vacant
    FROM c JOIN working_group g ON g.commission_id = c.id AND (g.established_on IS NULL OR g.established_on <= c.today)
    LEFT JOIN seat_state ss ON ss.working_group_id = g.id GROUP BY g.id),
dl AS (
  SELECT d.id, d.title, d.status, d.due_on, d.working_group_id, g.name AS group_name, h.health, c.today - d.due_on AS days_over,
         coalesce(h.health, CASE WHEN d.status = 'delivered' THEN 'on_track' ELSE 'no_data' END) AS rag
    FROM c JOIN deliverable d ON d.commission_id = c.id LEFT JOIN working_group g ON g.id = d.working_group_id
    CROSS JOIN LATERAL (SELECT deliverable_health(d.due_on, d.status, c.today) AS health) h),
late_actions AS (
  SELECT ai.id, ai.title, ai.due_on, m.working_group_id, g.name AS group_name, c.today - ai.due_on AS days_over
    FROM c JOIN meeting m ON m.commission_id = c.id JOIN action_item ai ON ai.meeting_id = m.id
    JOIN minutes mi ON mi.id = ai.minutes_id AND mi.status = 'approved' LEFT JOIN working_group g ON g.id = m.working_group_id
   WHERE (m.starts_at AT TIME ZONE m.time_zone)::date <= c.today AND ai.status IN ('open', 'in_progress') AND ai.due_on < c.today),
signal AS (
  SELECT working_group_id AS group_id, id AS deliverable_id, rag FROM dl WHERE status <> 'cancelled'
  UNION ALL SELECT id, NULL, CASE WHEN vacant * 2 > seats THEN 'at_risk' ELSE 'on_track' END FROM grp WHERE status = 'active' AND seats > 0
  UNION ALL SELECT working_group_id, NULL, 'at_risk' FROM late_actions),
grp_rag AS (
  SELECT grp.*, ${ROLL_UP(`(SELECT max(${RAG_WEIGHT}) FROM signal WHERE signal.group_id = grp.id)`)} AS rag FROM grp),
goals AS (
  SELECT go.id, go.code, go.text, pa.number, array_agg(wg.working_group_id) AS group_ids
    FROM c JOIN working_group g ON g.commission_id = c.id JOIN working_group_goal wg ON wg.working_group_id = g.id
    JOIN goal go ON go.id = wg.goal_id JOIN priority_area pa ON pa.id = go.priority_area_id
   GROUP BY go.id, pa.number),
mandate AS (
  SELECT CASE WHEN day IS NULL THEN NULL WHEN day < today AND status = 'active' THEN 'late' ELSE 'on_track' END AS rag FROM deadline),
reports AS (
  SELECT r.id, r.period_key, r.kind, r.rag, r.compiled_at, r.snapshot IS NOT NULL AS has_snapshot FROM status_report r WHERE r.commission_id = $1
   ORDER BY r.period_end DESC, r.compiled_at DESC, r.id DESC LIMIT 20)
SELECT json_build_object('data', json_build_object(
  'me', json_build_object('person', (SELECT json_build_object('id', p.id, 'fullName', p.full_name, 'locale', p.locale, 'timeZone', p.time_zone) FROM person p WHERE p.id = $2)),
  'commissionOverview', (SELECT json_build_object(
    'commissionId', c.id, 'title', c.title, 'asOf', c.today::text,
    'rag', ${ROLL_UP(`(SELECT max(${RAG_WEIGHT}) FROM (SELECT rag FROM grp_rag UNION ALL SELECT rag FROM signal WHERE group_id IS NULL UNION ALL SELECT rag FROM mandate WHERE rag IS NOT NULL) x)`)},
    'reportingDeadline', (SELECT day::text FROM deadline),
    'seats', (SELECT coalesce(sum(seats), 0) FROM grp), 'filled', (SELECT coalesce(sum(filled), 0) FROM grp),
    'holdover', (SELECT coalesce(sum(holdover), 0) FROM grp), 'vacant', (SELECT coalesce(sum(vacant), 0) FROM grp),
    'groups', coalesce((SELECT json_agg(json_build_object('id', id, 'name', name, 'rag', rag, 'seats', seats, 'filled', filled, 'holdover', holdover, 'vacant', vacant)
                                        ORDER BY name, id) FROM grp_rag), '[]'),
    'goals', coalesce((SELECT json_agg(json_build_object('id', go.id, 'code', go.code, 'text', go.text, 'rag', r.rag)
                                       ORDER BY go.number, string_to_array(go.code, '.')::int[])
                         FROM goals go
                         CROSS JOIN LATERAL (SELECT ${ROLL_UP(`max(${RAG_WEIGHT})`)} AS rag FROM (
                           SELECT coalesce((SELECT g.rag FROM grp_rag g WHERE g.id = gid), 'no_data') AS rag FROM unnest(go.group_ids) gid
                           UNION ALL SELECT s.rag FROM signal s JOIN deliverable_goal dg ON dg.deliverable_id = s.deliverable_id WHERE dg.goal_id = go.id) x) r), '[]'),
    'nextDeadlines', coalesce((SELECT json_agg(json_build_object('deliverableId', id, 'title', title, 'dueOn', due_on::text, 'groupName', group_name, 'rag', rag) ORDER BY due_on, title, id)
                                 FROM (SELECT * FROM dl WHERE due_on >= c.today AND status NOT IN ('delivered', 'cancelled') ORDER BY due_on, title, id LIMIT 10) d), '[]'),
    'overdue', coalesce((SELECT json_agg(json_build_object('key', kind || ':' || id, 'kind', kind, 'deliverableId', CASE WHEN kind = 'deliverable' THEN id END,
                                                           'title', title, 'dueOn', due_on::text, 'groupName', group_name, 'daysOverdue', days_over) ORDER BY days_over DESC, title)
                           FROM (SELECT 'deliverable' AS kind, id, title, due_on, group_name, days_over FROM dl WHERE health = 'late'
                                 UNION ALL SELECT 'action_item', id, title, due_on, group_name, days_over FROM late_actions) o), '[]'),
    'vacancies', coalesce((SELECT json_agg(json_build_object('groupId', g.id, 'groupName', g.name, 'organisation', v.organisation, 'vacant', v.vacant, 'seats', v.seats)
                                           ORDER BY g.name, g.id, v.organisation, v.allocation_id)
                             FROM grp g
                             JOIN (SELECT ss.working_group_id, ss.allocation_id, o.name AS organisation, count(*)::int AS seats, count(*) FILTER (WHERE ss.state = 'vacant')::int AS vacant
                                     FROM seat_state ss JOIN seat_allocation sa ON sa.id = ss.allocation_id JOIN organisation o ON o.id = sa.organisation_id
                                    GROUP BY ss.working_group_id, ss.allocation_id, o.name) v ON v.working_group_id = g.id AND v.vacant > 0), '[]'),
    'lastReport', (SELECT json_build_object('id', id, 'periodKey', period_key, 'url', '/reports/' || id, 'compiledAt', compiled_at) FROM reports LIMIT 1),
    'sinceLastReport', json_build_object('hasPrevious', coalesce((SELECT has_snapshot FROM reports LIMIT 1), false),
                                         'new', '[]'::json, 'changed', '[]'::json, 'completed', '[]'::json, 'newlyLate', '[]'::json))
    FROM c),
  'statusReports', json_build_object(
    'totalCount', (SELECT count(*) FROM status_report r WHERE r.commission_id = $1),
    'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', id, 'periodKey', period_key, 'kind', kind, 'rag', rag,
                                                                                   'compiledAt', compiled_at, 'url', '/reports/' || id)))
                         FROM reports), '[]'))
))::text AS body`;

// --- normalising: dates as ISO instants, enum values in lower case, lists in a fixed order where the page's own order has ties

const INSTANT = /^\d{4}-\d{2}-\d{2}T/;
const ENUM_KEYS = new Set(['kind', 'rsvp', 'status', 'rag']);

function plain(value, key) {
  if (Array.isArray(value)) return value.map((v) => plain(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, plain(value[k], k)]));
  if (typeof value === 'string' && INSTANT.test(value)) return new Date(value).toISOString();
  if (typeof value === 'string' && ENUM_KEYS.has(key)) return value.toLowerCase();
  if (value === undefined) return null;
  return value;
}

function dataOf(kind, body) {
  if (body.errors && body.errors.length) throw new Error(`${kind} answered with errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  if (!body.data) throw new Error(`${kind} returned no data: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}

const by = (...keys) => (a, b) => {
  for (const k of keys) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
};

/** My page's answer from either path, in one plain form (throws on an error answer). */
function normaliseMyPage(kind, body) {
  const data = plain(dataOf(kind, body));
  if (!data.me || !data.me.person) throw new Error(`${kind} returned no reader: ${JSON.stringify(body).slice(0, 300)}`);
  // Orders with ties (the page's queries sort by deadline or group name alone) compared as sets.
  data.me.seats.sort(by('workingGroupName', 'startsOn', 'appointmentId'));
  data.me.nominationRequests.sort(by('deadline', 'id'));
  data.me.reviewsWaiting.sort(by('deadline', 'deliverableTitle', 'reviewRoundId'));
  data.me.actionItems.sort(by('dueOn', 'title', 'id'));
  return data;
}

/** The commission overview's answer from either path, in one plain form. */
function normaliseOverview(kind, body) {
  const data = plain(dataOf(kind, body));
  if (!data.commissionOverview) throw new Error(`${kind} returned no overview: ${JSON.stringify(body).slice(0, 300)}`);
  // Overdue items are sorted by days overdue and title; equal titles (a deliverable and an action item) may come in either order.
  data.commissionOverview.overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || by('title', 'key')(a, b));
  return data;
}

/** Sizes for the table. */
function myPageShape(data) {
  return { seats: data.me.seats.length, nominationRequests: data.me.nominationRequests.length, nextMeetings: data.meetingList.edges.length };
}
function overviewShape(data) {
  const o = data.commissionOverview;
  return { groups: o.groups.length, seats: o.seats, vacancies: o.vacancies.length, overdue: o.overdue.length, nextDeadlines: o.nextDeadlines.length, rag: o.rag };
}

module.exports = { MYPAGE_QUERY, OVERVIEW_QUERY, MYPAGE_FLOOR_SQL, OVERVIEW_FLOOR_SQL, normaliseMyPage, normaliseOverview, myPageShape, overviewShape, webOperation };
