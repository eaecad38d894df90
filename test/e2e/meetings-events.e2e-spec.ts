import { DateTime } from 'luxon';
import { NotificationSweep, ReminderEngine } from '@samverkan/notifications';
import { TestApp, startTestApp } from '../harness/test-app';
import { signedInPerson } from '../harness/factories';
import { ok } from '../harness/structure-fixtures';
import { startTestWorker } from '../harness/test-worker';
import { GroupFixture, Worker, createMeeting, eventsOf, groupWithMembers, icsOf, mailsTo } from '../harness/meeting-fixtures';

function slot(days: number, hour = 10, zone = 'Europe/Copenhagen') {
  const start = DateTime.now().setZone(zone).plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { startsAt: start.toUTC().toISO()!, endsAt: start.plus({ hours: 2 }).toUTC().toISO()! };
}

const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { registrationId status waitlistPosition } }`;

describe('meetings: date polls, open events, calendar feeds, reminders', () => {
  let t: TestApp;
  let worker: Worker;
  let g: GroupFixture;

  beforeAll(async () => {
    // Reminder rows a month ahead (the default is a week), so the fixtures' dates 10–25 days ahead are all in the window.
    t = await startTestApp({ REMINDER_LOOKAHEAD_DAYS: '30' });
    worker = await startTestWorker(t);
    g = await groupWithMembers(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('finds a date with a poll: shows the best option, and choosing it schedules the meeting', async () => {
    const options = [slot(14), slot(15), slot(16)];
    const poll = await ok(t, g.secretariat.token, `mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id options { option { id startsAt } } } }`, {
      input: { workingGroupId: g.groupId, title: 'Opstartsmøde', timeZone: 'Europe/Copenhagen', place: 'NGC', options },
    });
    const pollId = poll.createDatePoll.id;
    const ids: string[] = poll.createDatePoll.options.map((o: { option: { id: string } }) => o.option.id);
    const answer = `mutation($input: AnswerDatePollInput!) { answerDatePoll(input: $input) { id } }`;
    // Option 2: two yes and one "if need be"; option 1: three yes but one no... counts decide.
    await ok(t, g.members[0].token, answer, { input: { pollId, votes: [{ optionId: ids[0], answer: 'YES' }, { optionId: ids[1], answer: 'YES' }, { optionId: ids[2], answer: 'NO' }] } });
    await ok(t, g.members[1].token, answer, { input: { pollId, votes: [{ optionId: ids[0], answer: 'NO' }, { optionId: ids[1], answer: 'IF_NEED_BE' }, { optionId: ids[2], answer: 'YES' }] } });
    await ok(t, g.members[2].token, answer, { input: { pollId, votes: [{ optionId: ids[0], answer: 'YES' }, { optionId: ids[1], answer: 'NO' }, { optionId: ids[2], answer: 'YES' }] } });
    // The same option twice in one answer (a fuzz find: the upsert failed as an internal error) is refused and changes nothing.
    const twice = await t.gql(answer, { input: { pollId, votes: [{ optionId: ids[1], answer: 'IF_NEED_BE' }, { optionId: ids[1], answer: 'YES' }] } }, { token: g.members[2].token });
    expect(twice.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    // Cleo changes her mind on option 2: the answer is replaced, not added.
    await ok(t, g.members[2].token, answer, { input: { pollId, votes: [{ optionId: ids[1], answer: 'YES' }] } });
    const read = await ok(t, g.chair.token, `query($id: ID!) { datePoll(id: $id) { status options { yes ifNeedBe no best } bestOption { option { id } } } }`, { id: pollId });
    expect(read.datePoll.options).toEqual([
      { yes: 2, ifNeedBe: 0, no: 1, best: false },
      { yes: 2, ifNeedBe: 1, no: 0, best: true },
      { yes: 2, ifNeedBe: 0, no: 1, best: false },
    ]);
    expect(read.datePoll.bestOption.option.id).toBe(ids[1]);
    const stranger = await signedInPerson(t);
    expect((await t.gql(answer, { input: { pollId, votes: [{ optionId: ids[0], answer: 'YES' }] } }, { token: stranger.token })).errors?.[0].extensions.code).toBe('NOT_FOUND');

    const choose = `mutation($p: ID!, $o: ID!) { chooseDatePollOption(pollId: $p, optionId: $o) { meeting { id title startsAt place invitations { role } } } }`;
    expect((await t.gql(choose, { p: pollId, o: ids[1] }, { token: g.members[0].token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const chosen = await ok(t, g.secretariat.token, choose, { p: pollId, o: ids[1] });
    expect(chosen.chooseDatePollOption.meeting).toMatchObject({ title: 'Opstartsmøde', startsAt: new Date(options[1].startsAt).toISOString(), place: 'NGC' });
    expect(chosen.chooseDatePollOption.meeting.invitations).toHaveLength(5);
    const again = await t.gql(choose, { p: pollId, o: ids[0] }, { token: g.secretariat.token });
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM meeting WHERE title = 'Opstartsmøde'`);
    expect(n).toBe(1);
    expect((await ok(t, g.chair.token, `query($id: ID!) { datePoll(id: $id) { status meetingId } }`, { id: pollId })).datePoll).toEqual({
      status: 'closed',
      meetingId: chosen.chooseDatePollOption.meeting.id,
    });
  });

  it('takes registrations for an open webinar up to its capacity, then a waitlist promoted in order, with confirmation mail and .ics', async () => {
    const when = slot(45, 13, 'Europe/Stockholm');
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, {
      commissionId: g.commissionId,
      kind: 'WEBINAR',
      title: 'Kompetensbehov och utbildning inom ATMP',
      timeZone: 'Europe/Stockholm',
      onlineUrl: 'https://webinar.example.test/atmp',
      isOpen: true,
      capacity: 2,
      inviteMembers: false,
      ...when,
    });
    const meetingId = created.meeting.id;
    const register = (email: string, fullName: string) => t.gql(REGISTER, { input: { meetingId, fullName, email, organisation: 'Exempel AB', locale: 'sv' } });
    const first = await register('ada@example.test', 'Ada');
    const second = await register('bea@example.test', 'Bea');
    const third = await register('cem@example.test', 'Cem');
    const fourth = await register('dag@example.test', 'Dag');
    expect([first, second, third, fourth].map((r) => r.data?.registerForEvent.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED', 'WAITLISTED']);
    expect(fourth.data?.registerForEvent.waitlistPosition).toBe(2);
    // The same person again (in any case) is the same registration.
    const twice = await register('ADA@Example.test', 'Ada Again');
    expect(twice.data?.registerForEvent).toEqual(first.data?.registerForEvent);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM registration WHERE meeting_id = $1`, [meetingId]);
    expect(n).toBe(4);

    const [confirmation] = await mailsTo(t, 'ada@example.test', /^Anmälan bekräftad: Kompetensbehov/);
    const { event, parsed } = icsOf(confirmation);
    expect((parsed.vcalendar as unknown as { method: string }).method).toBe('PUBLISH');
    expect(DateTime.fromJSDate(event.start).setZone('Europe/Stockholm').toFormat('HH:mm')).toBe('13:00');
    expect(event.start.tz).toBe('Europe/Stockholm');
    const [waitlisted] = await mailsTo(t, 'cem@example.test', /^Väntelista: /);
    expect(waitlisted.parsed.attachments.filter((a) => a.contentType.startsWith('text/calendar'))).toHaveLength(0);

    // Bea cancels with the link from her mail: Cem (first on the waitlist) gets the place and the .ics.
    const [beaMail] = await mailsTo(t, 'bea@example.test', /^Anmälan bekräftad/);
    const token = /token=([A-Za-z0-9_-]+)/.exec(beaMail.parsed.text ?? '')![1];
    const ask = await t.http(`/registrations/cancel?token=${token}`);
    expect(ask.status).toBe(200);
    expect(await t.db.query(`SELECT status FROM registration WHERE email = 'bea@example.test'`)).toEqual([{ status: 'confirmed' }]);
    const cancelled = await t.http(`/registrations/cancel`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` });
    expect(cancelled.status).toBe(200);
    const [promoted] = await mailsTo(t, 'cem@example.test', /^Anmälan bekräftad: Kompetensbehov/);
    expect(icsOf(promoted).event.uid).toBe(event.uid);
    const statuses = await t.db.query(`SELECT email, status FROM registration WHERE meeting_id = $1 ORDER BY created_at`, [meetingId]);
    expect(statuses).toEqual([
      { email: 'ada@example.test', status: 'confirmed' },
      { email: 'bea@example.test', status: 'cancelled' },
      { email: 'cem@example.test', status: 'confirmed' },
      { email: 'dag@example.test', status: 'waitlisted' },
    ]);
    const used = await t.gql(`mutation($token: String!) { cancelRegistration(token: $token) { status } }`, { token });
    expect(used.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    // The waitlist closed and the event full: refused, nothing written.
    await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`, { input: { id: meetingId, waitlistOpen: false } });
    const refused = await register('eve@example.test', 'Eve');
    expect(refused.errors?.[0].extensions.code).toBe('CONFLICT');
    const [{ m }] = await t.db.query(`SELECT count(*)::int AS m FROM registration WHERE meeting_id = $1`, [meetingId]);
    expect(m).toBe(4);
    // The database refuses a confirmation over capacity whatever the code does.
    await expect(t.db.query(`UPDATE registration SET status = 'confirmed', confirmed_at = now() WHERE email = 'dag@example.test'`)).rejects.toMatchObject({
      driverError: { constraint: 'registration_over_capacity' },
    });
    // A meeting that is not an open event is not there for the public.
    const closed = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, ...slot(46) });
    const notOpen = await t.gql(REGISTER, { input: { meetingId: closed.createMeeting.meeting.id, fullName: 'X', email: 'x@example.test' } });
    expect(notOpen.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const list = await ok(t, g.secretariat.token, `query($id: ID!) { meeting(id: $id) { registrations { fullName email status } } }`, { id: meetingId });
    expect(list.meeting.registrations.map((r: { status: string }) => r.status)).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED', 'WAITLISTED']);
    expect((await t.gql(`query($id: ID!) { meeting(id: $id) { registrations { email } } }`, { id: meetingId }, { token: g.members[0].token })).errors?.[0].extensions.code).toBe('FORBIDDEN');

    // Moved an hour later: those with a place hear of it with the new time in their calendar; the waitlist does not.
    const later = { startsAt: new Date(Date.parse(when.startsAt) + 3_600_000).toISOString(), endsAt: new Date(Date.parse(when.endsAt) + 3_600_000).toISOString() };
    await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`, { input: { id: meetingId, ...later } });
    const [changed] = await mailsTo(t, 'ada@example.test', /^Ändrat: Kompetensbehov/);
    const moved = icsOf(changed);
    expect((moved.parsed.vcalendar as unknown as { method: string }).method).toBe('PUBLISH');
    expect(moved.event.uid).toBe(event.uid);
    expect(Number(moved.event.sequence)).toBeGreaterThan(Number(event.sequence ?? 0));
    expect(DateTime.fromJSDate(moved.event.start).setZone('Europe/Stockholm').toFormat('HH:mm')).toBe('14:00');
    expect(changed.parsed.text).toContain('din plats gäller');
    expect(t.smtp.to('dag@example.test').filter((m) => /^Ändrat/.test(m.parsed.subject ?? ''))).toHaveLength(0);

    // Cancelled: everyone registered hears of it, the waitlist too, with METHOD:CANCEL.
    await ok(t, g.secretariat.token, `mutation($id: ID!) { cancelMeeting(id: $id) { status } }`, { id: meetingId });
    for (const address of ['ada@example.test', 'cem@example.test', 'dag@example.test']) {
      const [cancel] = await mailsTo(t, address, /^Inställt: Kompetensbehov/);
      expect((icsOf(cancel).parsed.vcalendar as unknown as { method: string }).method).toBe('CANCEL');
    }
    expect(t.smtp.to('bea@example.test').filter((m) => /^Inställt/.test(m.parsed.subject ?? ''))).toHaveLength(0);
  });

  it('limits anonymous registrations per client address (each sends a mail), not signed-in ones', async () => {
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { commissionId: g.commissionId, kind: 'WEBINAR', isOpen: true, capacity: 1000, inviteMembers: false, ...slot(60) });
    const meetingId = created.meeting.id;
    const register = (email: string, token?: string) => t.gql(REGISTER, { input: { meetingId, fullName: 'Flood', email } }, token ? { token } : {});
    expect((await register('first-flood@example.test')).data?.registerForEvent.status).toBe('CONFIRMED');
    const [{ registered_from: from }] = await t.db.query(`SELECT registered_from FROM registration WHERE email = 'first-flood@example.test'`);
    expect(from).toMatch(/127\.0\.0\.1/);
    // Nineteen more from the same address in the last minutes reach the limit of 20.
    await t.db.query(
      `INSERT INTO registration (meeting_id, full_name, email, status, cancel_token_hash, registered_from, confirmed_at)
       SELECT $1::uuid, 'Flood', 'flood-' || i || '@example.test', 'confirmed', md5(i::text || $1::text), $2, now() FROM generate_series(1, 19) AS i`,
      [meetingId, from],
    );
    const limited = await register('one-too-many@example.test');
    expect(limited.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect(await t.db.query(`SELECT 1 FROM registration WHERE email = 'one-too-many@example.test'`)).toHaveLength(0);
    expect((await register('signed-in@example.test', g.secretariat.token)).data?.registerForEvent.status).toBe('CONFIRMED');
  });

  it('serves a per-person feed behind a revocable secret, and a per-group feed, with times in the meeting’s zone', async () => {
    const copenhagen = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Feed CPH', ...slot(70, 10) });
    const london = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Feed LDN', timeZone: 'Europe/London', ...slot(71, 15, 'Europe/London') });
    await ok(t, g.members[1].token, `mutation($id: ID!, $input: RsvpInput!) { rsvp(meetingId: $id, input: $input) { rsvp } }`, { id: copenhagen.createMeeting.meeting.id, input: { answer: 'YES' } });
    const feed = await ok(t, g.members[1].token, `mutation { createCalendarFeed { url groupUrlTemplate } }`);
    const path = new URL(feed.createCalendarFeed.url).pathname;
    const response = await t.http(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const events = eventsOf(await response.text());
    const cph = events.find((e) => e.summary === 'Feed CPH')!;
    const ldn = events.find((e) => e.summary === 'Feed LDN')!;
    expect(cph.uid).toBe(copenhagen.createMeeting.meeting.icalUid);
    expect(cph.start.tz).toBe('Europe/Copenhagen');
    expect(DateTime.fromJSDate(cph.start).setZone('Europe/Copenhagen').toFormat('HH:mm')).toBe('10:00');
    expect(ldn.start.tz).toBe('Europe/London');
    expect(DateTime.fromJSDate(ldn.start).setZone('Europe/London').toFormat('HH:mm')).toBe('15:00');
    expect(([] as { params: { PARTSTAT: string } }[]).concat(cph.attendee as never)[0].params.PARTSTAT).toBe('ACCEPTED');

    const groupPath = new URL(feed.createCalendarFeed.groupUrlTemplate.replace('{groupId}', g.groupId)).pathname;
    const groupFeed = await t.http(groupPath);
    expect(groupFeed.status).toBe(200);
    expect(eventsOf(await groupFeed.text()).map((e) => e.summary)).toEqual(expect.arrayContaining(['Feed CPH', 'Feed LDN']));
    // A token is no key to groups its owner cannot read.
    const other = await groupWithMembers(t, g.admin);
    expect((await t.http(new URL(feed.createCalendarFeed.groupUrlTemplate.replace('{groupId}', other.groupId)).pathname)).status).toBe(404);

    expect((await ok(t, g.members[1].token, `mutation { revokeCalendarFeed }`)).revokeCalendarFeed).toBe(true);
    expect((await t.http(path)).status).toBe(404);
    expect((await t.http(`/calendar/not-a-token/feed.ics`)).status).toBe(404);
    const [row] = await t.db.query(`SELECT token_hash FROM calendar_feed_token WHERE person_id = $1`, [g.members[1].id]);
    expect(path).not.toContain(row.token_hash);
  });

  it('owes reminders a week and a day before, for missing answers and unapproved minutes, and moves them with the meeting', async () => {
    const engine = t.app.get(ReminderEngine);
    const start = DateTime.now().setZone('Europe/Copenhagen').plus({ days: 10 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, {
      workingGroupId: g.groupId,
      title: 'Påmindelsesmøde',
      startsAt: start.toUTC().toISO(),
      endsAt: start.plus({ hours: 2 }).toUTC().toISO(),
    });
    const id = created.meeting.id;
    await ok(t, g.members[1].token, `mutation($id: ID!, $input: RsvpInput!) { rsvp(meetingId: $id, input: $input) { rsvp } }`, { id, input: { answer: 'NO' } });
    await ok(t, g.members[0].token, `mutation($id: ID!, $input: RsvpInput!) { rsvp(meetingId: $id, input: $input) { rsvp } }`, { id, input: { answer: 'YES' } });
    await engine.run();
    const owed = async (kind: string) =>
      (await t.db.query(`SELECT person_id, due_at, status, props FROM notification WHERE kind = $1 AND subject_id = $2 ORDER BY due_at, person_id`, [kind, id])) as {
        person_id: string;
        due_at: Date;
        status: string;
        props: Record<string, unknown>;
      }[];
    const upcoming = await owed('meeting.upcoming');
    // Everyone invited except Bo (who declined), 7 and 1 days before the start.
    const people = new Set(upcoming.map((r) => r.person_id));
    expect(people).toEqual(new Set([g.chair.id, g.members[0].id, g.members[2].id, g.substitute.id]));
    expect(new Set(upcoming.map((r) => r.due_at.toISOString()))).toEqual(new Set([start.minus({ days: 7 }).toUTC().toISO(), start.minus({ days: 1 }).toUTC().toISO()]));
    const missing = await owed('meeting.rsvp-missing');
    expect(new Set(missing.map((r) => r.person_id))).toEqual(new Set([g.chair.id, g.members[2].id]));

    // Moved by two days: the old reminders are cancelled and new ones owed.
    const moved = start.plus({ days: 2 });
    await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`, {
      input: { id, startsAt: moved.toUTC().toISO(), endsAt: moved.plus({ hours: 2 }).toUTC().toISO() },
    });
    await engine.run();
    const after = await owed('meeting.upcoming');
    expect(after.filter((r) => r.status === 'owed').every((r) => r.due_at.getTime() === moved.minus({ days: 7 }).toMillis() || r.due_at.getTime() === moved.minus({ days: 1 }).toMillis())).toBe(true);
    expect(after.filter((r) => r.status === 'cancelled').length).toBe(upcoming.length);
    // The change asked everyone to answer again, Bo included.
    expect(new Set((await owed('meeting.rsvp-missing')).filter((r) => r.status === 'owed').map((r) => r.person_id))).toEqual(new Set([g.chair.id, ...g.members.map((m) => m.id)]));

    // Minutes waiting for an adjuster: reminded 3 and 7 days after they were sent, until approved.
    const past = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, ...slot(-5) });
    const saved = await ok(t, g.secretariat.token, `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`, { input: { meetingId: past.createMeeting.meeting.id, body: 'Kort.' } });
    const minutesId = saved.saveMinutes.id;
    await ok(t, g.secretariat.token, `mutation($input: SendMinutesForApprovalInput!) { sendMinutesForApproval(input: $input) { status } }`, { input: { minutesId, adjusterIds: [g.chair.id, g.members[2].id] } });
    await engine.run();
    const waiting = async () =>
      (await t.db.query(`SELECT person_id, status FROM notification WHERE kind = 'minutes.unapproved' AND subject_id = $1`, [minutesId])) as { person_id: string; status: string }[];
    expect((await waiting()).filter((r) => r.status === 'owed')).toHaveLength(4);
    await ok(t, g.chair.token, `mutation($id: ID!) { approveMinutes(minutesId: $id) { status } }`, { id: minutesId });
    await engine.run();
    expect(new Set((await waiting()).filter((r) => r.status === 'owed').map((r) => r.person_id))).toEqual(new Set([g.members[2].id]));

    // The "sent for approval" notice is due at once; the worker's sweep sends it in the adjuster's language (Cleo reads English).
    await worker.get(NotificationSweep).sweep();
    const [notice] = await mailsTo(t, g.members[2].email, /^Minutes to approve: /);
    expect(notice.parsed.text).toContain('You are an adjuster of the minutes');
  });
});
