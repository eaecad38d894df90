import { DateTime } from 'luxon';
import * as nodeIcal from 'node-ical';
import { TestApp, startTestApp } from '../harness/test-app';
import { startTestWorker } from '../harness/test-worker';
import { GroupFixture, Worker, createMeeting, groupWithMembers, mailsTo } from '../harness/meeting-fixtures';
import { mimeOutline, mimeTree } from '../harness/mime-tree';
import type { ReceivedMail } from '../harness/smtp-sink';
import { ok } from '../harness/structure-fixtures';

// Issue 16, item 9: mail that calendar clients understand, and one policy for attendees' addresses.

function slot(days: number, hour = 10) {
  const start = DateTime.now().setZone('Europe/Copenhagen').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { startsAt: start.toUTC().toISO(), endsAt: start.plus({ hours: 2 }).toUTC().toISO() };
}

/** The calendar that is a body part (no file name), parsed by node-ical. */
function calendarPart(mail: ReceivedMail): { text: string; method: string; event: nodeIcal.VEvent; attendees: { email: string; params: Record<string, unknown> }[]; organizer: string } {
  const part = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar' && !a.filename);
  if (!part) throw new Error(`no text/calendar body part in "${mail.parsed.subject}"`);
  const text = part.content.toString('utf8');
  const parsed = nodeIcal.sync.parseICS(text);
  const event = Object.values(parsed).find((entry) => entry?.type === 'VEVENT') as nodeIcal.VEvent;
  const attendees = ([] as { params: Record<string, unknown>; val: string }[])
    .concat((event.attendee ?? []) as never)
    .map((a) => ({ email: a.val.replace(/^mailto:/i, '').toLowerCase(), params: a.params }));
  return {
    text,
    method: (parsed.vcalendar as unknown as { method: string }).method,
    event,
    attendees,
    organizer: (event.organizer as unknown as { val: string }).val.replace(/^mailto:/i, '').toLowerCase(),
  };
}

describe('mail that calendar clients understand (issue 16, item 9)', () => {
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

  it('sends invitations, updates and cancellations as multipart/alternative with text/calendar; method=…, in the reader’s Content-Language, each naming the organizer and its recipient only', async () => {
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, ...slot(30) });
    const meetingId = created.meeting.id;
    const everyone = [g.chair, ...g.members, g.substitute];
    const locales: Record<string, string> = { [g.chair.email]: 'da', [g.members[0].email]: 'sv', [g.members[1].email]: 'da', [g.members[2].email]: 'en', [g.substitute.email]: 'sv' };

    for (const person of everyone) {
      const [mail] = await mailsTo(t, person.email, /Arbejdsgruppemøde/);
      // The structure Outlook and Gmail look for: the calendar is one of the alternative bodies, the .ics a copy beside them.
      expect(mimeOutline(mimeTree(mail.raw))).toEqual([
        'multipart/mixed',
        '  multipart/alternative',
        '    text/plain',
        '    text/html',
        '    text/calendar; method=REQUEST',
        '  application/ics; name=invite.ics',
      ]);
      expect(mail.parsed.headers.get('content-language')).toBe(locales[person.email]);
      expect(mail.parsed.html).toContain(`lang="${locales[person.email]}"`);

      const calendar = calendarPart(mail);
      expect(calendar.method).toBe('REQUEST');
      expect(calendar.event.uid).toBe(created.meeting.icalUid);
      expect(calendar.organizer).toBe(g.secretariat.email);
      // iTIP: the recipient's own ATTENDEE line (so the client offers accept/decline), and nobody else's address.
      expect(calendar.attendees.map((a) => a.email)).toEqual([person.email]);
      for (const other of everyone.filter((p) => p !== person)) expect(calendar.text.toLowerCase()).not.toContain(other.email);
      // The attached copy says the same.
      const copy = mail.parsed.attachments.find((a) => a.filename === 'invite.ics');
      expect(copy?.content.toString('utf8').replace(/\r?\n/g, '\n')).toBe(calendar.text.replace(/\r?\n/g, '\n'));
    }
    const [substituteMail] = await mailsTo(t, g.substitute.email, /Arbejdsgruppemøde/);
    expect(calendarPart(substituteMail).attendees[0].params).toMatchObject({ ROLE: 'OPT-PARTICIPANT', PARTSTAT: 'NEEDS-ACTION' });

    // The calendar part is stored with the row as rendered (a retry never re-renders); no .ics among the plain attachments.
    const rows: { calendar: { method: string; filename: string; content: string }; attachments: unknown[] }[] = await t.db.query(
      `SELECT calendar, attachments FROM mail_outbox WHERE dedupe_key LIKE $1`,
      [`invite:${meetingId}:%`],
    );
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.calendar).toMatchObject({ method: 'REQUEST', filename: 'invite.ics', content: expect.stringContaining('BEGIN:VCALENDAR') });
      expect(row.attachments).toEqual([]);
    }

    // An update: REQUEST with SEQUENCE 1; a cancellation: CANCEL with SEQUENCE 2, both as the alternative body.
    await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { sequence } } }`, { input: { id: meetingId, ...slot(31, 13) } });
    const [changed] = await mailsTo(t, g.members[2].email, /^Changed: Arbejdsgruppemøde/);
    expect(mimeOutline(mimeTree(changed.raw))).toContain('    text/calendar; method=REQUEST');
    expect(changed.parsed.headers.get('content-language')).toBe('en');
    expect(calendarPart(changed)).toMatchObject({ method: 'REQUEST', attendees: [expect.objectContaining({ email: g.members[2].email })] });
    expect(Number(calendarPart(changed).event.sequence)).toBe(1);

    await ok(t, g.secretariat.token, `mutation($id: ID!) { cancelMeeting(id: $id) { status } }`, { id: meetingId });
    const [cancel] = await mailsTo(t, g.members[0].email, /^Inställt: Arbejdsgruppemøde/);
    expect(mimeOutline(mimeTree(cancel.raw))).toEqual([
      'multipart/mixed',
      '  multipart/alternative',
      '    text/plain',
      '    text/html',
      '    text/calendar; method=CANCEL',
      '  application/ics; name=cancel.ics',
    ]);
    expect(cancel.parsed.headers.get('content-language')).toBe('sv');
    const cancelled = calendarPart(cancel);
    expect(cancelled).toMatchObject({ method: 'CANCEL', attendees: [expect.objectContaining({ email: g.members[0].email })] });
    expect(cancelled.event.status).toBe('CANCELLED');
    expect(Number(cancelled.event.sequence)).toBe(2);
  });

  it('shows addresses by one rule on every path: GraphQL and the feeds give a member their own address only, the secretariat all', async () => {
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, ...slot(45) });
    const query = `query($id: ID!) { meeting(id: $id) { invitations { person { id email } } } }`;
    const member = g.members[0];
    const seen = (await ok(t, member.token, query, { id: created.meeting.id })).meeting.invitations as { person: { id: string; email: string | null } }[];
    expect(seen).toHaveLength(5);
    for (const { person } of seen) expect(person.email).toBe(person.id === member.id ? member.email : null);
    const secretariat = (await ok(t, g.secretariat.token, query, { id: created.meeting.id })).meeting.invitations as { person: { id: string; email: string | null } }[];
    expect(secretariat.every(({ person }) => person.email && person.email.includes('@'))).toBe(true);

    // The member's calendar feed and the group's feed list the reader as the only attendee of each meeting.
    const feed = await ok(t, member.token, `mutation { createCalendarFeed { url groupUrlTemplate } }`);
    for (const url of [feed.createCalendarFeed.url, feed.createCalendarFeed.groupUrlTemplate.replace('{groupId}', g.groupId)]) {
      const text = await (await t.http(new URL(url).pathname)).text();
      const events = Object.values(nodeIcal.sync.parseICS(text)).filter((entry) => entry?.type === 'VEVENT') as nodeIcal.VEvent[];
      expect(events.some((event) => event.uid === created.meeting.icalUid)).toBe(true);
      for (const event of events) {
        const attendees = ([] as { val: string }[]).concat((event.attendee ?? []) as never).map((a) => a.val.replace(/^mailto:/i, '').toLowerCase());
        expect(attendees).toEqual([member.email]);
      }
      for (const other of [g.chair, g.members[1], g.members[2], g.substitute]) expect(text.toLowerCase()).not.toContain(other.email);
    }
  });
});
