import { TestApp, startTestApp } from '../harness/test-app';
import { TestPerson, createPerson, signedInPerson } from '../harness/factories';
import { CommissionFixture, allocation, appoint, commission, group, ok, organisation } from '../harness/structure-fixtures';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 16 (follow-up): who is invited to a group's meeting, and which substitute
 * "my substitute attends" names, follow the rule that gives access (libs/access
 * `sittingSql`) on the meeting's day: a principal whose term runs; a holdover only
 * where the group allows it, nobody has succeeded them and the term was not ended
 * early; a substitute while a principal's term on the seat runs.
 */
describe('invitations and stand-ins follow the terms (issue 16)', () => {
  let t: TestApp;
  let c: CommissionFixture;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
    orgId = await organisation(t, c.admin.token);
  });
  afterAll(() => t?.close());

  /** A fresh group with a one-seat allocation. */
  async function freshGroup(fields: Record<string, unknown> = {}): Promise<{ groupId: string; seatId: string }> {
    const groupId = await group(t, c.secretariat.token, c.commissionId, fields);
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 1);
    const [seat] = await t.db.query(`SELECT id FROM seat WHERE allocation_id = $1`, [allocationId]);
    return { groupId, seatId: seat.id };
  }

  async function seat(input: Record<string, unknown>): Promise<string> {
    const result = await appoint(t, c.secretariat.token, { kind: 'PRINCIPAL', ...input });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.appoint.id;
  }

  /** A meeting of the group on the day `offset` days ahead (noon in Stockholm), members invited; who was invited, as what. */
  async function meetingOn(groupId: string, offset: number): Promise<{ meetingId: string; invited: Record<string, string> }> {
    const data = await ok(t, c.secretariat.token, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
      input: { workingGroupId: groupId, title: 'Sammanträde', kind: 'MEETING', startsAt: `${day(offset)}T10:00:00Z`, endsAt: `${day(offset)}T12:00:00Z`, timeZone: 'Europe/Stockholm', inviteMembers: true },
    });
    const meetingId = data.createMeeting.meeting.id;
    const rows: { person_id: string; role: string }[] = await t.db.query(`SELECT person_id, role FROM invitation WHERE meeting_id = $1`, [meetingId]);
    return { meetingId, invited: Object.fromEntries(rows.map((r) => [r.person_id, r.role])) };
  }

  it('does not invite a member whose appointment was ended early, even where the group allows holdover', async () => {
    const g = await freshGroup({ holdoverAllowed: true });
    const member = await createPerson(t.db, { account: false });
    const id = await seat({ seatId: g.seatId, personId: member.id, startsOn: day(-400) });
    await ok(t, c.secretariat.token, `mutation($input: EndAppointmentInput!) { endAppointment(input: $input) { id } }`, {
      input: { appointmentId: id, endsOn: day(-1), reason: 'Left the agency' },
    });
    const { invited } = await meetingOn(g.groupId, 10);
    expect(invited[member.id]).toBeUndefined();
  });

  it('invites a successor whose term starts before the meeting, and not the member they succeed', async () => {
    const g = await freshGroup({ holdoverAllowed: true });
    const former = await createPerson(t.db, { account: false });
    await seat({ seatId: g.seatId, personId: former.id, startsOn: day(-400), endsOn: day(-10) });
    const successor = await createPerson(t.db, { account: false });
    await seat({ seatId: g.seatId, personId: successor.id, startsOn: day(5) });
    // Before the successor starts, the former member holds over: invited.
    expect((await meetingOn(g.groupId, 2)).invited).toEqual({ [former.id]: 'member' });
    // On the meeting's day the successor sits.
    expect((await meetingOn(g.groupId, 10)).invited).toEqual({ [successor.id]: 'member' });
  });

  it('does not invite a member whose term ran out before the meeting where the group allows no holdover', async () => {
    const g = await freshGroup({ holdoverAllowed: false });
    const member = await createPerson(t.db, { account: false });
    await seat({ seatId: g.seatId, personId: member.id, startsOn: day(-400), endsOn: day(5) });
    expect((await meetingOn(g.groupId, 3)).invited).toEqual({ [member.id]: 'member' });
    expect((await meetingOn(g.groupId, 10)).invited).toEqual({});
  });

  it('informs a substitute only while a principal’s term on the seat runs, not through the principal’s holdover', async () => {
    const g = await freshGroup({ holdoverAllowed: true });
    const principal = await createPerson(t.db, { account: false });
    await seat({ seatId: g.seatId, personId: principal.id, startsOn: day(-400), endsOn: day(5) });
    const substitute = await createPerson(t.db, { account: false });
    await seat({ seatId: g.seatId, personId: substitute.id, kind: 'SUBSTITUTE', startsOn: day(-300) });
    expect((await meetingOn(g.groupId, 3)).invited).toEqual({ [principal.id]: 'member', [substitute.id]: 'substitute' });
    // After the term: the principal holds over, the substitute has no seat to stand in on.
    expect((await meetingOn(g.groupId, 10)).invited).toEqual({ [principal.id]: 'member' });
  });

  describe('“my substitute attends” names the substitute who sits on the meeting’s day', () => {
    const RSVP = `mutation($m: ID!, $input: RsvpInput!) { rsvp(meetingId: $m, input: $input) { rsvp substitute { id } substituteName } }`;

    async function principalWithSubstitute(principalEndsOn: string | null, substituteEndsOn: string | null): Promise<{ g: { groupId: string; seatId: string }; principal: TestPerson; substitute: TestPerson }> {
      const g = await freshGroup({ holdoverAllowed: true });
      const principal = await signedInPerson(t, { locale: 'sv' });
      await seat({ seatId: g.seatId, personId: principal.id, startsOn: day(-400), ...(principalEndsOn ? { endsOn: principalEndsOn } : {}) });
      const substitute = await signedInPerson(t);
      await seat({ seatId: g.seatId, personId: substitute.id, kind: 'SUBSTITUTE', startsOn: day(-300), ...(substituteEndsOn ? { endsOn: substituteEndsOn } : {}) });
      return { g, principal, substitute };
    }

    it('names the seat’s substitute while both terms run, and invites them as a substitute', async () => {
      const { g, principal, substitute } = await principalWithSubstitute(null, null);
      const { meetingId } = await meetingOn(g.groupId, 10);
      const answer = await ok(t, principal.token, RSVP, { m: meetingId, input: { answer: 'SUBSTITUTE' } });
      expect(answer.rsvp).toEqual({ rsvp: 'SUBSTITUTE', substitute: { id: substitute.id }, substituteName: null });
      const [row] = await t.db.query(`SELECT role FROM invitation WHERE meeting_id = $1 AND person_id = $2`, [meetingId, substitute.id]);
      expect(row.role).toBe('substitute');
    });

    it('names nobody when the principal only holds over on the meeting’s day: the answer must say who comes', async () => {
      const { g, principal, substitute } = await principalWithSubstitute(day(5), null);
      const { meetingId, invited } = await meetingOn(g.groupId, 10);
      expect(invited).toEqual({ [principal.id]: 'member' });
      const refused = await t.gql(RSVP, { m: meetingId, input: { answer: 'SUBSTITUTE' } }, { token: principal.token });
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0].message).toMatch(/ersättare på mötesdagen/);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM invitation WHERE meeting_id = $1 AND person_id = $2`, [meetingId, substitute.id]);
      expect(count).toBe(0);
      // Named, the answer is taken.
      const named = await ok(t, principal.token, RSVP, { m: meetingId, input: { answer: 'SUBSTITUTE', substituteName: 'Dora Dahl' } });
      expect(named.rsvp).toEqual({ rsvp: 'SUBSTITUTE', substitute: null, substituteName: 'Dora Dahl' });
    });

    it('names nobody whose own term has ended before the meeting’s day', async () => {
      const { g, principal } = await principalWithSubstitute(null, day(5));
      const { meetingId } = await meetingOn(g.groupId, 10);
      const refused = await t.gql(RSVP, { m: meetingId, input: { answer: 'SUBSTITUTE' } }, { token: principal.token });
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
