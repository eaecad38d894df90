'use strict';
// The commission dashboard, three ways over the same database:
//  - ours: one GraphQL query to our API (resolvers + per-request DataLoaders);
//  - the floor: one hand-written SQL statement (json_agg + lateral) that builds
//    the whole JSON answer inside PostgreSQL;
//  - PostGraphile v5: its generated schema, with two computed columns that give
//    the current principal of a seat the same meaning as ours.
// `normalise` turns each answer into the same plain structure so the benchmark
// can check that the three return the same data before it times them.

/** Our API: groups → allocations → seats → current appointment → person and organisation. */
const OURS_QUERY = `query Dashboard($id: ID!) {
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
}`;

// PostGraphile's amber preset names the primary key `rowId` (its `id` is the
// Relay node id) and orders or filters only by indexed columns; the aliases
// give its answer our shape. No seat is retired in the data set, so no filter.
const POSTGRAPHILE_QUERY = `query Dashboard($id: UUID!) {
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
    FROM commission c WHERE c.id = $1)))::text AS body`;

/**
 * What PostGraphile needs to expose the current principal as a field: a
 * computed column (a STABLE SQL function taking the table's row). Created in
 * the bench database only, by the benchmark, never by a migration.
 */
const POSTGRAPHILE_FUNCTIONS = `
CREATE OR REPLACE FUNCTION public.seat_current_principal(s seat) RETURNS appointment
  STABLE LANGUAGE sql AS $$ ${CURRENT_PRINCIPAL} $$;
COMMENT ON FUNCTION public.seat_current_principal(seat) IS 'The principal who sits now (or holds over).';`;

/** One plain, sorted structure from any of the three answers (or throws on an error answer). */
function normalise(kind, body) {
  if (body.errors && body.errors.length) throw new Error(`${kind} answered with errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const c = body.data && body.data.commission;
  if (!c) throw new Error(`${kind} returned no commission: ${JSON.stringify(body).slice(0, 500)}`);
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
  return { groups: normalised.groups.length, seats, filled };
}

module.exports = { OURS_QUERY, POSTGRAPHILE_QUERY, FLOOR_SQL, POSTGRAPHILE_FUNCTIONS, normalise, summarise };
