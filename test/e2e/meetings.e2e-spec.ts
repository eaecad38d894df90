import { DateTime } from 'luxon';
import { TestApp, startTestApp } from '../harness/test-app';
import { signedInPerson } from '../harness/factories';
import { commission, group, ok } from '../harness/structure-fixtures';
import { startTestWorker } from '../harness/test-worker';
import { GroupFixture, Worker, createMeeting, groupWithMembers, icsOf, mailsTo } from '../harness/meeting-fixtures';

/** 10:00–12:00 Copenhagen time, `days` days from now. */
function slot(days: number, hour = 10, hours = 2, zone = 'Europe/Copenhagen') {
  const start = DateTime.now().setZone(zone).plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { startsAt: start.toUTC().toISO(), endsAt: start.plus({ hours }).toUTC().toISO() };
}

const AGENDA = [
  { title: 'Godkendelse af dagsorden', durationMinutes: 10 },
  { title: 'Kortlægning af uddannelsesbehov (a)', durationMinutes: 80, presenterName: 'Sekretariatet', decisionExpected: true },
  { title: 'Forslag til programmer (c)', durationMinutes: 60 },
];

describe('meetings: schedule, agenda, invitations, RSVP, iCalendar', () => {
  let t: TestApp;
  let worker: Worker;
  let g: GroupFixture;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t);
    g = await groupWithMembers(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('schedules a meeting with an agenda, invites the members, informs the substitute, and mails a real iCalendar REQUEST', async () => {
    const when = slot(30);
    // The third item is about a real deliverable of the group.
    const proposal = await ok(t, g.secretariat.token, `mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id title } }`, {
      input: { commissionId: g.commissionId, workingGroupId: g.groupId, title: 'Forslag til uddannelsesprogrammer', kind: 'PROPOSAL', dueOn: '2030-06-30', goalIds: [], objectiveIds: [] },
    });
    const agenda = AGENDA.map((item, i) => (i === 2 ? { ...item, deliverableId: proposal.createDeliverable.id } : item));
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, place: 'NGC, Ole Maaløes Vej 3', agenda, ...when });
    const meeting = created.meeting;
    expect(meeting).toMatchObject({ sequence: 0, status: 'PLANNED', agendaMinutes: 150, lengthMinutes: 120, agendaOverrunMinutes: 30 });
    expect(meeting.agenda.map((a: { position: number }) => a.position)).toEqual([1, 2, 3]);

    const invited = await ok(t, g.secretariat.token, `query($id: ID!) { meeting(id: $id) { agenda { deliverableId deliverable { title } decisionExpected } invitations { role rsvp person { fullName } } } }`, { id: meeting.id });
    expect(invited.meeting.agenda[2]).toMatchObject({ deliverableId: proposal.createDeliverable.id, deliverable: { title: 'Forslag til uddannelsesprogrammer' } });
    // An item about a deliverable that does not exist is refused with a typed error.
    const unknown = await t.gql(`mutation($input: SetAgendaInput!) { setAgenda(input: $input) { id } }`, {
      input: { meetingId: meeting.id, items: [{ title: 'Ukendt', durationMinutes: 5, decisionExpected: false, deliverableId: '7b3f0c1e-1111-4aaa-8bbb-1234567890ab' }] },
    }, { token: g.secretariat.token });
    expect(unknown.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(invited.meeting.invitations.map((i: { role: string; person: { fullName: string } }) => `${i.role} ${i.person.fullName}`)).toEqual([
      'CHAIR Karen Formand',
      'MEMBER Anna Andersson',
      'MEMBER Bo Bentsen',
      'MEMBER Cleo Clarke',
      'SUBSTITUTE Sune Suppleant',
    ]);

    // Bo reads Danish in Copenhagen: the mail is in Danish, and the .ics says 10:00 Copenhagen time.
    const [mail] = await mailsTo(t, g.members[1].email, /^Invitation: Arbejdsgruppemøde/);
    expect(mail.parsed.html).toContain('lang="da"');
    expect(mail.parsed.text).toContain('Kortlægning af uddannelsesbehov (a) (80 min.)');
    expect(mail.parsed.text).toMatch(/10[.:]00/);
    const { text, parsed, event } = icsOf(mail);
    expect((parsed.vcalendar as unknown as { method: string }).method).toBe('REQUEST');
    expect(event.uid).toBe(meeting.icalUid);
    expect(Number(event.sequence)).toBe(0);
    expect(event.start.tz).toBe('Europe/Copenhagen');
    expect(DateTime.fromJSDate(event.start).setZone('Europe/Copenhagen').toFormat('HH:mm')).toBe('10:00');
    expect(DateTime.fromJSDate(event.end!).setZone('Europe/Copenhagen').toFormat('HH:mm')).toBe('12:00');
    expect(event.start.toISOString()).toBe(new Date(when.startsAt!).toISOString());
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Copenhagen/);
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    expect((event.organizer as unknown as { val: string }).val.toLowerCase()).toBe(`mailto:${g.secretariat.email}`);
    const attendees = ([] as { params: Record<string, unknown>; val: string }[]).concat(event.attendee as never);
    const partstat = Object.fromEntries(attendees.map((a) => [a.val.replace(/^mailto:/i, ''), a.params.PARTSTAT]));
    expect(partstat[g.members[1].email]).toBe('NEEDS-ACTION');
    // Bo's calendar names the organizer and Bo only (the address policy, meeting-ical.ts).
    expect(Object.keys(partstat)).toEqual([g.members[1].email]);

    // The substitute is informed, in Swedish, as an optional participant; the London member reads the time in London.
    const [informed] = await mailsTo(t, g.substitute.email, /^För kännedom \(ersättare\)/);
    expect(icsOf(informed).event.uid).toBe(meeting.icalUid);
    const informedAttendees = ([] as { params: Record<string, unknown>; val: string }[]).concat(icsOf(informed).event.attendee as never);
    expect(informedAttendees.map((a) => [a.val.replace(/^mailto:/i, ''), a.params.ROLE])).toEqual([[g.substitute.email, 'OPT-PARTICIPANT']]);
    const [english] = await mailsTo(t, g.members[2].email, /^Invitation: Arbejdsgruppemøde/);
    expect(english.parsed.text).toMatch(/09:00/);
    const outbox = await t.db.query(`SELECT dedupe_key, commission_id FROM mail_outbox WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`, [`invite:${meeting.id}:%`]);
    expect(outbox).toHaveLength(5);
    expect(outbox.every((row: { dedupe_key: string; commission_id: string }) => row.dedupe_key.endsWith(':0') && row.commission_id === g.commissionId)).toBe(true);
  });

  it('takes RSVPs (yes, no, maybe, my substitute comes), refuses strangers, and asks again after a change of time', async () => {
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, ...slot(40) });
    const id = created.meeting.id;
    const rsvp = `mutation($id: ID!, $input: RsvpInput!) { rsvp(meetingId: $id, input: $input) { rsvp substitute { fullName } substituteName } }`;
    expect((await ok(t, g.members[0].token, rsvp, { id, input: { answer: 'SUBSTITUTE' } })).rsvp).toEqual({ rsvp: 'SUBSTITUTE', substitute: { fullName: 'Sune Suppleant' }, substituteName: null });
    // The substitute is told that they come, with the meeting for their calendar.
    const [standIn] = await mailsTo(t, g.substitute.email, /^Du kommer som ersättare: /);
    expect((icsOf(standIn).parsed.vcalendar as unknown as { method: string }).method).toBe('REQUEST');
    expect((await ok(t, g.members[1].token, rsvp, { id, input: { answer: 'NO' } })).rsvp.rsvp).toBe('NO');
    expect((await ok(t, g.members[2].token, rsvp, { id, input: { answer: 'MAYBE' } })).rsvp.rsvp).toBe('MAYBE');
    expect((await ok(t, g.chair.token, rsvp, { id, input: { answer: 'YES' } })).rsvp.rsvp).toBe('YES');
    // Bo has no substitute on his seat: he must name one.
    const unnamed = await t.gql(rsvp, { id, input: { answer: 'SUBSTITUTE' } }, { token: g.members[1].token });
    expect(unnamed.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const named = await ok(t, g.members[1].token, rsvp, { id, input: { answer: 'SUBSTITUTE', substituteName: 'Dorte Dahl' } });
    expect(named.rsvp).toMatchObject({ rsvp: 'SUBSTITUTE', substituteName: 'Dorte Dahl' });

    const observer = await signedInPerson(t);
    await ok(t, g.secretariat.token, `mutation($input: CommissionRoleInput!) { assignCommissionRole(input: $input) { id } }`, { input: { commissionId: g.commissionId, personId: observer.id, role: 'OBSERVER' } });
    const stranger = await signedInPerson(t);
    expect((await t.gql(rsvp, { id, input: { answer: 'YES' } }, { token: observer.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(rsvp, { id, input: { answer: 'YES' } }, { token: stranger.token })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(rsvp, { id, input: { answer: 'PENDING' } }, { token: g.chair.token })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM invitation WHERE meeting_id = $1 AND person_id = ANY($2)`, [id, [observer.id, stranger.id]]);
    expect(n).toBe(0);

    // A new time: SEQUENCE 1, every answer reset, an update in every calendar with the same UID.
    const moved = slot(41, 13);
    const update = await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { sequence icalUid invitations { rsvp } } } }`, {
      input: { id, ...moved },
    });
    expect(update.updateMeeting.meeting.sequence).toBe(1);
    expect(new Set(update.updateMeeting.meeting.invitations.map((i: { rsvp: string }) => i.rsvp))).toEqual(new Set(['PENDING']));
    const [changed] = await mailsTo(t, g.members[1].email, /^Ændret: Arbejdsgruppemøde/);
    const { event, parsed } = icsOf(changed);
    expect((parsed.vcalendar as unknown as { method: string }).method).toBe('REQUEST');
    expect(event.uid).toBe(update.updateMeeting.meeting.icalUid);
    expect(Number(event.sequence)).toBe(1);
    expect(DateTime.fromJSDate(event.start).setZone('Europe/Copenhagen').toFormat('HH:mm')).toBe('13:00');

    // A new title only: SEQUENCE 2, answers kept.
    await ok(t, g.chair.token, rsvp, { id, input: { answer: 'YES' } });
    const retitled = await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { sequence myInvitation { rsvp } invitations { rsvp person { id } } } } }`, {
      input: { id, title: 'Arbejdsgruppemøde (flyttet)' },
    });
    expect(retitled.updateMeeting.meeting.sequence).toBe(2);
    expect(retitled.updateMeeting.meeting.invitations.find((i: { person: { id: string } }) => i.person.id === g.chair.id).rsvp).toBe('YES');

    // Cancelled: METHOD:CANCEL, the same UID, SEQUENCE 3.
    const cancelled = await ok(t, g.secretariat.token, `mutation($id: ID!) { cancelMeeting(id: $id) { status sequence } }`, { id });
    expect(cancelled.cancelMeeting).toEqual({ status: 'CANCELLED', sequence: 3 });
    const [cancel] = await mailsTo(t, g.members[0].email, /^Inställt: Arbejdsgruppemøde \(flyttet\)/);
    const cancelIcs = icsOf(cancel);
    expect((cancelIcs.parsed.vcalendar as unknown as { method: string }).method).toBe('CANCEL');
    expect(cancelIcs.event.uid).toBe(update.updateMeeting.meeting.icalUid);
    expect(Number(cancelIcs.event.sequence)).toBe(3);
    expect(cancelIcs.event.status).toBe('CANCELLED');
    expect((await t.gql(rsvp, { id, input: { answer: 'YES' } }, { token: g.chair.token })).errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('refuses bad times and writes nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM meeting`);
    const start = slot(50);
    const cases = [
      { startsAt: start.endsAt, endsAt: start.startsAt, timeZone: 'Europe/Copenhagen' },
      { ...start, timeZone: 'Mars/Olympus_Mons' },
      { ...start, timeZone: '+01:00' },
    ];
    for (const input of cases) {
      const result = await t.gql(`mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, { input: { workingGroupId: g.groupId, title: 'X', ...input } }, { token: g.secretariat.token });
      expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const member = await t.gql(`mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, { input: { workingGroupId: g.groupId, title: 'X', timeZone: 'UTC', ...start } }, { token: g.members[0].token });
    expect(member.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM meeting`)).toEqual(before);
  });

  it('warns of double bookings across commissions, naming the person and hiding what the secretariat may not see', async () => {
    const other = await commission(t, g.admin);
    const otherGroup = await group(t, other.secretariat.token, other.commissionId);
    const when = slot(60, 9, 3);
    // Anna is a guest at the other commission's meeting 09:00–12:00.
    const elsewhere = await createMeeting(t, other.secretariat.token, { workingGroupId: otherGroup, title: 'Styregruppe', guestIds: [g.members[0].id], ...when });
    expect(elsewhere.createMeeting.doubleBookings).toEqual([]);
    const overlapping = slot(60, 11, 2);
    const ours = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, ...overlapping });
    expect(ours.createMeeting.doubleBookings).toEqual([
      { personId: g.members[0].id, personName: 'Anna Andersson', otherMeetingId: null, otherTitle: null, otherStartsAt: new Date(when.startsAt!).toISOString() },
    ]);
    // The admin sees which meeting it is; Anna sees her own clashes.
    const mine = await ok(t, g.members[0].token, `query($p: ID!) { personDoubleBookings(personId: $p) { meetingId otherMeetingId otherTitle } }`, { p: g.members[0].id });
    expect(mine.personDoubleBookings).toHaveLength(2);
    const admin = await ok(t, g.admin.token, `query($p: ID!) { personDoubleBookings(personId: $p) { meetingId otherMeetingId otherTitle } }`, { p: g.members[0].id });
    expect(admin.personDoubleBookings).toContainEqual({ meetingId: ours.createMeeting.meeting.id, otherMeetingId: elsewhere.createMeeting.meeting.id, otherTitle: 'Styregruppe' });
    const stranger = await signedInPerson(t);
    expect((await t.gql(`query($p: ID!) { personDoubleBookings(personId: $p) { meetingId } }`, { p: g.members[0].id }, { token: stranger.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    // Not after the clash is gone.
    await ok(t, other.secretariat.token, `mutation($id: ID!) { cancelMeeting(id: $id) { id } }`, { id: elsewhere.createMeeting.meeting.id });
    expect((await ok(t, g.admin.token, `query($p: ID!) { personDoubleBookings(personId: $p) { meetingId } }`, { p: g.members[0].id })).personDoubleBookings).toEqual([]);
    const [plan] = await t.db.query(
      `EXPLAIN (FORMAT JSON) SELECT id FROM meeting WHERE status <> 'cancelled' AND tstzrange(starts_at, ends_at, '[)') && tstzrange(now(), now() + interval '1 hour', '[)')`,
    );
    expect(JSON.stringify(plan)).toMatch(/meeting_span_idx|Seq Scan/);
  });
});
