import { ReportSnapshot, ReportsService, compileSnapshot, expandSnapshot, parsePeriodKey } from '@samverkan/reports';
import { TestApp, startTestApp } from '../harness/test-app';
import { createPerson } from '../harness/factories';
import { CommissionFixture, allocation, appoint, commission, group, ok, organisation } from '../harness/structure-fixtures';
import { approvedMinutes } from '../harness/meeting-fixtures';

/**
 * Issue 16 (follow-up): a report's snapshot is stored once — the compact format 2
 * of libs/reports/src/snapshot-store.ts, each shared part kept once — and reports
 * stored before (format 1, the snapshot as it was compiled) still render, the same
 * page, CSV and JSON.
 */
describe('report snapshots stored once (issue 16)', () => {
  let t: TestApp;
  let c: CommissionFixture;

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
    const org = await organisation(t, c.secretariat.token, { name: 'Region Skåne' });
    for (let g = 1; g <= 4; g++) {
      const groupId = await group(t, c.secretariat.token, c.commissionId, { name: `Arbetsgrupp ${g} för hälsodata` });
      const allocationId = await allocation(t, c.secretariat.token, groupId, org, 3);
      const person = await createPerson(t.db, { account: false, gender: g % 2 ? 'woman' : 'man' });
      expect((await appoint(t, c.secretariat.token, { allocationId, personId: person.id, startsOn: '2022-01-01' })).errors).toBeUndefined();
      for (let d = 1; d <= 3; d++) {
        await ok(t, c.secretariat.token, `mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id } }`, {
          input: { commissionId: c.commissionId, workingGroupId: groupId, title: `Delrapport ${d} från arbetsgrupp ${g}`, kind: 'REPORT', dueOn: `2022-0${d + 2}-15` },
        });
      }
      const meeting = await ok(t, c.secretariat.token, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
        input: { workingGroupId: groupId, kind: 'MEETING', title: `Möte ${g}`, startsAt: '2022-05-10T10:00:00+02:00', endsAt: '2022-05-10T12:00:00+02:00', timeZone: 'Europe/Stockholm' },
      });
      await approvedMinutes(t, c.secretariat.token, c.secretariat, {
        meetingId: meeting.createMeeting.meeting.id,
        body: 'Protokoll',
        decisions: [{ text: `Gruppen ${g} antar arbetsplanen.` }],
        actionItems: [{ title: `Skicka enkäten (grupp ${g})`, dueOn: '2022-05-31' }],
      });
    }
    // Registered in January 2022: scheduled reports from 2022-Q1 on, so the next one has a diff.
    await t.db.query(`UPDATE commission SET created_at = '2022-01-15' WHERE id = $1`, [c.commissionId]);
    await t.app.get(ReportsService).compileOwed(c.commissionId);
  }, 120_000);
  afterAll(() => t?.close());

  it('stores format 2, smaller than format 1, and a format 1 row renders the same page, CSV and JSON', async () => {
    const compiled = await ok(t, c.secretariat.token, `mutation($c: ID!) { compileStatusReport(input: { commissionId: $c, period: "2022-Q2" }) { id } }`, { c: c.commissionId });
    const v2Id: string = compiled.compileStatusReport.id;
    const [stored] = await t.db.query(`SELECT snapshot, as_of::text, previous_report_id FROM status_report WHERE id = $1`, [v2Id]);
    expect(stored.snapshot.version).toBe(2);
    expect(stored.previous_report_id).not.toBeNull();

    // What the compiler wrote before format 2: the same snapshot as it was compiled, as JSON.
    const [previous] = await t.db.query(`SELECT id, snapshot FROM status_report WHERE id = $1`, [stored.previous_report_id]);
    const { snapshot } = await compileSnapshot(t.db, {
      commissionId: c.commissionId,
      period: parsePeriodKey('2022-Q2')!,
      asOf: stored.as_of,
      kind: 'on_demand',
      previous: { id: previous.id, items: expandSnapshot(previous.snapshot).items },
    });
    expect(snapshot.diff.hasPrevious).toBe(true);
    const [{ id: v1Id }] = await t.db.query(
      `INSERT INTO status_report (commission_id, period_key, period_start, period_end, as_of, kind, previous_report_id, rag, is_empty, summary, snapshot, compiled_by, compile_ms, compiled_at)
       SELECT commission_id, period_key, period_start, period_end, as_of, kind, previous_report_id, rag, is_empty, summary, $2::jsonb, compiled_by, compile_ms, compiled_at
         FROM status_report WHERE id = $1 RETURNING id`,
      [v2Id, JSON.stringify(snapshot)],
    );

    // Smaller: as stored (pg_column_size, after PostgreSQL's own compression) and as JSON text.
    const sizes = await t.db.query(`SELECT id, pg_column_size(snapshot) AS stored, octet_length(snapshot::text) AS text FROM status_report WHERE id = ANY($1)`, [[v1Id, v2Id]]);
    const size = Object.fromEntries(sizes.map((r: { id: string; stored: number; text: number }) => [r.id === v1Id ? 'v1' : 'v2', r]));
    process.stderr.write(`[report snapshot] format 1: ${size.v1.text} B text, ${size.v1.stored} B stored; format 2: ${size.v2.text} B text, ${size.v2.stored} B stored\n`);
    expect(size.v2.text).toBeLessThan(size.v1.text * 0.6);
    expect(size.v2.stored).toBeLessThan(size.v1.stored);

    // The same report from either row.
    const auth = { headers: { authorization: `Bearer ${c.secretariat.token}` } };
    // The page differs only in the report's id and the sign-out form's CSRF token (one per response).
    const read = async (id: string, path: string) =>
      (await (await t.http(`/reports/${id}${path}`, auth)).text())
        .split(id)
        .join('<id>')
        .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value="<csrf>"');
    for (const path of ['?lang=en', '?lang=sv', '/report.csv']) {
      const [fromV1, fromV2] = [await read(v1Id, path), await read(v2Id, path)];
      expect(fromV2).toContain('Delrapport 3 från arbetsgrupp 4');
      expect(fromV1).toBe(fromV2);
    }
    const json = async (id: string) => ((await (await t.http(`/reports/${id}/report.json`, auth)).json()) as { snapshot: unknown }).snapshot;
    const v1Json = await json(v1Id);
    expect(v1Json).toEqual(JSON.parse(JSON.stringify(snapshot)));
    expect(await json(v2Id)).toEqual(v1Json);
  });

  it('diffs a new scheduled report against a stored format 2 report', async () => {
    const reports = await t.db.query(`SELECT period_key, snapshot FROM status_report WHERE commission_id = $1 AND kind = 'scheduled' ORDER BY period_start`, [c.commissionId]);
    expect(reports.length).toBeGreaterThanOrEqual(2);
    for (const r of reports) expect(r.snapshot.version).toBe(2);
    const [first, second]: ReportSnapshot[] = reports.map((r: { snapshot: unknown }) => expandSnapshot(r.snapshot));
    expect(first.diff.hasPrevious).toBe(false);
    expect(second.diff.hasPrevious).toBe(true);
    // 2022-Q2 against 2022-Q1: the decisions' action items are new; the deliverables due in Q2 are newly late.
    expect(second.diff.new.map((e) => e.kind)).toContain('action_item');
    expect(second.diff.newlyLate.map((e) => e.title)).toContain('Delrapport 3 från arbetsgrupp 1');
  });
});
