import { DateTime } from 'luxon';
import { TestApp, startTestApp } from '../harness/test-app';
import { ok } from '../harness/structure-fixtures';
import { GroupFixture, createMeeting, groupWithMembers } from '../harness/meeting-fixtures';

const ATTENDANCE = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { attendance } }`;
const QUORUMS = `query($id: ID!) { meeting(id: $id) { quorum { represented recused required met } agenda { title quorum { seats required represented recused met } } } }`;
const DECLARE = `mutation($input: DeclareConflictOfInterestInput!) { declareConflictOfInterest(input: $input) { id } }`;
const SAVE = `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`;

type ItemQuorum = { title: string; quorum: { seats: number; required: number; represented: number; recused: number; met: boolean } };

describe('on the day: the quorum per agenda item leaves out whoever has a conflict of interest (jäv) on it', () => {
  let t: TestApp;
  let g: GroupFixture;

  beforeAll(async () => {
    t = await startTestApp();
    g = await groupWithMembers(t);
  });
  afterAll(() => t?.close());

  const quorums = async (id: string) => {
    const { meeting } = await ok(t, g.secretariat.token, QUORUMS, { id });
    return { meeting: meeting.quorum, items: Object.fromEntries((meeting.agenda as ItemQuorum[]).map((item) => [item.title, item.quorum])) };
  };

  it('counts a seat on an item only when whoever represents it has no declared or recorded conflict on that item', async () => {
    // Declarations are made before the meeting; then it is moved to today, begun an hour ago.
    const tomorrow = DateTime.now().plus({ days: 1 }).startOf('hour');
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, {
      workingGroupId: g.groupId,
      startsAt: tomorrow.toUTC().toISO(),
      endsAt: tomorrow.plus({ hours: 2 }).toUTC().toISO(),
      agenda: [{ title: 'Kortlægning', durationMinutes: 30 }, { title: 'Indkøb af kursus', durationMinutes: 30 }, { title: 'Budget', durationMinutes: 30 }],
    });
    const id = created.meeting.id;
    const [, purchase, budget] = created.meeting.agenda;
    await ok(t, g.members[0].token, DECLARE, { input: { agendaItemId: purchase.id, reason: 'Jeg sidder i bestyrelsen for udbyderen.' } });
    const begun = DateTime.now().minus({ hours: 1 }).startOf('minute');
    await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`, {
      input: { id, startsAt: begun.toUTC().toISO(), endsAt: begun.plus({ hours: 3 }).toUTC().toISO() },
    });

    await ok(t, g.secretariat.token, ATTENDANCE, {
      input: { meetingId: id, entries: [{ personId: g.members[0].id, attendance: 'PRESENT' }, { personId: g.members[1].id, attendance: 'PRESENT' }, { personId: g.members[2].id, attendance: 'ABSENT' }] },
    });
    let q = await quorums(id);
    // The meeting as a whole: two of three seats, quorum (more than half) met.
    expect(q.meeting).toEqual({ represented: 2, recused: 0, required: 2, met: true });
    expect(q.items['Kortlægning']).toEqual({ seats: 3, required: 2, represented: 2, recused: 0, met: true });
    // Anna declared a conflict on the purchase: her seat does not count there, and the group cannot decide it.
    expect(q.items['Indkøb af kursus']).toEqual({ seats: 3, required: 2, represented: 1, recused: 1, met: false });
    expect(q.items['Budget']).toMatchObject({ represented: 2, met: true });

    // A conflict recorded in the minutes on the day counts the same: Bo on the budget.
    await ok(t, g.secretariat.token, SAVE, {
      input: { meetingId: id, conflictsOfInterest: [{ agendaItemId: budget.id, personId: g.members[1].id, reason: 'Ansat i Region Midtjylland', leftRoom: true }] },
    });
    q = await quorums(id);
    expect(q.items['Budget']).toEqual({ seats: 3, required: 2, represented: 1, recused: 1, met: false });
    expect(q.items['Indkøb af kursus']).toMatchObject({ represented: 1, recused: 1 });

    // Cleo arrives: every item has two seats that count again.
    await ok(t, g.secretariat.token, ATTENDANCE, { input: { meetingId: id, entries: [{ personId: g.members[2].id, attendance: 'PRESENT' }] } });
    q = await quorums(id);
    expect(q.meeting).toMatchObject({ represented: 3, met: true });
    expect(Object.values(q.items).map((item) => [item.represented, item.recused, item.met])).toEqual([
      [3, 0, true],
      [2, 1, true],
      [2, 1, true],
    ]);

    // Anna's substitute sits in for her: her seat counts on the purchase, where the substitute has no conflict.
    await ok(t, g.secretariat.token, ATTENDANCE, { input: { meetingId: id, entries: [{ personId: g.members[0].id, attendance: 'SUBSTITUTED', substitutedByPersonId: g.substitute.id }] } });
    q = await quorums(id);
    expect(q.items['Indkøb af kursus']).toMatchObject({ represented: 3, recused: 0, met: true });
  });

  it('has no quorum for a meeting of the whole commission, on the meeting or its items', async () => {
    const start = DateTime.now().minus({ days: 2 }).startOf('hour');
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, {
      commissionId: g.commissionId,
      startsAt: start.toUTC().toISO(),
      endsAt: start.plus({ hours: 1 }).toUTC().toISO(),
      agenda: [{ title: 'Plenum', durationMinutes: 30 }],
    });
    const q = await quorums(created.meeting.id);
    expect(q.meeting).toBeNull();
    expect(q.items['Plenum']).toBeNull();
  });
});
