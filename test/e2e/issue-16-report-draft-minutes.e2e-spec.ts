import { TestApp, startTestApp } from '../harness/test-app';
import { signedInPerson } from '../harness/factories';
import { CommissionFixture, commission, group, ok } from '../harness/structure-fixtures';
import { approvedMinutes } from '../harness/meeting-fixtures';

/**
 * Issue 16 (follow-up): a status report quotes decisions and action items from
 * approved minutes only — a draft, or minutes still with the adjusters, is not the
 * record of the meeting yet — and the next meeting's agenda carries action items
 * on by the same rule.
 */
describe('reports and carried action items take approved minutes only (issue 16)', () => {
  let t: TestApp;
  let c: CommissionFixture;
  let groupId: string;

  async function meeting(title: string, startsAt: string, endsAt: string): Promise<string> {
    const data = await ok(t, c.secretariat.token, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
      input: { workingGroupId: groupId, kind: 'MEETING', title, startsAt, endsAt, timeZone: 'Europe/Stockholm' },
    });
    return data.createMeeting.meeting.id;
  }

  const save = (input: Record<string, unknown>) => ok(t, c.secretariat.token, `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`, { input });

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
    groupId = await group(t, c.secretariat.token, c.commissionId, { name: 'Hälsodata' });
    const approved = await meeting('Approved meeting', '2022-02-10T10:00:00+01:00', '2022-02-10T12:00:00+01:00');
    const draft = await meeting('Draft meeting', '2022-03-01T10:00:00+01:00', '2022-03-01T12:00:00+01:00');
    const pending = await meeting('Pending meeting', '2022-03-15T10:00:00+01:00', '2022-03-15T12:00:00+01:00');
    await approvedMinutes(t, c.secretariat.token, c.secretariat, {
      meetingId: approved,
      body: 'Approved',
      decisions: [{ text: 'Adopted: the work plan.' }],
      actionItems: [{ title: 'Approved action', dueOn: '2030-01-31' }],
    });
    await save({ meetingId: draft, body: 'Draft', decisions: [{ text: 'Draft decision (not taken yet)' }], actionItems: [{ title: 'Draft action', dueOn: '2030-01-31' }] });
    const inApproval = await save({ meetingId: pending, body: 'Pending', decisions: [{ text: 'Pending decision (with the adjusters)' }], actionItems: [{ title: 'Pending action', dueOn: '2030-01-31' }] });
    const adjuster = await signedInPerson(t);
    await ok(t, c.secretariat.token, `mutation($input: SendMinutesForApprovalInput!) { sendMinutesForApproval(input: $input) { status } }`, {
      input: { minutesId: inApproval.saveMinutes.id, adjusterIds: [adjuster.id] },
    });
  });
  afterAll(() => t?.close());

  it('lists the decisions and action items of approved minutes, not those of drafts or minutes in approval', async () => {
    const data = await ok(t, c.secretariat.token, `mutation($c: ID!) { compileStatusReport(input: { commissionId: $c, period: "2022-Q1" }) { id } }`, { c: c.commissionId });
    const id = data.compileStatusReport.id;
    const auth = { headers: { authorization: `Bearer ${c.secretariat.token}` } };
    const json = (await (await t.http(`/reports/${id}/report.json`, auth)).json()) as { snapshot: { sections: Record<string, any>; items: { kind: string; title: string }[] } }; // eslint-disable-line @typescript-eslint/no-explicit-any
    const m = json.snapshot.sections.meetings;
    // All three meetings were held; only one has a record yet.
    expect(m.held.map((x: { title: string }) => x.title)).toEqual(['Approved meeting', 'Draft meeting', 'Pending meeting']);
    expect(m.decisions.map((x: { text: string }) => x.text)).toEqual(['Adopted: the work plan.']);
    expect(m.openActionItems.map((x: { title: string }) => x.title)).toEqual(['Approved action']);
    expect(json.snapshot.items.filter((i: { kind: string }) => i.kind === 'action_item').map((i: { title: string }) => i.title)).toEqual(['Approved action']);

    const page = await (await t.http(`/reports/${id}?lang=en`, auth)).text();
    const csv = await (await t.http(`/reports/${id}/report.csv`, auth)).text();
    for (const text of ['Adopted: the work plan.', 'Approved action']) {
      expect(page).toContain(text);
      expect(csv).toContain(text);
    }
    for (const text of ['Draft decision', 'Draft action', 'Pending decision', 'Pending action']) {
      expect(page).not.toContain(text);
      expect(csv).not.toContain(text);
    }
  });

  it('carries to the next meeting only the action items of approved minutes, on its page and in its invitation', async () => {
    const start = new Date(Date.now() + 30 * 86_400_000);
    start.setUTCHours(9, 0, 0, 0);
    const guest = await signedInPerson(t);
    const created = await ok(t, c.secretariat.token, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
      input: { workingGroupId: groupId, kind: 'MEETING', title: 'Next meeting', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 7_200_000).toISOString(), timeZone: 'Europe/Stockholm', guestIds: [guest.id] },
    });
    const next = created.createMeeting.meeting.id;
    const read = await ok(t, c.secretariat.token, `query($id: ID!) { meeting(id: $id) { carriedActionItems { title } } }`, { id: next });
    expect(read.meeting.carriedActionItems.map((x: { title: string }) => x.title)).toEqual(['Approved action']);
    const [invite] = await t.db.query(`SELECT text_body FROM mail_outbox WHERE dedupe_key = $1`, [`invite:${next}:${guest.id}:0`]);
    expect(invite.text_body).toContain('Approved action');
    expect(invite.text_body).not.toContain('Draft action');
    expect(invite.text_body).not.toContain('Pending action');
  });
});
