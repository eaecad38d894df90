import { ReportsService, expandSnapshot } from '@samverkan/reports';
import { TestApp, startTestApp } from '../harness/test-app';
import { CommissionFixture, commission, group, ok } from '../harness/structure-fixtures';

const COMPILE = `mutation($input: CompileStatusReportInput!) { compileStatusReport(input: $input) { id kind summary { newItems changedItems } } }`;

/**
 * Issue 19: a report's diff compares with the previous report of ANY kind. An
 * on-demand report was ignored, so the next one (on demand or scheduled) said it
 * was the commission's first and listed nothing as new.
 */
describe('a report diffs against the previous report of any kind (issue 19)', () => {
  let t: TestApp;
  let c: CommissionFixture;

  const diffOf = async (id: string) => {
    const [row] = await t.db.query(`SELECT previous_report_id, snapshot FROM status_report WHERE id = $1`, [id]);
    return { previousReportId: row.previous_report_id as string | null, diff: expandSnapshot(row.snapshot).diff };
  };
  const compile = async (period?: string | null) => (await ok(t, c.secretariat.token, COMPILE, { input: { commissionId: c.commissionId, ...(period !== undefined ? { period } : {}) } })).compileStatusReport;

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
    await group(t, c.secretariat.token, c.commissionId, { name: 'Hälsodata' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an on-demand report is the previous of the next on-demand report', async () => {
    const first = await compile('2022-Q1');
    expect((await diffOf(first.id)).diff.hasPrevious).toBe(false);

    await group(t, c.secretariat.token, c.commissionId, { name: 'Etik' });
    const second = await compile();
    expect(second.kind).toBe('ON_DEMAND');
    const { previousReportId, diff } = await diffOf(second.id);
    expect(previousReportId).toBe(first.id);
    expect(diff).toMatchObject({ hasPrevious: true, previousReportId: first.id });
    expect(diff.new.map((e: { title: string }) => e.title)).toEqual(['Etik']);
    expect(second.summary.newItems).toBe(1);

    // Compiled again the same day: it compares with the one just before, so nothing is new.
    // (The period as null, as the web form sends an empty field: the running one; it was a 500.)
    const third = await compile(null);
    expect(await diffOf(third.id)).toMatchObject({ previousReportId: second.id, diff: { hasPrevious: true, new: [] } });
  });

  it('a scheduled report diffs against an on-demand report of its period, and an older period against what came before it', async () => {
    const onDemand = (await t.db.query(`SELECT id FROM status_report WHERE commission_id = $1 AND period_key = '2022-Q1'`, [c.commissionId]))[0].id;
    await t.db.query(`UPDATE commission SET created_at = '2021-12-01T12:00:00Z' WHERE id = $1`, [c.commissionId]);
    await t.app.get(ReportsService).compileOwed(c.commissionId);
    const scheduled: { id: string; period_key: string; previous_report_id: string | null }[] = await t.db.query(
      `SELECT id, period_key, previous_report_id FROM status_report WHERE commission_id = $1 AND kind = 'scheduled' ORDER BY period_start`,
      [c.commissionId],
    );
    expect(scheduled.map((r) => r.period_key)).toEqual(['2021-Q4', '2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1']);
    // 2021-Q4 ended before any report was compiled for a later day: it is the first.
    expect(scheduled[0].previous_report_id).toBeNull();
    // 2022-Q1 saw the same day as the on-demand report of that period, compiled before it.
    expect(scheduled[1].previous_report_id).toBe(onDemand);
    expect((await diffOf(scheduled[1].id)).diff.hasPrevious).toBe(true);
    for (let i = 2; i < scheduled.length; i++) expect(scheduled[i].previous_report_id).toBe(scheduled[i - 1].id);
  });
});
