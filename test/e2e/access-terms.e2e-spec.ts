import { TestApp, startTestApp } from '../harness/test-app';
import { TestPerson, createPerson, signedInPerson } from '../harness/factories';
import { CommissionFixture, allocation, appoint, commission, group, ok, organisation } from '../harness/structure-fixtures';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

// Issue 16, item 1: a seat gives access from the term's first day to its last; holdover
// only while nobody has succeeded the holder; substitutes while a principal's term runs.
describe('access ends with the term (issue 16)', () => {
  let t: TestApp;
  let c: CommissionFixture;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
    orgId = await organisation(t, c.admin.token);
  });
  afterAll(() => t?.close());

  /** A fresh group (with a meeting the secretariat scheduled) and a one-seat allocation in it. */
  async function freshGroup(fields: Record<string, unknown> = {}): Promise<{ groupId: string; allocationId: string; seatId: string; meetingId: string }> {
    const groupId = await group(t, c.secretariat.token, c.commissionId, fields);
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 1);
    const [seat] = await t.db.query(`SELECT id FROM seat WHERE allocation_id = $1`, [allocationId]);
    const start = 24 * 40 + Math.floor(Math.random() * 24 * 300);
    const meeting = await ok(t, c.secretariat.token, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
      input: { workingGroupId: groupId, title: 'Sammanträde', kind: 'MEETING', startsAt: hours(start), endsAt: hours(start + 2), timeZone: 'Europe/Stockholm', agenda: [], guestIds: [], inviteMembers: false, isOpen: false, waitlistOpen: false },
    });
    return { groupId, allocationId, seatId: seat.id, meetingId: meeting.createMeeting.meeting.id };
  }

  async function seat(input: Record<string, unknown>): Promise<string> {
    const result = await appoint(t, c.secretariat.token, { kind: 'PRINCIPAL', ...input });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.appoint.id;
  }

  /** What the person reads of the commission and the group: 'ok' or the refusal's code, per path. */
  async function reach(person: TestPerson, g: { groupId: string; meetingId: string }) {
    const code = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => (r.errors?.length ? String(r.errors[0].extensions?.code) : 'ok');
    const as = { token: person.token };
    const groups = await t.gql<{ myWorkingGroups: { id: string }[] }>(`{ myWorkingGroups { id } }`, {}, as);
    return {
      commission: code(await t.gql(`query($id: ID!) { commission(id: $id) { title } }`, { id: c.commissionId }, as)),
      meetings: code(await t.gql(`query($c: ID!) { meetingList(commissionId: $c, first: 5) { totalCount } }`, { c: c.commissionId }, as)),
      meeting: code(await t.gql(`query($id: ID!) { meeting(id: $id) { title } }`, { id: g.meetingId }, as)),
      inMyGroups: groups.data!.myWorkingGroups.some((x) => x.id === g.groupId),
    };
  }
  const sits = { commission: 'ok', meetings: 'ok', meeting: 'ok', inMyGroups: true };
  const outside = { commission: 'NOT_FOUND', meetings: 'NOT_FOUND', meeting: 'NOT_FOUND', inMyGroups: false };

  it('ends a member’s access once a successor has started, and gives the successor none before their start', async () => {
    const g = await freshGroup();
    const former = await signedInPerson(t);
    await seat({ seatId: g.seatId, personId: former.id, startsOn: day(-400), endsOn: day(-30) });
    const successor = await signedInPerson(t);
    await seat({ seatId: g.seatId, personId: successor.id, startsOn: day(-29) });
    expect(await reach(former, g)).toEqual(outside);
    expect(await reach(successor, g)).toEqual(sits);

    const h = await freshGroup();
    const holder = await signedInPerson(t);
    await seat({ seatId: h.seatId, personId: holder.id, startsOn: day(-400), endsOn: day(-10) });
    const incoming = await signedInPerson(t);
    await seat({ seatId: h.seatId, personId: incoming.id, startsOn: day(30) });
    // The holder sits on until the successor starts; the successor waits for their first day.
    expect(await reach(holder, h)).toEqual(sits);
    expect(await reach(incoming, h)).toEqual(outside);
    // The successor's first day comes: the roles change hands.
    await t.db.query(`UPDATE appointment SET starts_on = current_date WHERE person_id = $1`, [incoming.id]);
    expect(await reach(incoming, h)).toEqual(sits);
    expect(await reach(holder, h)).toEqual(outside);
  });

  it('ends access on the last day of the term where the group allows no holdover', async () => {
    const g = await freshGroup({ holdoverAllowed: false });
    const member = await signedInPerson(t);
    await seat({ seatId: g.seatId, personId: member.id, startsOn: day(-400), endsOn: day(0) });
    expect(await reach(member, g)).toEqual(sits);
    await t.db.query(`UPDATE appointment SET ends_on = current_date - 1 WHERE person_id = $1`, [member.id]);
    expect(await reach(member, g)).toEqual(outside);
  });

  it('gives no holdover after an appointment was ended early (its end is the last day in the seat)', async () => {
    const g = await freshGroup();
    const member = await signedInPerson(t);
    const id = await seat({ seatId: g.seatId, personId: member.id, startsOn: day(-400) });
    await ok(t, c.secretariat.token, `mutation($input: EndAppointmentInput!) { endAppointment(input: $input) { id } }`, {
      input: { appointmentId: id, endsOn: day(-1), reason: 'Left the agency' },
    });
    expect(await reach(member, g)).toEqual(outside);
  });

  it('gives a substitute access while a principal’s term on the seat runs, not through the principal’s holdover', async () => {
    const g = await freshGroup();
    const principal = await createPerson(t.db, { account: false });
    const principalId = await seat({ seatId: g.seatId, personId: principal.id, startsOn: day(-400), endsOn: day(100) });
    const substitute = await signedInPerson(t);
    await seat({ seatId: g.seatId, personId: substitute.id, kind: 'SUBSTITUTE', startsOn: day(-300) });
    expect(await reach(substitute, g)).toEqual(sits);
    // The principal's term ran out (they hold over; the substitute's own appointment is open-ended).
    await t.db.query(`UPDATE appointment SET ends_on = current_date - 2 WHERE id = $1`, [principalId]);
    expect(await reach(substitute, g)).toEqual(outside);
  });

  it('keeps a former member’s sight of a meeting they were invited to, not of the group’s others', async () => {
    const g = await freshGroup();
    const member = await signedInPerson(t);
    const id = await seat({ seatId: g.seatId, personId: member.id, startsOn: day(-400) });
    const start = 24 * 20 + Math.floor(Math.random() * 24 * 300);
    const invited = await ok(t, c.secretariat.token, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
      input: { workingGroupId: g.groupId, title: 'Inbjuden', kind: 'MEETING', startsAt: hours(start), endsAt: hours(start + 2), timeZone: 'Europe/Stockholm', agenda: [], guestIds: [member.id], inviteMembers: false, isOpen: false, waitlistOpen: false },
    });
    await ok(t, c.secretariat.token, `mutation($input: EndAppointmentInput!) { endAppointment(input: $input) { id } }`, {
      input: { appointmentId: id, endsOn: day(-1), reason: 'Resigned' },
    });
    expect(await reach(member, g)).toEqual(outside);
    const mine = await t.gql(`query($id: ID!) { meeting(id: $id) { title } }`, { id: invited.createMeeting.meeting.id }, { token: member.token });
    expect(mine.errors).toBeUndefined();
  });
});
