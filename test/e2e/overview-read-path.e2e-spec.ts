import { TestApp, startTestApp } from '../harness/test-app';
import { commission, CommissionFixture } from '../harness/structure-fixtures';
import { fillCommissionTree } from '../harness/commission-tree-fixture';
import { compileSnapshot } from '../../libs/reports/src/report-compiler';
import { CompileOptions } from '../../libs/reports/src/report-compiler';

// The benchmark's own overview operation (the page's, read from apps/web) and its hand-written single-statement floor.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pages = require('../../bench/lib/pages.js') as {
  OVERVIEW_QUERY: string;
  OVERVIEW_FLOOR_SQL: string;
  normaliseOverview(kind: string, body: unknown): any;
};

/**
 * The commission overview's read path (issue 20): the operation apps/web sends for
 * /commissions/<id>/overview, for a commission of one group and one of 100 — the same
 * few statements for both, and the same data as the benchmark's single-SQL floor; and
 * the sections compiled as one statement give the same snapshot as statement by statement.
 */
describe('commission overview read path', () => {
  let t: TestApp;
  let small: CommissionFixture;
  let large: CommissionFixture;

  /** Groups of 8 allocations (1–4 seats), principals in most seats, deliverables late and due, meetings with approved minutes and action items. */
  async function fill(fixture: CommissionFixture, groups: number): Promise<void> {
    const people = await fillCommissionTree(t, fixture, groups, { concludedEvery: 7 });
    await t.db.query(
      `INSERT INTO deliverable (commission_id, working_group_id, title, kind, due_on, status, responsible_person_id)
       SELECT $1, (SELECT g.id FROM working_group g WHERE g.commission_id = $1 ORDER BY g.name OFFSET (n % $3) LIMIT 1),
              'Deliverable ' || n, 'report', current_date + (n * 7 - 70), (ARRAY['planned','in_progress','in_review','approved','cancelled'])[1 + n % 5],
              CASE WHEN n % 3 = 0 THEN NULL ELSE ($2::uuid[])[1 + n % 12] END
         FROM generate_series(1, 60) n`,
      [fixture.commissionId, people, groups],
    );
    // A strategy of two priority areas with two goals each: some groups pursue goals, some deliverables serve them;
    // goal 2.2 only by a concluded group without deliverables, so its RAG comes from the deliverables that serve it alone.
    await t.db.query(
      `WITH s AS (INSERT INTO strategy (title) VALUES ('Strategi för ' || $1) RETURNING id),
            c AS (UPDATE commission SET strategy_id = (SELECT id FROM s) WHERE id = $1::uuid RETURNING id),
            pa AS (INSERT INTO priority_area (strategy_id, number, title) SELECT s.id, n, 'Insatsområde ' || n FROM s, generate_series(1, 2) n RETURNING id, strategy_id, number)
       INSERT INTO goal (strategy_id, priority_area_id, area_number, code, text)
       SELECT pa.strategy_id, pa.id, pa.number, pa.number || '.' || k, 'Mål ' || pa.number || '.' || k FROM pa, generate_series(1, 2) k`,
      [fixture.commissionId],
    );
    await t.db.query(
      `INSERT INTO working_group_goal (working_group_id, goal_id)
       SELECT g.id, go.id FROM working_group g JOIN commission c ON c.id = g.commission_id JOIN goal go ON go.strategy_id = c.strategy_id
        WHERE g.commission_id = $1 AND (go.code = '1.1' OR (go.code = '2.1' AND g.name LIKE '%3') OR (go.code = '2.2' AND g.name = 'Group 070'))`,
      [fixture.commissionId],
    );
    await t.db.query(
      `INSERT INTO deliverable_goal (deliverable_id, goal_id)
       SELECT d.id, go.id FROM deliverable d JOIN commission c ON c.id = d.commission_id JOIN goal go ON go.strategy_id = c.strategy_id
        WHERE d.commission_id = $1 AND ((go.code = '2.1' AND d.title ~ '[05]$') OR (go.code IN ('1.1', '1.2') AND d.title ~ '[27]$') OR (go.code = '2.2' AND d.title ~ '5$'))`,
      [fixture.commissionId],
    );
    // Meetings of the first group, held and planned; the held ones with approved minutes and action items, some overdue.
    await t.db.query(
      `INSERT INTO meeting (commission_id, working_group_id, title, starts_at, ends_at, time_zone)
       SELECT $1, (SELECT g.id FROM working_group g WHERE g.commission_id = $1 ORDER BY g.name LIMIT 1), 'Meeting ' || n,
              now() + (n - 5) * interval '3 days', now() + (n - 5) * interval '3 days' + interval '2 hours', 'Europe/Stockholm'
         FROM generate_series(1, 15) n`,
      [fixture.commissionId],
    );
    await t.db.query(
      `INSERT INTO minutes (meeting_id, status, sent_for_approval_at, approved_at)
       SELECT m.id, 'in_approval', now() - interval '1 day', NULL FROM meeting m WHERE m.commission_id = $1 AND m.starts_at < now() - interval '1 day'`,
      [fixture.commissionId],
    );
    await t.db.query(
      `INSERT INTO action_item (minutes_id, meeting_id, title, assignee_person_id, due_on, status, done_at)
       SELECT mi.id, mi.meeting_id, 'Action ' || n || ' of ' || m.title, ($2::uuid[])[1 + n], current_date + (n * 5 - 12),
              CASE WHEN n = 3 THEN 'done' ELSE 'open' END, CASE WHEN n = 3 THEN now() END
         FROM minutes mi JOIN meeting m ON m.id = mi.meeting_id CROSS JOIN generate_series(1, 3) n WHERE m.commission_id = $1`,
      [fixture.commissionId, people],
    );
    await t.db.query(
      `UPDATE minutes mi SET status = 'approved', approved_at = now() FROM meeting m WHERE m.id = mi.meeting_id AND m.commission_id = $1`,
      [fixture.commissionId],
    );
  }

  async function overview(fixture: CommissionFixture) {
    const response = await t.gql(pages.OVERVIEW_QUERY, { id: fixture.commissionId }, { token: fixture.secretariat.token });
    expect(response.errors).toBeUndefined();
    return response;
  }

  async function floor(fixture: CommissionFixture) {
    const [{ body }] = await t.db.query(pages.OVERVIEW_FLOOR_SQL, [fixture.commissionId, fixture.secretariat.id]);
    return JSON.parse(body);
  }

  async function compile(fixture: CommissionFixture, options: CompileOptions) {
    const [{ today }] = await t.db.query(`SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM commission WHERE id = $1`, [fixture.commissionId]);
    const start = new Date(Date.parse(today) - 30 * 86_400_000).toISOString().slice(0, 10);
    const request = { commissionId: fixture.commissionId, period: { key: `${start}..${today}`, start, end: today, cadence: 'custom' as const }, asOf: today, kind: 'on_demand' as const };
    return compileSnapshot(t.db, request, undefined, options);
  }

  beforeAll(async () => {
    t = await startTestApp();
    small = await commission(t);
    large = await commission(t, small.admin);
    await fill(small, 1);
    await fill(large, 100);
  });
  afterAll(() => t?.close());

  it('answers a 1-group and a 100-group commission with the same statements, at most 3', async () => {
    // The session with the reader's person (1), the reports with their count (1),
    // the overview: the commission's day, its newest report and every section (1).
    const one = await overview(small);
    const many = await overview(large);
    expect(one.data?.commissionOverview.groups).toHaveLength(1);
    expect(many.data?.commissionOverview.groups).toHaveLength(100);
    expect(many.data?.commissionOverview.overdue.length).toBeGreaterThan(0);
    expect(many.data?.commissionOverview.vacancies.length).toBeGreaterThan(0);
    expect(many.data?.commissionOverview.goals.map((g: { code: string; rag: string }) => [g.code, g.rag])).toEqual([['1.1', 'LATE'], ['2.1', 'LATE'], ['2.2', 'LATE']]);
    expect(many.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
    expect(one.extensions?.sqlStatements).toBeLessThanOrEqual(3);
  });

  it('returns the same data as the single-statement floor', async () => {
    for (const fixture of [small, large]) {
      expect(pages.normaliseOverview('ours', await overview(fixture))).toEqual(pages.normaliseOverview('floor', await floor(fixture)));
    }
  });

  it('compiles the same snapshot in one statement as statement by statement, and live leaves out only what the overview does not show', async () => {
    for (const fixture of [small, large]) {
      const apart = await compile(fixture, {});
      const together = await compile(fixture, { combined: true });
      expect(together).toEqual(apart);
      expect(apart.snapshot.sections.meetings).toMatchObject({ openActionItems: expect.any(Array) });
      expect((apart.snapshot.sections.meetings as { held: unknown[] }).held.length).toBeGreaterThan(0);
      const live = await compile(fixture, { combined: true, live: true });
      expect(live.snapshot.rollup).toEqual(apart.snapshot.rollup);
      expect(live.snapshot.items).toEqual(apart.snapshot.items);
      expect(live.snapshot.overdue).toEqual(apart.snapshot.overdue);
      // The same seats, states and allocations; no chair, lead organisation or gender balance (the overview shows none).
      const unnamed = (c: any) => ({
        ...c,
        groups: c.groups.map((g: any) => ({ ...g, chair: null, leadOrganisation: null, women: 0, men: 0, other: 0, notStated: 0, shareWomen: null })),
        totals: { ...c.totals, women: 0, men: 0, other: 0, notStated: 0, shareWomen: null },
      });
      expect(live.snapshot.sections.composition).toEqual(unnamed(apart.snapshot.sections.composition));
      expect(apart.snapshot.sections.composition.totals.men + apart.snapshot.sections.composition.totals.women + apart.snapshot.sections.composition.totals.notStated).toBeGreaterThan(0);
      expect(live.snapshot.sections.mandate).toEqual(apart.snapshot.sections.mandate);
      expect({ ...live.summary, isEmpty: null }).toEqual({ ...apart.summary, isEmpty: null });
    }
  });
});
