import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { ImapFlow } from 'imapflow';
import { TestApp, freePort, startTestApp } from '../harness/test-app';
import { startTestWorker } from '../harness/test-worker';
import { GroupFixture, Worker, createMeeting, groupWithMembers } from '../harness/meeting-fixtures';
import { ok } from '../harness/structure-fixtures';
import { EnvelopeSink, fixture, icalUtc, invitationCalendar } from '../harness/inbound-mail';
import { eventually } from '../harness/test-worker';

const hoodiecrow = require('hoodiecrow-imap') as (options?: Record<string, unknown>) => { listen(port: number, callback?: () => void): void; close(callback?: () => void): void };

// Issue 21, the IMAP alternative: a hosted mailbox (hoodiecrow-imap) polled by the worker.

describe('inbound mail by IMAP (issue 21)', () => {
  let t: TestApp;
  let worker: Worker;
  let sink: EnvelopeSink;
  let imap: ReturnType<typeof hoodiecrow>;
  let imapPort: number;
  let g: GroupFixture;

  beforeAll(async () => {
    imapPort = await freePort();
    imap = hoodiecrow({ plugins: ['UIDPLUS', 'LITERALPLUS'], storage: { INBOX: { messages: [] } } });
    await new Promise<void>((resolve) => imap.listen(imapPort, resolve));
    sink = await new EnvelopeSink().start();
    const inbound = { INBOUND_MAIL: 'imap', INBOUND_DOMAIN: 'reply.samverkan.test', IMAP_URL: `imap://testuser:testpass@127.0.0.1:${imapPort}/INBOX`, IMAP_POLL_SECONDS: '1' };
    t = await startTestApp({ SMTP_URL: sink.url, ...inbound });
    worker = await startTestWorker(t);
    g = await groupWithMembers(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.stop();
    await new Promise<void>((resolve) => imap?.close(() => resolve()));
  });

  it('takes an Accept found in the mailbox as an RSVP, once, and marks the mail seen', async () => {
    const start = DateTime.now().plus({ days: 20 }).set({ minute: 0, second: 0, millisecond: 0 });
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, startsAt: start.toUTC().toISO(), endsAt: start.plus({ hours: 1 }).toUTC().toISO() });
    const anna = g.members[0];
    const [invite] = await sink.wait(anna.email, /Arbejdsgruppemøde/);
    const calendar = invitationCalendar(invite);
    const raw = fixture('outlook-reply.eml', {
      FROM: anna.email,
      FROM_NAME: 'Anna Andersson',
      TO: calendar.organizer,
      ATTENDEE: anna.email,
      UID: calendar.uid,
      SEQUENCE: calendar.sequence,
      PARTSTAT: 'ACCEPTED',
      SUBJECT_PREFIX: 'Accepted',
      TITLE: 'Arbejdsgruppemøde',
      DATE: new Date().toUTCString(),
      MESSAGE_ID: randomBytes(8).toString('hex'),
      DTSTAMP: icalUtc(new Date()),
    });

    const client = new ImapFlow({ host: '127.0.0.1', port: imapPort, secure: false, doSTARTTLS: false, auth: { user: 'testuser', pass: 'testpass' }, logger: false });
    await client.connect();
    try {
      // Delivered twice (as when a poller dies between storing and marking seen): one row, one answer.
      await client.append('INBOX', raw);
      await client.append('INBOX', raw);
      await eventually(async () => {
        const data = await ok(t, g.secretariat.token, `query($id: ID!) { meeting(id: $id) { invitations { rsvp person { id } } } }`, { id: created.meeting.id });
        return data.meeting.invitations.find((i: any) => i.person.id === anna.id)?.rsvp === 'YES';
      }, 20_000, 'the RSVP from the IMAP mailbox');
      const rows: { channel: string; result: string }[] = await eventually(async () => {
        const found: { channel: string; result: string; state: string }[] = await t.db.query(`SELECT channel, result, state FROM inbound_mail`);
        return found.length === 1 && found[0].state === 'done' ? found : undefined;
      }, 20_000, 'one processed row');
      expect(rows).toEqual([expect.objectContaining({ channel: 'imap', result: 'applied' })]);
      await client.mailboxOpen('INBOX');
      const unseen = await eventually(async () => {
        const found = (await client.search({ seen: false }, { uid: true })) || [];
        return found.length === 0 ? [] : undefined;
      }, 10_000, 'both mails marked seen');
      expect(unseen).toEqual([]);
      const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM mail_link_use WHERE channel = 'calendar-reply'`);
      expect(n).toBe(1);
    } finally {
      await client.logout().catch(() => undefined);
    }
  });
});
