import { TestApp, startTestApp } from '../harness/test-app';
import { createPerson } from '../harness/factories';
import { commission, CommissionFixture, organisation } from '../harness/structure-fixtures';

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
    const org = await organisation(t, fixture.admin.token);
    const people: string[] = [];
    for (let i = 0; i < 12; i++) people.push((await createPerson(t.db, { account: false })).id);
    await t.db.query(
      `INSERT INTO working_group (commission_id, name, status, holdover_allowed)
       SELECT $1, 'Group ' || lpad(g::text, 3, '0'), 'active', g % 2 = 0 FROM generate_series(1, $2) g`,
      [fixture.commissionId, groups],
    );
    await t.db.query(
      `INSERT INTO seat_allocation (working_group_id, organisation_id, nominating_organisation_id, seat_count)
       SELECT g.id, $2, $2, 1 + (n % 4) FROM working_group g CROSS JOIN generate_series(0, 7) n WHERE g.commission_id = $1`,
      [fixture.commissionId, org],
    );
    // Current terms, terms that ended (held over where the group allows it), and coming ones.
    await t.db.query(
      `INSERT INTO appointment (seat_id, person_id, kind, starts_on, ends_on)
       SELECT s.id, ($2::uuid[])[1 + (row_number() OVER (ORDER BY s.id)) % 12], 'principal',
              CASE WHEN s.number = 3 THEN current_date + 30 ELSE current_date - 400 END,
              CASE WHEN s.number = 2 THEN current_date - 10 ELSE NULL END
         FROM seat s JOIN seat_allocation sa ON sa.id = s.allocation_id JOIN working_group g ON g.id = sa.working_group_id
        WHERE g.commission_id = $1 AND s.number <> 4`,
      [fixture.commissionId, people],
    );
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
});
