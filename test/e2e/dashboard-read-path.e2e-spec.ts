import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { plannedProperties, selectionOf } from '@samverkan/core';
import { ORGANISATION_PLANNED } from '@samverkan/organisations';
import { PERSON_PLANNED, Person } from '@samverkan/people';
import { OCCUPANCY_PLANNED, SEAT_ALLOCATION_PLANNED, SEAT_PLANNED } from '@samverkan/seats';
import { parse, GraphQLResolveInfo, OperationDefinitionNode, FieldNode } from 'graphql';
import { TestApp, startTestApp } from '../harness/test-app';
import { commission, CommissionFixture } from '../harness/structure-fixtures';
import { fillCommissionTree } from '../harness/commission-tree-fixture';

// The benchmark's own dashboard operation and its hand-written single-statement floor.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bench = require('../../bench/lib/dashboard.js') as {
  OURS_QUERY: string;
  FLOOR_SQL: string;
  normalise(kind: string, body: unknown): any;
};

/**
 * The commission dashboard's read path (issue 20): the operation `npm run bench`
 * times, against a commission of one group and one of 100 — the same few
 * statements for both, and the same data as the benchmark's single-SQL floor.
 */
describe('commission dashboard read path', () => {
  let t: TestApp;
  let small: CommissionFixture;
  let large: CommissionFixture;
  const from = new Date(Date.now() - 86_400_000).toISOString();

  /** Groups of 8 allocations (1–4 seats), principals in most seats, some deliverables and meetings. */
  async function fill(fixture: CommissionFixture, groups: number): Promise<void> {
    const people = await fillCommissionTree(t, fixture, groups);
    await t.db.query(
      `INSERT INTO deliverable (commission_id, title, kind, due_on, status, responsible_person_id)
       SELECT $1, 'Deliverable ' || n, 'report', current_date + (n * 7 - 70), (ARRAY['planned','in_progress','in_review','approved','cancelled'])[1 + n % 5],
              CASE WHEN n % 3 = 0 THEN NULL ELSE ($2::uuid[])[1 + n % 12] END
         FROM generate_series(1, 60) n`,
      [fixture.commissionId, people],
    );
    await t.db.query(
      `INSERT INTO meeting (commission_id, title, starts_at, ends_at, time_zone)
       SELECT $1, 'Meeting ' || n, now() + (n - 5) * interval '3 days', now() + (n - 5) * interval '3 days' + interval '2 hours', 'Europe/Stockholm'
         FROM generate_series(1, 15) n`,
      [fixture.commissionId],
    );
  }

  async function dashboard(fixture: CommissionFixture) {
    const response = await t.gql(bench.OURS_QUERY, { id: fixture.commissionId, from }, { token: fixture.secretariat.token });
    expect(response.errors).toBeUndefined();
    return response;
  }

  async function floor(fixture: CommissionFixture) {
    const [{ body }] = await t.db.query(bench.FLOOR_SQL, [fixture.commissionId, from]);
    return JSON.parse(body);
  }

  beforeAll(async () => {
    t = await startTestApp();
    small = await commission(t);
    large = await commission(t, small.admin);
    await fill(small, 1);
    await fill(large, 100);
  });
  afterAll(() => t?.close());

  it('answers a 1-group and a 100-group commission with the same statements, at most 4', async () => {
    // Session and roles; the commission with its tree; the deliverables with their people; the meetings with their count.
    const one = await dashboard(small);
    const many = await dashboard(large);
    expect(one.data?.commission.groups).toHaveLength(1);
    expect(many.data?.commission.groups).toHaveLength(100);
    expect(many.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
    expect(one.extensions?.sqlStatements).toBeLessThanOrEqual(4);
  });

  it('returns the same data as the single-statement floor', async () => {
    for (const fixture of [small, large]) {
      expect(bench.normalise('ours', await dashboard(fixture))).toEqual(bench.normalise('floor', await floor(fixture)));
    }
  });

  it('fetches only the columns the dashboard selects, and whole rows for a field whose needs are not declared', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const metadata = (target: Parameters<DataSource['getMetadata']>[0]) => t.db.getMetadata(target);
    // The selection below `commission` in the benchmark's operation, as the plan sees it.
    const operation = parse(bench.OURS_QUERY).definitions[0] as OperationDefinitionNode;
    const commissionField = operation.selectionSet.selections[0] as FieldNode;
    const tree = selectionOf({ fieldNodes: [commissionField], fragments: {} } as unknown as GraphQLResolveInfo);
    const allocations = tree.get('groups')!.get('allocations')!;
    const seats = allocations.get('seats')!;
    const person = seats.get('currentAppointment')!.get('person')!;
    expect(plannedProperties(schema, metadata(SEAT_ALLOCATION_PLANNED.target), SEAT_ALLOCATION_PLANNED, allocations)).toEqual(['id', 'organisationId', 'seatCount', 'workingGroupId']);
    expect(plannedProperties(schema, metadata(SEAT_PLANNED.target), SEAT_PLANNED, seats)).toEqual(['allocationId', 'id', 'number']);
    expect(plannedProperties(schema, metadata(ORGANISATION_PLANNED.target), ORGANISATION_PLANNED, allocations.get('organisation')!)).toEqual(['id', 'name']);
    expect(plannedProperties(schema, metadata(Person), PERSON_PLANNED, person)).toEqual(['fullName', 'id']);
    // Who sits: what occupancyOf needs to tell the status, and the person's key.
    expect(plannedProperties(schema, metadata(OCCUPANCY_PLANNED.target), OCCUPANCY_PLANNED, seats.get('currentAppointment')!)).toEqual([
      'endedReason', 'endsOn', 'id', 'kind', 'personId', 'seatId', 'startsOn',
    ]);
    // `Person.appointments` is a resolver of libs/seats that PERSON_PLANNED does not list: whole rows.
    const withAppointments = new Map([...person, ['appointments', new Map([['id', new Map()]])]]);
    expect(plannedProperties(schema, metadata(Person), PERSON_PLANNED, withAppointments)).toBeUndefined();
    // A resolver that reads another column than its name (displayName reads erasedAt) brings that column.
    expect(plannedProperties(schema, metadata(Person), PERSON_PLANNED, new Map([['displayName', new Map()]]))).toEqual(['erasedAt', 'fullName', 'id']);
  });

  it('never answers a column the tree did not fetch: other fields of the same request read whole rows', async () => {
    const [{ person_id: personId }] = await t.db.query(
      `SELECT a.person_id FROM appointment a JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
         JOIN working_group g ON g.id = sa.working_group_id
        WHERE g.commission_id = $1 AND a.kind = 'principal' AND a.starts_on <= current_date AND a.ends_on IS NULL LIMIT 1`,
      [small.commissionId],
    );
    await t.db.query(`UPDATE person SET title = 'Överläkare', time_zone = 'Europe/Copenhagen', locale = 'da' WHERE id = $1`, [personId]);
    await t.db.query(`UPDATE seat_allocation SET notes = 'Allmänmedicin' FROM working_group g WHERE g.id = working_group_id AND g.commission_id = $1`, [small.commissionId]);
    await t.db.query(`INSERT INTO commission_role (commission_id, person_id, role) VALUES ($1, $2, 'observer')`, [small.commissionId, personId]);
    const response = await t.gql(
      `query Mixed($id: ID!) {
        commission(id: $id) {
          groups { allocations {
            id seatCount organisation { id name } nominatingOrganisation { id country }
            seats { id number allocation { id notes } currentAppointment { termNumber person { id fullName } again: person { id title timeZone } } }
          } }
          roles { role person { id fullName locale } }
        }
      }`,
      { id: small.commissionId },
      { token: small.secretariat.token },
    );
    expect(response.errors).toBeUndefined();
    const observer = response.data!.commission.roles.find((r: { role: string }) => r.role === 'OBSERVER' || r.role === 'observer');
    // `locale` is selected on no person of the tree: a person the tree fetched without it must not answer here.
    expect(observer.person).toMatchObject({ id: personId, locale: 'da' });
    const seatsOf = response.data!.commission.groups.flatMap((g: any) => g.allocations.flatMap((a: any) => a.seats));
    const sitting = seatsOf.filter((s: any) => s.currentAppointment?.person.id === personId);
    expect(sitting.length).toBeGreaterThan(0);
    for (const seat of sitting) {
      expect(seat.currentAppointment.again).toEqual({ id: personId, title: 'Överläkare', timeZone: 'Europe/Copenhagen' });
      expect(seat.currentAppointment.termNumber).toBe(1);
      expect(seat.currentAppointment.person.fullName).toEqual(expect.any(String));
      expect(seat.allocation.notes).toBe('Allmänmedicin');
    }
    const [{ country }] = await t.db.query(`SELECT o.country FROM organisation o JOIN seat_allocation sa ON sa.nominating_organisation_id = o.id JOIN working_group g ON g.id = sa.working_group_id WHERE g.commission_id = $1 LIMIT 1`, [small.commissionId]);
    for (const allocation of response.data!.commission.groups[0].allocations) expect(allocation.nominatingOrganisation.country).toBe(country);
  });
});
