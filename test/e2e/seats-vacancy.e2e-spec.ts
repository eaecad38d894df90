import { ReminderEngine } from '@samverkan/notifications';
import { TestApp, startTestApp } from '../harness/test-app';
import { createPerson } from '../harness/factories';
import { allocation, commission, CommissionFixture, group, ok, organisation } from '../harness/structure-fixtures';

// Issue 16, item 4: one meaning of "vacant" — a seat is FILLED, HOLDOVER or VACANT, the
// same in every field, list, reminder, report and export; and a vacant seat is reminded
// only once its nomination round has had its time.

const GROUP = `query($id: ID!) { workingGroup(id: $id) { vacantSeats { id status } allocations { seats { id number status } } } }`;
const COUNTS = `query($id: ID!) { workingGroup(id: $id) { allocations { seatCount filledCount holdoverCount vacantCount } } }`;

interface SeatRow { id: string; number: number; status: string }

describe('one meaning of a vacant seat (issue 16)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const today = async (plusDays = 0): Promise<string> =>
    (await t.db.query(`SELECT (current_date + $1::int)::text AS d`, [plusDays]))[0].d;
  const runReminders = () => t.app.get(ReminderEngine).run();
  const vacancyReminders = (seatIds: string[]): Promise<{ subject_id: string; status: string; due_at: Date; dedupe_key: string }[]> =>
    t.db.query(`SELECT subject_id, status, due_at, dedupe_key FROM notification WHERE kind = 'seat.vacant' AND subject_id = ANY($1::uuid[]) ORDER BY subject_id`, [seatIds]);
  const seatsOf = async (token: string, groupId: string): Promise<SeatRow[]> =>
    (await ok(t, token, GROUP, { id: groupId })).workingGroup.allocations.flatMap((a: { seats: SeatRow[] }) => a.seats);
  const appointTo = async (c: CommissionFixture, seatId: string, startsOn: string, endsOn?: string) => {
    const person = await createPerson(t.db, { account: false });
    await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { seatId, personId: person.id, startsOn, endsOn } });
  };

  it('counts a seat held over as held over, never as vacant, in every field, list, reminder, report and export', async () => {
    const c = await commission(t);
    // Group A lets members hold over: one seat filled, one held over, one never held.
    const holdoverGroup = await group(t, c.secretariat.token, c.commissionId, { name: 'A holdover group', holdoverAllowed: true });
    // Group B does not: its one seat's term ended, so it is vacant.
    const strictGroup = await group(t, c.secretariat.token, c.commissionId, { name: 'B strict group', holdoverAllowed: false });
    const org = await organisation(t, c.secretariat.token, { name: 'Danske Regioner' });
    await allocation(t, c.secretariat.token, holdoverGroup, org, 3);
    await allocation(t, c.secretariat.token, strictGroup, org, 1);
    const [filled, heldOver, neverHeld] = await seatsOf(c.secretariat.token, holdoverGroup);
    const [ended] = await seatsOf(c.secretariat.token, strictGroup);
    await appointTo(c, filled.id, '2024-01-01');
    await appointTo(c, heldOver.id, '2020-01-01', '2021-12-31');
    await appointTo(c, ended.id, '2020-01-01', '2021-12-31');

    // The GraphQL fields: statuses, counts and the lists agree.
    const a = (await ok(t, c.secretariat.token, GROUP, { id: holdoverGroup })).workingGroup;
    expect(a.allocations[0].seats.map((s: SeatRow) => s.status)).toEqual(['FILLED', 'HOLDOVER', 'VACANT']);
    expect(a.vacantSeats).toEqual([{ id: neverHeld.id, status: 'VACANT' }]);
    const b = (await ok(t, c.secretariat.token, GROUP, { id: strictGroup })).workingGroup;
    expect(b.vacantSeats).toEqual([{ id: ended.id, status: 'VACANT' }]);
    expect((await ok(t, c.secretariat.token, COUNTS, { id: holdoverGroup })).workingGroup.allocations).toEqual([{ seatCount: 3, filledCount: 1, holdoverCount: 1, vacantCount: 1 }]);
    expect((await ok(t, c.secretariat.token, COUNTS, { id: strictGroup })).workingGroup.allocations).toEqual([{ seatCount: 1, filledCount: 0, holdoverCount: 0, vacantCount: 1 }]);
    const commissionWide = await ok(t, c.secretariat.token, `query($id: ID!) { commission(id: $id) { vacantSeats { id status } } }`, { id: c.commissionId });
    expect(commissionWide.commission.vacantSeats).toEqual([{ id: neverHeld.id, status: 'VACANT' }, { id: ended.id, status: 'VACANT' }]);

    // The weekly reminder (the never-held seat's grace period over): the same two seats.
    await t.db.query(`UPDATE seat SET created_at = now() - interval '60 days' WHERE id = ANY($1::uuid[])`, [[filled.id, heldOver.id, neverHeld.id, ended.id]]);
    await runReminders();
    const reminded = await vacancyReminders([filled.id, heldOver.id, neverHeld.id, ended.id]);
    expect(reminded.map((r) => r.subject_id).sort()).toEqual([neverHeld.id, ended.id].sort());

    // The status report, its page and its CSV: filled + holdover + vacant = seats, the same seats.
    const compiled = await ok(t, c.secretariat.token, `mutation($input: CompileStatusReportInput!) { compileStatusReport(input: $input) {
      id asOf summary { seats filled holdover vacant groups { onTrack atRisk late noData } } } }`, { input: { commissionId: c.commissionId } });
    const report = compiled.compileStatusReport;
    expect(report.asOf).toBe(await today());
    expect(report.summary).toMatchObject({ seats: 4, filled: 1, holdover: 1, vacant: 2 });
    // Group A (1 of 3 vacant) is on track, group B (1 of 1 vacant) at risk: a seat held over has someone in it.
    expect(report.summary.groups).toEqual({ onTrack: 1, atRisk: 1, late: 0, noData: 0 });
    const headers = { authorization: `Bearer ${c.secretariat.token}` };
    const csv = (await (await t.http(`/reports/${report.id}/report.csv`, { headers })).text()).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(csv[0].split(',').slice(7, 11)).toEqual(['seats', 'filled', 'holdover', 'vacant']);
    const groupLine = (id: string) => csv.find((line) => line.startsWith(`group,${id},`))!.split(',').slice(7, 11);
    expect(groupLine(holdoverGroup)).toEqual(['3', '1', '1', '1']);
    expect(groupLine(strictGroup)).toEqual(['1', '0', '0', '1']);
    const page = await (await t.http(`/reports/${report.id}?lang=en`, { headers })).text();
    expect(page).toContain('Seats: 4, filled: 1, holding over: 1, vacant: 2.');
  });

  it('counts a seat whose term was ended early as vacant, not held over, as access does (issue 16, items 1 and 4)', async () => {
    const c = await commission(t);
    const groupId = await group(t, c.secretariat.token, c.commissionId, { holdoverAllowed: true });
    await allocation(t, c.secretariat.token, groupId, await organisation(t, c.secretariat.token), 1);
    const [seat] = await seatsOf(c.secretariat.token, groupId);
    const person = await createPerson(t.db, { account: false });
    const appointed = await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, {
      input: { seatId: seat.id, personId: person.id, startsOn: '2024-01-01' },
    });
    await ok(t, c.secretariat.token, `mutation($input: EndAppointmentInput!) { endAppointment(input: $input) { id } }`, {
      input: { appointmentId: appointed.appoint.id, endsOn: await today(-30), reason: 'Left the agency' },
    });
    const data = (await ok(t, c.secretariat.token, GROUP, { id: groupId })).workingGroup;
    expect(data.allocations[0].seats).toMatchObject([{ status: 'VACANT' }]);
    expect(data.vacantSeats).toEqual([{ id: seat.id, status: 'VACANT' }]);
    expect((await ok(t, c.secretariat.token, COUNTS, { id: groupId })).workingGroup.allocations).toEqual([{ seatCount: 1, filledCount: 0, holdoverCount: 0, vacantCount: 1 }]);
    await t.db.query(`UPDATE seat SET created_at = now() - interval '60 days' WHERE id = $1`, [seat.id]);
    await runReminders();
    expect((await vacancyReminders([seat.id])).map((r) => r.subject_id)).toEqual([seat.id]);
    const compiled = await ok(t, c.secretariat.token, `mutation($input: CompileStatusReportInput!) { compileStatusReport(input: $input) { summary { seats filled holdover vacant } } }`, {
      input: { commissionId: c.commissionId },
    });
    expect(compiled.compileStatusReport.summary).toMatchObject({ seats: 1, filled: 0, holdover: 0, vacant: 1 });
  });

  it('keeps a seat held over until its successor starts, then filled; never vacant in between', async () => {
    const c = await commission(t);
    const groupId = await group(t, c.secretariat.token, c.commissionId, { holdoverAllowed: true });
    await allocation(t, c.secretariat.token, groupId, await organisation(t, c.secretariat.token), 1);
    const [seat] = await seatsOf(c.secretariat.token, groupId);
    await appointTo(c, seat.id, '2020-01-01', '2021-12-31');
    await appointTo(c, seat.id, await today(20));
    const data = (await ok(t, c.secretariat.token, GROUP, { id: groupId })).workingGroup;
    expect(data.allocations[0].seats).toMatchObject([{ status: 'HOLDOVER' }]);
    expect(data.vacantSeats).toEqual([]);
    expect((await ok(t, c.secretariat.token, COUNTS, { id: groupId })).workingGroup.allocations).toMatchObject([{ filledCount: 0, holdoverCount: 1, vacantCount: 0 }]);
  });

  it('gives a new allocation its grace period before the first vacancy reminder, then reminds each week', async () => {
    const c = await commission(t);
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    await allocation(t, c.secretariat.token, groupId, await organisation(t, c.secretariat.token), 1);
    const [seat] = await seatsOf(c.secretariat.token, groupId);
    // Just created: the seat is vacant, but nothing is owed yet (it was owed, and mailed, within a minute).
    expect(seat.status).toBe('VACANT');
    await runReminders();
    expect(await vacancyReminders([seat.id])).toEqual([]);
    // 13 days on (the default grace is 14 days): still nothing.
    await t.db.query(`UPDATE seat SET created_at = now() - interval '13 days' WHERE id = $1`, [seat.id]);
    await runReminders();
    expect(await vacancyReminders([seat.id])).toEqual([]);
    // 15 days on: this week's reminder, due by now, to the secretariat.
    await t.db.query(`UPDATE seat SET created_at = now() - interval '15 days' WHERE id = $1`, [seat.id]);
    await runReminders();
    const monday = (await t.db.query(`SELECT date_trunc('week', current_date)::date::text AS d`))[0].d;
    const [reminder] = await vacancyReminders([seat.id]);
    expect(reminder).toMatchObject({ status: 'owed', dedupe_key: `seat.vacant:${seat.id}:${monday}:${c.secretariat.id}` });
    expect(reminder.due_at.getTime()).toBeLessThanOrEqual(Date.now());
    // Filled: the reminder is cancelled.
    await appointTo(c, seat.id, '2024-01-01');
    await runReminders();
    expect((await vacancyReminders([seat.id])).map((r) => r.status)).toEqual(['cancelled']);
  });

  it('reminds of a vacancy only after the nomination deadline, and not for a withdrawn request', async () => {
    const c = await commission(t);
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const allocationId = await allocation(t, c.secretariat.token, groupId, await organisation(t, c.secretariat.token), 1);
    const [seat] = await seatsOf(c.secretariat.token, groupId);
    // Long past its grace period, but a nomination request runs until 10 days from now.
    await t.db.query(`UPDATE seat SET created_at = now() - interval '60 days' WHERE id = $1`, [seat.id]);
    const contact = await createPerson(t.db, { account: false });
    const requested = await ok(t, c.secretariat.token, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id } }`, {
      input: { allocationId, contactPersonId: contact.id, deadline: await today(10) },
    });
    const requestId = requested.requestNomination.id;
    await runReminders();
    expect(await vacancyReminders([seat.id])).toEqual([]);
    // The deadline is today: still the round's time.
    await t.db.query(`UPDATE nomination_request SET deadline = current_date WHERE id = $1`, [requestId]);
    await runReminders();
    expect(await vacancyReminders([seat.id])).toEqual([]);
    // A withdrawn request gives no time: the grace period (long over) applies.
    await t.db.query(`UPDATE nomination_request SET status = 'withdrawn' WHERE id = $1`, [requestId]);
    await runReminders();
    expect((await vacancyReminders([seat.id])).map((r) => r.status)).toEqual(['owed']);
    // Sent again, the deadline passed yesterday: reminded from today.
    await t.db.query(`UPDATE nomination_request SET status = 'sent', deadline = current_date - 1 WHERE id = $1`, [requestId]);
    await runReminders();
    expect((await vacancyReminders([seat.id])).map((r) => r.status)).toEqual(['owed']);
  });

  it('retires a vacant seat, not one held over, when the count is lowered', async () => {
    const c = await commission(t);
    const groupId = await group(t, c.secretariat.token, c.commissionId, { holdoverAllowed: true });
    const allocationId = await allocation(t, c.secretariat.token, groupId, await organisation(t, c.secretariat.token), 3);
    const [, second, third] = await seatsOf(c.secretariat.token, groupId);
    await appointTo(c, second.id, '2024-01-01');
    await appointTo(c, third.id, '2020-01-01', '2021-12-31');
    await ok(t, c.secretariat.token, `mutation { changeSeatCount(input: { allocationId: "${allocationId}", seatCount: 2 }) { seatCount } }`);
    expect((await seatsOf(c.secretariat.token, groupId)).map((s) => [s.number, s.status])).toEqual([[2, 'FILLED'], [3, 'HOLDOVER']]);
    // With no vacant seat left, the seat held over goes (the count may drop below it, not below a running term).
    await ok(t, c.secretariat.token, `mutation { changeSeatCount(input: { allocationId: "${allocationId}", seatCount: 1 }) { seatCount } }`);
    expect((await seatsOf(c.secretariat.token, groupId)).map((s) => [s.number, s.status])).toEqual([[2, 'FILLED']]);
    const refused = await t.gql(`mutation { changeSeatCount(input: { allocationId: "${allocationId}", seatCount: 0 }) { seatCount } }`, {}, { token: c.secretariat.token });
    expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  // Not a regression (it held before): the default of a request keeps counting held-over seats.
  it('asks for as many names as there are seats without a running term (vacant or held over)', async () => {
    const c = await commission(t);
    const groupId = await group(t, c.secretariat.token, c.commissionId, { holdoverAllowed: true });
    const allocationId = await allocation(t, c.secretariat.token, groupId, await organisation(t, c.secretariat.token), 3);
    const [first, second] = await seatsOf(c.secretariat.token, groupId);
    await appointTo(c, first.id, '2024-01-01');
    await appointTo(c, second.id, '2020-01-01', '2021-12-31');
    const requested = await ok(t, c.secretariat.token, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { seatsRequested } }`, {
      input: { allocationId, deadline: await today(30) },
    });
    expect(requested.requestNomination.seatsRequested).toBe(2);
  });

  // Last in this file: it boots a second app with another grace period, and the rule's
  // grace is one per process (as the config is). (A grace of 0 is how it behaved before.)
  it('takes the grace period from SEAT_VACANCY_GRACE_DAYS', async () => {
    const other = await startTestApp({ SEAT_VACANCY_GRACE_DAYS: '0' });
    try {
      const c = await commission(other);
      const groupId = await group(other, c.secretariat.token, c.commissionId);
      await allocation(other, c.secretariat.token, groupId, await organisation(other, c.secretariat.token), 1);
      const [seat] = await other.db.query(`SELECT s.id FROM seat s JOIN seat_allocation sa ON sa.id = s.allocation_id WHERE sa.working_group_id = $1`, [groupId]);
      await other.app.get(ReminderEngine).run();
      const owed = await other.db.query(`SELECT status FROM notification WHERE kind = 'seat.vacant' AND subject_id = $1`, [seat.id]);
      expect(owed).toEqual([{ status: 'owed' }]);
    } finally {
      await other.close();
    }
  });
});
