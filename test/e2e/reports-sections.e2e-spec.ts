import { INestApplicationContext } from '@nestjs/common';
import { ReportsService, expandSnapshot } from '@samverkan/reports';
import { TestApp, startTestApp } from '../harness/test-app';
import { TestPerson, createPerson, signedInPerson } from '../harness/factories';
import { CommissionFixture, allocation, appoint, commission, group, ok, organisation } from '../harness/structure-fixtures';
import { startTestWorker } from '../harness/test-worker';
import { approvedMinutes } from '../harness/meeting-fixtures';

/** Deliverables and meetings in a report: status and RAG by the deliverables' health rule, overdue items, meetings, decisions, action items. */
describe('report sections from deliverables and meetings', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let c: CommissionFixture;
  let commissioner: TestPerson;
  let groupId: string;
  const d: Record<string, string> = {};

  async function deliverable(title: string, dueOn: string, statuses: string[] = [], deliveredOn?: string) {
    const data = await ok(t, c.secretariat.token, `mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id } }`, {
      input: { commissionId: c.commissionId, workingGroupId: groupId, title, kind: 'REPORT', dueOn },
    });
    const id = data.createDeliverable.id;
    for (const status of statuses) {
      await ok(t, c.secretariat.token, `mutation($input: ChangeDeliverableStatusInput!) { changeDeliverableStatus(input: $input) { id } }`, {
        input: { deliverableId: id, status, ...(status === 'DELIVERED' ? { deliveredOn } : {}) },
      });
    }
    d[title] = id;
    return id;
  }

  async function meeting(title: string, startsAt: string) {
    const data = await ok(t, c.secretariat.token, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
      input: { workingGroupId: groupId, kind: 'MEETING', title, startsAt, endsAt: startsAt.replace('T10', 'T12'), timeZone: 'Europe/Stockholm' },
    });
    return data.createMeeting.meeting.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t);
    c = await commission(t);
    commissioner = await signedInPerson(t, { locale: 'en' });
    await ok(t, c.admin.token, `mutation($input: CommissionRoleInput!) { assignCommissionRole(input: $input) { id } }`, { input: { commissionId: c.commissionId, personId: commissioner.id, role: 'COMMISSIONER' } });
    groupId = await group(t, c.secretariat.token, c.commissionId, { name: 'Health data' });
    const org = await organisation(t, c.secretariat.token);
    const allocationId = await allocation(t, c.secretariat.token, groupId, org, 2);
    for (let i = 0; i < 2; i++) await appoint(t, c.secretariat.token, { allocationId, personId: (await createPerson(t.db, { account: false })).id, startsOn: '2021-12-01' });
    await deliverable('Mapping of networks', '2022-02-15'); // planned, due before 2022-03-31: late
    await deliverable('Interim report', '2022-04-10', ['IN_PROGRESS']); // in progress, 10 days left on 2022-03-31: at risk
    await deliverable('Final report', '2022-06-30'); // planned, 91 days left: on track
    await deliverable('Survey', '2022-03-01', ['IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'DELIVERED'], '2022-02-28'); // delivered
    const held = await meeting('Kick-off', '2022-03-10T10:00:00+01:00');
    await meeting('Workshop on data', '2022-04-20T10:00:00+02:00');
    await approvedMinutes(t, c.secretariat.token, c.secretariat, {
      meetingId: held,
      body: 'Minutes',
      decisions: [{ text: 'The group adopts its work plan.' }],
      actionItems: [{ title: 'Send the survey', dueOn: '2022-03-20' }, { title: 'Book the workshop', dueOn: '2022-04-15' }],
    });
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('reports deliverables with status and RAG, overdue items, meetings held and planned, decisions and open action items', async () => {
    const data = await ok(t, c.secretariat.token, `mutation { compileStatusReport(input: { commissionId: "${c.commissionId}", period: "2022-Q1", notifyCommissioners: true }) {
      id rag isEmpty summary { overdue groups { late atRisk onTrack } deliverables { onTrack atRisk late noData } } } }`);
    const report = data.compileStatusReport;
    expect(report).toMatchObject({ rag: 'LATE', isEmpty: false, summary: { overdue: 2, groups: { late: 1, atRisk: 0, onTrack: 0 }, deliverables: { onTrack: 2, atRisk: 1, late: 1, noData: 0 } } });
    const snapshot = expandSnapshot((await t.db.query(`SELECT snapshot FROM status_report WHERE id = $1`, [report.id]))[0].snapshot);
    const sections = snapshot.sections as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const rows = sections.deliverables.deliverables.map((r: { title: string; status: string; rag: string }) => [r.title, r.status, r.rag]);
    expect(rows).toEqual([
      ['Mapping of networks', 'planned', 'late'],
      ['Survey', 'delivered', 'on_track'],
      ['Interim report', 'in_progress', 'at_risk'],
      ['Final report', 'planned', 'on_track'],
    ]);
    expect(snapshot.overdue.map((o: { title: string; daysOverdue: number }) => [o.title, o.daysOverdue])).toEqual([
      ['Mapping of networks', 44],
      ['Send the survey', 11],
    ]);
    const m = sections.meetings;
    expect(m.held.map((x: { title: string }) => x.title)).toEqual(['Kick-off']);
    expect(m.planned.map((x: { title: string }) => x.title)).toEqual(['Workshop on data']);
    expect(m.decisions.map((x: { number: number; text: string }) => [x.number, x.text])).toEqual([[1, 'The group adopts its work plan.']]);
    expect(m.openActionItems.map((x: { title: string; overdue: boolean }) => [x.title, x.overdue])).toEqual([['Send the survey', true], ['Book the workshop', false]]);

    const page = await (await t.http(`/reports/${report.id}?lang=en`, { headers: { authorization: `Bearer ${commissioner.token}` } })).text();
    for (const text of ['Deliverables', 'Interim report', 'Meetings held in this period', 'Kick-off', 'The group adopts its work plan.', 'Open action items', 'Send the survey']) expect(page).toContain(text);
    // The chart has a row per deliverable that is not cancelled, plus the mandate.
    const svg = /<svg[\s\S]*?<\/svg>/.exec(page)![0];
    for (const title of ['Mapping of networks', 'Interim report', 'Final report', 'Survey']) expect(svg).toContain(`>${title}</text>`);
    const csv = await (await t.http(`/reports/${report.id}/report.csv`, { headers: { authorization: `Bearer ${commissioner.token}` } })).text();
    expect(csv).toContain(`deliverable,${d['Interim report']},Interim report,Health data,in_progress,at_risk,2022-04-10`);
    expect(csv).toMatch(/decision,1,The group adopts its work plan\./);

    const mail = (await t.smtp.waitFor((all) => all.some((x) => x.envelopeTo.includes(commissioner.email)))).find((x) => x.envelopeTo.includes(commissioner.email))!;
    expect(mail.parsed.text).toContain('Deliverables: 2 on track, 1 at risk, 1 late.');
    expect(mail.parsed.text).toContain('2 overdue items:');
    expect(mail.parsed.text).toContain('Mapping of networks');
  });

  it('marks deliverables newly late and action items completed in the diff between scheduled reports', async () => {
    await t.db.query(`UPDATE commission SET created_at = '2022-01-15' WHERE id = $1`, [c.commissionId]);
    await t.db.query(`UPDATE action_item SET status = 'done', done_at = '2022-05-02' WHERE title = 'Book the workshop'`).catch(async () => {
      // Action items move through the meetings API when the minutes guard refuses a direct update.
      const [row] = await t.db.query(`SELECT id FROM action_item WHERE title = 'Book the workshop'`);
      await ok(t, c.secretariat.token, `mutation { setActionItemStatus(input: { id: "${row.id}", status: DONE }) { id } }`);
    });
    const compiled = (await t.app.get(ReportsService).compileOwed(c.commissionId)).compiled;
    expect(compiled.slice(0, 2)).toEqual(['2022-Q1', '2022-Q2']);
    const [row] = await t.db.query(`SELECT snapshot FROM status_report WHERE commission_id = $1 AND kind = 'scheduled' AND period_key = '2022-Q2'`, [c.commissionId]);
    const q2 = expandSnapshot(row.snapshot);
    const keys = (list: { key: string }[]) => list.map((e) => e.key);
    expect(keys(q2.diff.newlyLate)).toEqual([`deliverable:${d['Interim report']}`]);
    const [book] = await t.db.query(`SELECT id FROM action_item WHERE title = 'Book the workshop'`);
    expect(keys(q2.diff.completed)).toContain(`action_item:${book.id}`);
  });
});
