'use strict';
// The commission dashboard, three ways over the same database:
//  - ours: one GraphQL query to our API (resolvers + per-request DataLoaders);
//  - the floor: one hand-written SQL statement (json_agg + lateral) that builds
//    the whole JSON answer inside PostgreSQL;
//  - PostGraphile v5: its generated schema, with two computed columns that give
//    the current principal of a seat the same meaning as ours.
// `normalise` turns each answer into the same plain structure so the benchmark
// can check that the three return the same data before it times them.

/** Open deliverables on the dashboard: the next ones by due date. */
const DELIVERABLES = 50;
/** Next meetings: those not over at $from (the same moment for all three paths), by start. */
const MEETINGS = 10;
const OPEN = `('planned', 'in_progress', 'in_review', 'approved')`;

/** Our API: groups → allocations → seats → current appointment → person and organisation. */
const OURS_QUERY = `query Dashboard($id: ID!, $from: DateTime!) {
  commission(id: $id) {
    id title reportingDeadline
    groups {
      id name
      allocations {
        id seatCount
        organisation { id name }
        seats { id number currentAppointment { id startsOn endsOn person { id fullName } } }
      }
    }
  }
  deliverables(filter: { commissionId: $id, statuses: [PLANNED, IN_PROGRESS, IN_REVIEW, APPROVED] }, first: ${DELIVERABLES}) {
    totalCount
    edges { node { id title dueOn status health responsiblePerson { id fullName } } }
  }
  meetings: meetingList(commissionId: $id, from: $from, first: ${MEETINGS}) {
    totalCount
    edges { node { id title kind status startsAt endsAt workingGroupId } }
  }
}`;

// PostGraphile's amber preset names the primary key `rowId` (its `id` is the
// Relay node id) and orders or filters only by indexed columns; the aliases
// give its answer our shape. No seat is retired in the data set, so no filter.
const POSTGRAPHILE_QUERY = `query Dashboard($id: UUID!, $from: Datetime!) {
  commission: commissionByRowId(rowId: $id) {
    id: rowId title reportingDeadline
    groups: workingGroupsByCommissionId {
      nodes {
        id: rowId name
        allocations: seatAllocationsByWorkingGroupId {
          nodes {
            id: rowId seatCount
            organisation: organisationByOrganisationId { id: rowId name }
            seats: seatsByAllocationId(orderBy: NUMBER_ASC) {
              nodes { id: rowId number currentAppointment: currentPrincipal { id: rowId startsOn endsOn person: personByPersonId { id: rowId fullName } } }
            }
          }
        }
      }
    }
    deliverables: openDeliverables(first: ${DELIVERABLES}) {
      totalCount
      nodes { id: rowId title dueOn status health: healthToday responsiblePerson: personByResponsiblePersonId { id: rowId fullName } }
    }
    meetings: nextMeetings(from: $from, first: ${MEETINGS}) {
      totalCount
      nodes { id: rowId title kind status startsAt endsAt workingGroupId }
    }
  }
}`;

// Semantics shared by all three: the principal who started most recently (not in
// the future) sits now, unless the term ended and the group allows no holdover.
const CURRENT_PRINCIPAL = `
  SELECT a.* FROM (
    SELECT a.* FROM appointment a
     WHERE a.seat_id = s.id AND a.kind = 'principal' AND a.starts_on <= current_date
     ORDER BY a.starts_on DESC LIMIT 1) a
   WHERE a.ends_on IS NULL OR a.ends_on >= current_date
      OR (SELECT g.holdover_allowed FROM seat_allocation sa JOIN working_group g ON g.id = sa.working_group_id WHERE sa.id = s.allocation_id)`;

/** The floor: the whole answer from one statement, as JSON text, shaped like a GraphQL response. */
const FLOOR_SQL = `
SELECT json_build_object('data', json_build_object('commission', (
  SELECT json_build_object(
    'id', c.id, 'title', c.title, 'reportingDeadline', c.reporting_deadline,
    'groups', coalesce((
      SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'allocations', al.list) ORDER BY g.created_at, g.id)
        FROM working_group g
        CROSS JOIN LATERAL (
          SELECT coalesce(json_agg(json_build_object(
                   'id', sa.id, 'seatCount', sa.seat_count,
                   'organisation', json_build_object('id', o.id, 'name', o.name),
                   'seats', st.list) ORDER BY sa.created_at, sa.id), '[]') AS list
            FROM seat_allocation sa
            JOIN organisation o ON o.id = sa.organisation_id
            CROSS JOIN LATERAL (
              SELECT coalesce(json_agg(json_build_object(
                       'id', s.id, 'number', s.number,
                       'currentAppointment', CASE WHEN cp.id IS NOT NULL THEN json_build_object(
                         'id', cp.id, 'startsOn', cp.starts_on, 'endsOn', cp.ends_on,
                         'person', json_build_object('id', p.id, 'fullName', p.full_name)) END) ORDER BY s.number), '[]') AS list
                FROM seat s
                LEFT JOIN LATERAL (
                  SELECT a.id, a.person_id, a.starts_on, a.ends_on FROM appointment a
                   WHERE a.seat_id = s.id AND a.kind = 'principal' AND a.starts_on <= current_date
                   ORDER BY a.starts_on DESC LIMIT 1) last ON true
                LEFT JOIN LATERAL (
                  SELECT last.* WHERE last.ends_on IS NULL OR last.ends_on >= current_date OR g.holdover_allowed) cp ON true
                LEFT JOIN person p ON p.id = cp.person_id
               WHERE s.allocation_id = sa.id AND s.retired_at IS NULL) st
           WHERE sa.working_group_id = g.id) al
       WHERE g.commission_id = c.id), '[]'))
    FROM commission c WHERE c.id = $1),
  'deliverables', (
    SELECT json_build_object(
      'totalCount', (SELECT count(*) FROM deliverable d WHERE d.commission_id = c.id AND d.status IN ${OPEN}),
      'edges', coalesce((
        SELECT json_agg(json_build_object('node', json_build_object(
                 'id', d.id, 'title', d.title, 'dueOn', d.due_on, 'status', d.status,
                 'health', deliverable_health(d.due_on, d.status, (now() AT TIME ZONE c.time_zone)::date),
                 'responsiblePerson', CASE WHEN p.id IS NOT NULL THEN json_build_object('id', p.id, 'fullName', p.full_name) END))
               ORDER BY d.due_on, d.title, d.id)
          FROM (SELECT * FROM deliverable d WHERE d.commission_id = c.id AND d.status IN ${OPEN}
                 ORDER BY d.due_on, d.title, d.id LIMIT ${DELIVERABLES}) d
          LEFT JOIN person p ON p.id = d.responsible_person_id), '[]'))
    FROM commission c WHERE c.id = $1),
  'meetings', json_build_object(
    'totalCount', (SELECT count(*) FROM meeting m WHERE m.commission_id = $1 AND m.ends_at >= $2),
    'edges', coalesce((
      SELECT json_agg(json_build_object('node', json_build_object(
               'id', m.id, 'title', m.title, 'kind', m.kind, 'status', m.status,
               'startsAt', m.starts_at, 'endsAt', m.ends_at, 'workingGroupId', m.working_group_id)) ORDER BY m.starts_at, m.id)
        FROM (SELECT * FROM meeting m WHERE m.commission_id = $1 AND m.ends_at >= $2 ORDER BY m.starts_at, m.id LIMIT ${MEETINGS}) m), '[]'))
  ))::text AS body`;

/**
 * What PostGraphile needs to expose the current principal as a field: a
 * computed column (a STABLE SQL function taking the table's row). Created in
 * the bench database only, by the benchmark, never by a migration.
 */
const POSTGRAPHILE_FUNCTIONS = `
CREATE OR REPLACE FUNCTION public.seat_current_principal(s seat) RETURNS appointment
  STABLE LANGUAGE sql AS $$ ${CURRENT_PRINCIPAL} $$;
COMMENT ON FUNCTION public.seat_current_principal(seat) IS 'The principal who sits now (or holds over).';
CREATE OR REPLACE FUNCTION public.commission_open_deliverables(c commission) RETURNS SETOF deliverable
  STABLE LANGUAGE sql AS $$
    SELECT d.* FROM deliverable d WHERE d.commission_id = c.id AND d.status IN ${OPEN} ORDER BY d.due_on, d.title, d.id $$;
CREATE OR REPLACE FUNCTION public.deliverable_health_today(d deliverable) RETURNS text
  STABLE LANGUAGE sql AS $$
    SELECT deliverable_health(d.due_on, d.status, (now() AT TIME ZONE c.time_zone)::date) FROM commission c WHERE c.id = d.commission_id $$;
CREATE OR REPLACE FUNCTION public.commission_next_meetings(c commission, "from" timestamptz) RETURNS SETOF meeting
  STABLE LANGUAGE sql AS $$
    SELECT m.* FROM meeting m WHERE m.commission_id = c.id AND m.ends_at >= "from" ORDER BY m.starts_at, m.id $$;`;

/** One plain, sorted structure from any of the three answers (or throws on an error answer). */
function normalise(kind, body) {
  if (body.errors && body.errors.length) throw new Error(`${kind} answered with errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const c = body.data && body.data.commission;
  if (!c) throw new Error(`${kind} returned no commission: ${JSON.stringify(body).slice(0, 500)}`);
  // Ours and the floor answer deliverables beside the commission, PostGraphile inside it.
  const deliverables = body.data.deliverables ?? c.deliverables;
  const meetings = body.data.meetings ?? c.meetings;
  const iso = (v) => (v ? new Date(v).toISOString() : null);
  const lower = (v) => (typeof v === 'string' ? v.toLowerCase() : v ?? null);
  const list = (x) => (Array.isArray(x) ? x : x && Array.isArray(x.nodes) ? x.nodes : []);
  const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    id: c.id,
    title: c.title,
    reportingDeadline: c.reportingDeadline,
    groups: list(c.groups)
      .map((g) => ({
        id: g.id,
        name: g.name,
        allocations: list(g.allocations)
          .map((a) => ({
            id: a.id,
            seatCount: a.seatCount,
            organisation: { id: a.organisation.id, name: a.organisation.name },
            seats: list(a.seats)
              .map((s) => ({
                id: s.id,
                number: s.number,
                currentAppointment: s.currentAppointment
                  ? { id: s.currentAppointment.id, startsOn: s.currentAppointment.startsOn, endsOn: s.currentAppointment.endsOn ?? null, person: { id: s.currentAppointment.person.id, fullName: s.currentAppointment.person.fullName } }
                  : null,
              }))
              .sort((x, y) => x.number - y.number),
          }))
          .sort(byId),
      }))
      .sort(byId),
    deliverables: deliverables && {
      totalCount: Number(deliverables.totalCount),
      items: (deliverables.edges ? deliverables.edges.map((e) => e.node) : deliverables.nodes).map((d) => ({
        id: d.id,
        title: d.title,
        dueOn: d.dueOn,
        status: lower(d.status),
        health: lower(d.health),
        responsiblePerson: d.responsiblePerson ? { id: d.responsiblePerson.id, fullName: d.responsiblePerson.fullName } : null,
      })),
    },
    meetings: meetings && {
      totalCount: Number(meetings.totalCount),
      items: (meetings.edges ? meetings.edges.map((e) => e.node) : meetings.nodes).map((m) => ({
        id: m.id,
        title: m.title,
        kind: lower(m.kind),
        status: lower(m.status),
        startsAt: iso(m.startsAt),
        endsAt: iso(m.endsAt),
        workingGroupId: m.workingGroupId ?? null,
      })),
    },
  };
}

/** Counts for the table: groups, seats, seats filled. */
function summarise(normalised) {
  let seats = 0;
  let filled = 0;
  for (const g of normalised.groups) for (const a of g.allocations) for (const s of a.seats) {
    seats += 1;
    if (s.currentAppointment) filled += 1;
  }
  return {
    groups: normalised.groups.length,
    seats,
    filled,
    openDeliverables: normalised.deliverables ? normalised.deliverables.totalCount : 0,
    comingMeetings: normalised.meetings ? normalised.meetings.totalCount : 0,
  };
}

module.exports = { OURS_QUERY, POSTGRAPHILE_QUERY, FLOOR_SQL, POSTGRAPHILE_FUNCTIONS, normalise, summarise };
