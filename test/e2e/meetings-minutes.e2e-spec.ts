import { DateTime } from 'luxon';
import { axeViolations, launchBrowser } from '../harness/browser';
import { TestApp, startTestApp } from '../harness/test-app';
import { createPerson, signedInPerson } from '../harness/factories';
import { ok } from '../harness/structure-fixtures';
import { GroupFixture, approvedMinutes, createMeeting, groupWithMembers } from '../harness/meeting-fixtures';

function slot(days: number, hour = 10) {
  const start = DateTime.now().setZone('Europe/Copenhagen').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { startsAt: start.toUTC().toISO(), endsAt: start.plus({ hours: 2 }).toUTC().toISO() };
}

const ATTENDANCE = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { attendance } }`;
const QUORUM = `query($id: ID!) { meeting(id: $id) { quorum { seats share required represented met } } }`;
const SAVE = `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id status } }`;

describe('meetings: attendance, quorum, minutes with approval, action items', () => {
  let t: TestApp;
  let g: GroupFixture;

  beforeAll(async () => {
    t = await startTestApp();
    g = await groupWithMembers(t);
  });
  afterAll(() => t?.close());

  it('evaluates the quorum (more than half the seats) on the attendance record', async () => {
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, ...slot(-3) });
    const id = created.meeting.id;
    expect((await ok(t, g.secretariat.token, QUORUM, { id })).meeting.quorum).toEqual({ seats: 3, share: 0.5, required: 2, represented: 0, met: false });
    await ok(t, g.secretariat.token, ATTENDANCE, {
      input: { meetingId: id, entries: [{ personId: g.members[0].id, attendance: 'PRESENT' }, { personId: g.members[1].id, attendance: 'APOLOGIES' }, { personId: g.members[2].id, attendance: 'ABSENT' }] },
    });
    expect((await ok(t, g.secretariat.token, QUORUM, { id })).meeting.quorum).toMatchObject({ represented: 1, met: false });
    // Bo's seat is represented by the person who sat in for him.
    await ok(t, g.secretariat.token, ATTENDANCE, { input: { meetingId: id, entries: [{ personId: g.members[1].id, attendance: 'SUBSTITUTED', substitutedByName: 'Dorte Dahl' }] } });
    expect((await ok(t, g.secretariat.token, QUORUM, { id })).meeting.quorum).toMatchObject({ represented: 2, met: true });
    // The chair holds no seat: being present does not count towards the quorum.
    await ok(t, g.secretariat.token, ATTENDANCE, { input: { meetingId: id, entries: [{ personId: g.chair.id, attendance: 'PRESENT' }] } });
    expect((await ok(t, g.secretariat.token, QUORUM, { id })).meeting.quorum.represented).toBe(2);

    const unnamed = await t.gql(ATTENDANCE, { input: { meetingId: id, entries: [{ personId: g.members[2].id, attendance: 'SUBSTITUTED' }] } }, { token: g.secretariat.token });
    expect(unnamed.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const outsider = await createPerson(t.db, { account: false });
    const notInvited = await t.gql(ATTENDANCE, { input: { meetingId: id, entries: [{ personId: g.members[2].id, attendance: 'PRESENT' }, { personId: outsider.id, attendance: 'PRESENT' }] } }, { token: g.secretariat.token });
    expect(notInvited.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    // Nothing half-written: Cleo is still absent.
    const [{ attendance }] = await t.db.query(`SELECT attendance FROM invitation WHERE meeting_id = $1 AND person_id = $2`, [id, g.members[2].id]);
    expect(attendance).toBe('absent');
  });

  it('writes minutes with numbered decisions, action items and conflicts of interest; adjusters approve; then nothing changes', async () => {
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, {
      workingGroupId: g.groupId,
      agenda: [{ title: 'Dagsorden', durationMinutes: 5 }, { title: 'Kortlægning', durationMinutes: 60, decisionExpected: true }, { title: 'Indkøb af kursus', durationMinutes: 30 }],
      ...slot(-2),
    });
    const id = created.meeting.id;
    const [, mapping, purchase] = created.meeting.agenda;
    await ok(t, g.secretariat.token, ATTENDANCE, {
      input: { meetingId: id, entries: [{ personId: g.members[0].id, attendance: 'PRESENT' }, { personId: g.members[1].id, attendance: 'PRESENT' }, { personId: g.members[2].id, attendance: 'APOLOGIES' }] },
    });
    const input = {
      meetingId: id,
      body: 'Mødet blev åbnet kl. 10.',
      notes: [{ agendaItemId: mapping.id, text: 'Sekretariatet fremlagde kortlægningen.' }],
      decisions: [
        { agendaItemId: mapping.id, text: 'Kortlægningen godkendes.' },
        { agendaItemId: purchase.id, text: 'Kurset indkøbes hos Region Midtjylland.' },
      ],
      actionItems: [
        { agendaItemId: mapping.id, title: 'Send kortlægningen til bestyrelsen', assigneePersonId: g.secretariat.id, dueOn: '2030-01-15' },
        { title: 'Indhent tilbud', assigneePersonId: g.members[1].id },
      ],
      conflictsOfInterest: [{ agendaItemId: purchase.id, personId: g.members[1].id, reason: 'Ansat i Region Midtjylland', leftRoom: true }],
    };
    const saved = await ok(t, g.secretariat.token, SAVE, { input });
    expect(saved.saveMinutes.status).toBe('DRAFT');
    const minutesId = saved.saveMinutes.id;
    const read = `query($id: ID!) { meeting(id: $id) { minutes { status decisions { number text } actionItems { title assignee { fullName } dueOn status }
      conflictsOfInterest { person { fullName } reason leftRoom } adjusters { person { fullName } approvedAt } } } }`;
    const draft = await ok(t, g.secretariat.token, read, { id });
    expect(draft.meeting.minutes.decisions).toEqual([{ number: 1, text: 'Kortlægningen godkendes.' }, { number: 2, text: 'Kurset indkøbes hos Region Midtjylland.' }]);
    expect(draft.meeting.minutes.conflictsOfInterest).toEqual([{ person: { fullName: 'Bo Bentsen' }, reason: 'Ansat i Region Midtjylland', leftRoom: true }]);
    // Members do not see a draft.
    expect((await ok(t, g.members[2].token, read, { id })).meeting.minutes).toBeNull();

    const send = `mutation($input: SendMinutesForApprovalInput!) { sendMinutesForApproval(input: $input) { status sentForApprovalAt } }`;
    expect((await ok(t, g.secretariat.token, send, { input: { minutesId, adjusterIds: [g.chair.id, g.members[0].id] } })).sendMinutesForApproval.status).toBe('IN_APPROVAL');
    const owed = await t.db.query(`SELECT person_id FROM notification WHERE kind = 'minutes.approval-requested' AND subject_id = $1 ORDER BY person_id`, [minutesId]);
    expect(owed.map((r: { person_id: string }) => r.person_id)).toEqual([g.chair.id, g.members[0].id].sort());
    // While in approval the draft cannot be edited.
    expect((await t.gql(SAVE, { input }, { token: g.secretariat.token })).errors?.[0].extensions.code).toBe('CONFLICT');

    const approve = `mutation($id: ID!) { approveMinutes(minutesId: $id) { status approvedAt } }`;
    expect((await t.gql(approve, { id: minutesId }, { token: g.members[2].token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await ok(t, g.chair.token, approve, { id: minutesId })).approveMinutes.status).toBe('IN_APPROVAL');
    const approved = await ok(t, g.members[0].token, approve, { id: minutesId });
    expect(approved.approveMinutes.status).toBe('APPROVED');
    expect((await t.gql(approve, { id: minutesId }, { token: g.members[0].token })).errors?.[0].extensions.code).toBe('CONFLICT');

    // Approved: every member reads them; nothing can change, not through the API and not in SQL.
    const final = await ok(t, g.members[2].token, read, { id });
    expect(final.meeting.minutes.status).toBe('APPROVED');
    expect(final.meeting.minutes.adjusters.every((a: { approvedAt: string | null }) => a.approvedAt)).toBe(true);
    const edit = await t.gql(SAVE, { input: { ...input, body: 'Ændret bagefter' } }, { token: g.secretariat.token });
    expect(edit.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(edit.errors?.[0].message).toMatch(/justerat/);
    const late = await t.gql(ATTENDANCE, { input: { meetingId: id, entries: [{ personId: g.members[2].id, attendance: 'PRESENT' }] } }, { token: g.secretariat.token });
    expect(late.errors?.[0].extensions.code).toBe('CONFLICT');
    for (const sql of [
      `UPDATE minutes SET body = 'x' WHERE id = $1`,
      `UPDATE decision SET text = 'x' WHERE minutes_id = $1`,
      `DELETE FROM decision WHERE minutes_id = $1`,
      `INSERT INTO decision (minutes_id, number, text) VALUES ($1, 99, 'smuggled')`,
      `DELETE FROM conflict_of_interest WHERE minutes_id = $1`,
      `UPDATE action_item SET title = 'x' WHERE minutes_id = $1`,
      `UPDATE minutes_adjuster SET approved_at = NULL WHERE minutes_id = $1`,
    ]) {
      await expect(t.db.query(sql, [minutesId])).rejects.toMatchObject({ driverError: { constraint: 'minutes_approved_immutable' } });
    }
    const after = await ok(t, g.secretariat.token, read, { id });
    expect(after.meeting.minutes.decisions).toHaveLength(2);

    // The printable page: attendance list, decisions, the declared conflict of interest, in the reader's language.
    const page = await t.http(`/meetings/${id}/minutes`, { headers: { authorization: `Bearer ${g.members[2].token}`, 'accept-language': 'da' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<th scope="col">Navn</th>');
    expect(html).toMatch(/Anna Andersson<\/td><td>Til stede/);
    expect(html).toMatch(/Cleo Clarke<\/td><td>Afbud/);
    expect(html).toContain('Beslutning 2:</strong> Kurset indkøbes hos Region Midtjylland.');
    expect(html).toContain('Inhabilitet anmeldt:</strong> Bo Bentsen – Ansat i Region Midtjylland');
    expect(html).toContain('@media print');
    // Accessible: no WCAG 2.1 A/AA violations in a real browser.
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage();
      await tab.setContent(html);
      expect(await axeViolations(tab)).toEqual([]);
    } finally {
      await browser.close();
    }
    expect((await t.http(`/meetings/${id}/minutes`)).status).toBe(401);
    const stranger = await signedInPerson(t);
    expect((await t.http(`/meetings/${id}/minutes`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);

    // Open action items come back on the next meeting's agenda until done; the status still moves after approval.
    const next = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, ...slot(20) });
    const carried = `query($id: ID!) { meeting(id: $id) { carriedActionItems { id title status } } }`;
    const items = (await ok(t, g.secretariat.token, carried, { id: next.createMeeting.meeting.id })).meeting.carriedActionItems;
    expect(items.map((i: { title: string }) => i.title)).toEqual(['Send kortlægningen til bestyrelsen', 'Indhent tilbud']);
    // Bo, the assignee, marks his done; a member who is not the assignee may not.
    const status = `mutation($input: UpdateActionItemInput!) { setActionItemStatus(input: $input) { status } }`;
    expect((await t.gql(status, { input: { id: items[1].id, status: 'DONE' } }, { token: g.members[2].token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await ok(t, g.members[1].token, status, { input: { id: items[1].id, status: 'DONE' } })).setActionItemStatus.status).toBe('DONE');
    const still = (await ok(t, g.secretariat.token, carried, { id: next.createMeeting.meeting.id })).meeting.carriedActionItems;
    expect(still.map((i: { title: string }) => i.title)).toEqual(['Send kortlægningen til bestyrelsen']);
    const [invite] = await t.db.query(`SELECT text_body FROM mail_outbox WHERE dedupe_key = $1`, [`invite:${next.createMeeting.meeting.id}:${g.members[0].id}:0`]);
    expect(invite.text_body).toContain('Send kortlægningen til bestyrelsen');
  });

  it('issues the same number of SQL statements for a list of 2 meetings and of 20 (from the second on, each has carried action items)', async () => {
    const list = `query($g: ID!) { meetingList(workingGroupId: $g, first: 50) { totalCount edges { node { id title agendaMinutes
      agenda { title presenter { fullName } quorum { represented recused met } } invitations { rsvp person { fullName } substitute { fullName } }
      quorum { met } carriedActionItems { title assignee { fullName } } myInvitation { rsvp }
      minutes { status decisions { number } actionItems { title } adjusters { person { fullName } } } } } } }`;
    const small = await groupWithMembers(t, g.admin);
    const large = await groupWithMembers(t, g.admin);
    const build = async (fixture: GroupFixture, count: number) => {
      for (let i = 0; i < count; i++) {
        const { createMeeting: created } = await createMeeting(t, fixture.secretariat.token, {
          workingGroupId: fixture.groupId,
          inviteMembers: true,
          agenda: [{ title: 'A', durationMinutes: 10, presenterPersonId: fixture.chair.id }, { title: 'B', durationMinutes: 20 }],
          ...slot(-40 + i),
        });
        // Approved: only approved minutes carry their action items on.
        await approvedMinutes(t, fixture.secretariat.token, fixture.secretariat, {
          meetingId: created.meeting.id, decisions: [{ text: 'D' }], actionItems: [{ title: `Action ${i}`, assigneePersonId: fixture.members[0].id }],
        });
      }
    };
    await build(small, 2);
    await build(large, 20);
    const two = await t.gql(list, { g: small.groupId }, { token: small.secretariat.token });
    const twenty = await t.gql(list, { g: large.groupId }, { token: large.secretariat.token });
    expect(two.errors).toBeUndefined();
    expect(twenty.errors).toBeUndefined();
    expect(twenty.data?.meetingList.totalCount).toBe(20);
    expect(twenty.data?.meetingList.edges[19].node.carriedActionItems).toHaveLength(19);
    expect(twenty.extensions?.sqlStatements).toBe(two.extensions?.sqlStatements);
    expect(two.extensions?.sqlStatements).toBeLessThanOrEqual(20);
  });
});
