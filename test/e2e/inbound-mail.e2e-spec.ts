import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { InboundProcessor, InboundSmtpServer } from '@samverkan/inbound';
import { TestApp, startTestApp } from '../harness/test-app';
import { startTestWorker } from '../harness/test-worker';
import { GroupFixture, Worker, createMeeting, groupWithMembers } from '../harness/meeting-fixtures';
import { ok } from '../harness/structure-fixtures';
import { EnvelopeSink, SentMail, deliver, fixture, icalUtc, invitationCalendar, processed } from '../harness/inbound-mail';

// Issue 21: answers from the calendar, bounces and auto-replies, received over SMTP by the worker.

const DOMAIN = 'reply.samverkan.test';

function slot(days: number, hour = 10) {
  const start = DateTime.now().setZone('Europe/Copenhagen').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { startsAt: start.toUTC().toISO()!, endsAt: start.plus({ hours: 2 }).toUTC().toISO()! };
}

const INVITATIONS = `query($id: ID!) { meeting(id: $id) { sequence invitations { rsvp substituteName substitute { fullName } person { id } } } }`;

describe('inbound mail (issue 21)', () => {
  let t: TestApp;
  let worker: Worker;
  let sink: EnvelopeSink;
  let port: number;
  let g: GroupFixture;
  let meetingId: string;
  let when: { startsAt: string; endsAt: string };
  /** Each member's invitation as they received it. */
  const invites = new Map<string, SentMail>();

  async function rsvpOf(personId: string): Promise<{ rsvp: string; substitute: { fullName: string } | null }> {
    const data = await ok(t, g.secretariat.token, INVITATIONS, { id: meetingId });
    return data.meeting.invitations.find((i: { person: { id: string } }) => i.person.id === personId);
  }

  /** A calendar client's REPLY from `person`, to the ORGANIZER of their invitation unless `to` says otherwise. */
  function reply(file: string, person: { email: string; fullName?: string }, values: Record<string, string | number> = {}): Buffer {
    const calendar = invitationCalendar(invites.get(person.email)!);
    return fixture(file, {
      FROM: person.email,
      FROM_NAME: person.fullName ?? 'Member',
      TO: calendar.organizer,
      ATTENDEE: person.email,
      UID: calendar.uid,
      SEQUENCE: calendar.sequence,
      PARTSTAT: 'ACCEPTED',
      SUBJECT_PREFIX: 'Accepted',
      VERB: 'accepted',
      TITLE: 'Arbejdsgruppemøde',
      DATE: new Date().toUTCString(),
      MESSAGE_ID: randomBytes(8).toString('hex'),
      DTSTART: icalUtc(new Date(when.startsAt)),
      DTEND: icalUtc(new Date(when.endsAt)),
      DTSTART_LOCAL: DateTime.fromISO(when.startsAt).setZone('Europe/Berlin').toFormat("yyyyMMdd'T'HHmmss"),
      DTEND_LOCAL: DateTime.fromISO(when.endsAt).setZone('Europe/Berlin').toFormat("yyyyMMdd'T'HHmmss"),
      DTSTAMP: icalUtc(new Date()),
      HUMAN_TIME: DateTime.fromISO(when.startsAt).toFormat('ccc LLL d, yyyy'),
      ...values,
    });
  }

  async function send(raw: Buffer, to: string, from = 'member@example.org') {
    const sent = await deliver(port, raw, { from, to: [to] });
    if (!sent.ok) throw new Error(`inbound refused: ${sent.message}`);
    return processed(t.db, sent.id);
  }

  beforeAll(async () => {
    sink = await new EnvelopeSink().start();
    t = await startTestApp({ SMTP_URL: sink.url, INBOUND_MAIL: 'smtp', INBOUND_DOMAIN: DOMAIN, INBOUND_SMTP_HOST: '127.0.0.1', INBOUND_SMTP_PORT: '0' });
    worker = await startTestWorker(t);
    port = worker.get(InboundSmtpServer).port()!;
    g = await groupWithMembers(t);
    when = slot(30);
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, ...when });
    meetingId = created.meeting.id;
    for (const person of [...g.members, g.chair]) invites.set(person.email, (await sink.wait(person.email, /Arbejdsgruppemøde/))[0]);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.stop();
  });

  it('names a signed rsvp address as each invitation’s ORGANIZER, sends with a VERP envelope sender, and says a calendar answer counts', () => {
    const seen = new Set<string>();
    for (const [email, mail] of invites) {
      const { organizer } = invitationCalendar(mail);
      expect(organizer).toMatch(/^rsvp\+[0-9a-f]{32}\.[0-9a-f]{16}@reply\.samverkan\.test$/);
      expect(organizer.split('@')[0].length).toBeLessThanOrEqual(64);
      expect(mail.mailFrom).toMatch(/^bounce\+[0-9a-f]{32}\.[0-9a-f]{16}@reply\.samverkan\.test$/);
      seen.add(organizer);
      void email;
    }
    expect(seen.size).toBe(invites.size);
    expect(invites.get(g.members[2].email)!.parsed.text).toContain('You can also answer in your calendar');
  });

  it('records Accept from Outlook, Decline from Gmail and Tentative from Apple Calendar as yes / no / maybe, through the rsvp service, audited and listed with mail answers', async () => {
    const [anna, bo, cleo] = g.members;
    expect((await send(reply('outlook-reply.eml', anna), invitationCalendar(invites.get(anna.email)!).organizer)).result).toBe('applied');
    expect((await send(reply('gmail-reply.eml', bo, { PARTSTAT: 'DECLINED', SUBJECT_PREFIX: 'Declined', VERB: 'declined' }), invitationCalendar(invites.get(bo.email)!).organizer)).result).toBe('applied');
    expect((await send(reply('apple-reply.eml', cleo, { PARTSTAT: 'TENTATIVE', VERB: 'tentatively accepted' }), invitationCalendar(invites.get(cleo.email)!).organizer)).result).toBe('applied');
    expect((await rsvpOf(anna.id)).rsvp).toBe('YES');
    expect((await rsvpOf(bo.id)).rsvp).toBe('NO');
    expect((await rsvpOf(cleo.id)).rsvp).toBe('MAYBE');

    const answers = await ok(t, g.secretariat.token, `query($c: ID!) { mailAnswers(commissionId: $c, first: 20) { edges { node { channel action person { id } answerJson } } } }`, { c: g.commissionId });
    const fromCalendar = answers.mailAnswers.edges.map((e: any) => e.node).filter((n: any) => n.channel === 'calendar-reply');
    expect(fromCalendar.map((n: any) => n.person.id).sort()).toEqual([anna.id, bo.id, cleo.id].sort());
    expect(fromCalendar.every((n: any) => n.action === 'meeting.rsvp')).toBe(true);
    const origins: { origin: string }[] = await t.db.query(
      `SELECT a.origin FROM audit_event a JOIN invitation i ON i.id::text = a.entity_id WHERE a.entity = 'invitation' AND a.action = 'rsvp' AND i.meeting_id = $1`,
      [meetingId],
    );
    expect(origins).toHaveLength(3);
    for (const { origin } of origins) expect(origin).toMatch(/^calendar-reply:meeting\.rsvp:[0-9a-f-]{36}$/);
  });

  it('stores and applies a mail delivered twice (a sender that lost our 250 and retried) once', async () => {
    const cleo = g.members[2];
    const address = invitationCalendar(invites.get(cleo.email)!).organizer;
    const raw = reply('apple-reply.eml', cleo, { PARTSTAT: 'TENTATIVE' });
    const first = await deliver(port, raw, { from: cleo.email, to: [address] });
    const again = await deliver(port, raw, { from: cleo.email, to: [address] });
    expect(first.ok && again.ok && first.id === again.id).toBe(true);
    await processed(t.db, (first as { id: string }).id);
    // The Apple reply above, and this one once.
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM mail_link_use WHERE channel = 'calendar-reply' AND person_id = $1`, [cleo.id]);
    expect(n).toBe(2);
  });

  it('takes DELEGATED to the seat’s substitute as “my substitute attends”, and not a delegation to anyone else', async () => {
    const [anna, bo] = g.members;
    const delegated = await send(reply('outlook-reply.eml', anna, { PARTSTAT: 'DELEGATED', DELEGATED_TO: `;DELEGATED-TO="mailto:${g.substitute.email}"`, SUBJECT_PREFIX: 'Delegated' }), invitationCalendar(invites.get(anna.email)!).organizer);
    expect(delegated.result).toBe('applied');
    expect(await rsvpOf(anna.id)).toMatchObject({ rsvp: 'SUBSTITUTE', substitute: { fullName: 'Sune Suppleant' } });
    const elsewhere = await send(reply('outlook-reply.eml', bo, { PARTSTAT: 'DELEGATED', DELEGATED_TO: ';DELEGATED-TO="mailto:someone@elsewhere.example"' }), invitationCalendar(invites.get(bo.email)!).organizer);
    expect(elsewhere.result).toBe('delegate-not-substitute');
    expect((await rsvpOf(bo.id)).rsvp).toBe('NO');
  });

  it('records a COUNTER (a proposed new time) for the secretariat without changing the answer', async () => {
    const cleo = g.members[2];
    const proposed = new Date(new Date(when.startsAt).getTime() + 3600_000);
    const row = await send(
      reply('outlook-counter.eml', cleo, { PROPOSED_START: icalUtc(proposed), PROPOSED_END: icalUtc(new Date(proposed.getTime() + 7200_000)) }),
      invitationCalendar(invites.get(cleo.email)!).organizer,
    );
    expect(row).toMatchObject({ kind: 'calendar-counter', result: 'counter-recorded' });
    const log = await ok(t, g.secretariat.token, `query($c: ID!) { inboundMailLog(commissionId: $c, kind: CALENDAR_COUNTER) { totalCount edges { node { sender meetingId proposedStartsAt proposedEndsAt result } } } }`, { c: g.commissionId });
    expect(log.inboundMailLog.totalCount).toBe(1);
    expect(log.inboundMailLog.edges[0].node).toMatchObject({ sender: cleo.email, meetingId, result: 'counter-recorded', proposedStartsAt: proposed.toISOString() });
    expect((await rsvpOf(cleo.id)).rsvp).toBe('MAYBE');
  });

  it('changes nothing for a forged sender, an altered token or no token at all', async () => {
    const [anna, bo] = g.members;
    const boAddress = invitationCalendar(invites.get(bo.email)!).organizer;
    // Anna's (or anyone's) answer sent to Bo's address: the ATTENDEE is not the person the token names.
    const forged = await send(reply('gmail-reply.eml', anna, { TO: boAddress }), boAddress, anna.email);
    expect(forged.result).toBe('attendee-mismatch');
    // Bo's own answer with a From that claims Bo, to an address whose signature was changed.
    const altered = boAddress.replace(/\.([0-9a-f])/, (_, c: string) => `.${c === '0' ? '1' : '0'}`);
    const tampered = await send(reply('gmail-reply.eml', bo, { TO: altered }), altered, bo.email);
    expect(tampered).toMatchObject({ kind: 'calendar-reply', result: 'unmatched' });
    expect(tampered.detail.because).toBe('altered token');
    const bare = await send(reply('gmail-reply.eml', bo, { TO: `rsvp@${DOMAIN}` }), `rsvp@${DOMAIN}`, bo.email);
    expect(bare.result).toBe('unmatched');
    expect((await rsvpOf(bo.id)).rsvp).toBe('NO');
    expect((await rsvpOf(anna.id)).rsvp).toBe('SUBSTITUTE');
  });

  it('does not apply a reply to an older SEQUENCE and tells the member, once, that the meeting changed', async () => {
    const chair = g.chair;
    const moved = slot(31, 13);
    const updated = await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { sequence } } }`, { input: { id: meetingId, ...moved } });
    expect(updated.updateMeeting.meeting.sequence).toBeGreaterThan(invitationCalendar(invites.get(chair.email)!).sequence);
    const before = (await rsvpOf(chair.id)).rsvp;
    const address = invitationCalendar(invites.get(chair.email)!).organizer;
    const stale = await send(reply('outlook-reply.eml', chair, { PARTSTAT: 'DECLINED' }), address, chair.email);
    expect(stale.result).toBe('stale-sequence');
    expect((await rsvpOf(chair.id)).rsvp).toBe(before);
    const [notice] = await sink.wait(chair.email, /ældre version/);
    expect(notice.parsed.text).toContain('Mødet er ændret');
    await send(reply('outlook-reply.eml', chair, { PARTSTAT: 'DECLINED' }), address, chair.email);
    expect(sink.to(chair.email, /ældre version/)).toHaveLength(1);
  });

  it('marks a bounced mail hard or soft with its reason in the mail log, and flags an address after repeated hard bounces', async () => {
    const cleo = g.members[2];
    const toCleo = await sink.wait(cleo.email, /Arbejdsgruppemøde/, 2);
    const dsn = (file: string, to: string) => fixture(file, { TO: to, RECIPIENT: cleo.email, DATE: new Date().toUTCString(), MESSAGE_ID: randomBytes(8).toString('hex') });
    const first = await send(dsn('dsn-hard.eml', toCleo[0].mailFrom), toCleo[0].mailFrom, '');
    expect(first).toMatchObject({ kind: 'bounce', result: 'bounce-recorded' });
    let flags = await ok(t, g.secretariat.token, `query($c: ID!) { mailAddressFlags(commissionId: $c) { totalCount } }`, { c: g.commissionId });
    expect(flags.mailAddressFlags.totalCount).toBe(0);
    // The same mail bouncing again is not a second hard bounce of the address.
    await send(dsn('dsn-hard.eml', toCleo[0].mailFrom), toCleo[0].mailFrom, '');
    flags = await ok(t, g.secretariat.token, `query($c: ID!) { mailAddressFlags(commissionId: $c) { totalCount } }`, { c: g.commissionId });
    expect(flags.mailAddressFlags.totalCount).toBe(0);
    await send(dsn('dsn-hard.eml', toCleo[1].mailFrom), toCleo[1].mailFrom, '');
    flags = await ok(t, g.secretariat.token, `query($c: ID!) { mailAddressFlags(commissionId: $c) { edges { node { address hardBounces lastReason } } } }`, { c: g.commissionId });
    expect(flags.mailAddressFlags.edges.map((e: any) => e.node)).toEqual([{ address: cleo.email, hardBounces: 2, lastReason: expect.stringContaining('5.1.1') }]);

    const log = await ok(t, g.secretariat.token, `query($c: ID!) { commissionMailLog(commissionId: $c, onlyFailed: true, first: 50) { edges { node { toAddress status bounceKind bounceReason } } } }`, { c: g.commissionId });
    const bounced = log.commissionMailLog.edges.map((e: any) => e.node).filter((n: any) => n.toAddress === cleo.email);
    expect(bounced).toHaveLength(2);
    for (const mail of bounced) expect(mail).toMatchObject({ status: 'SENT', bounceKind: 'HARD', bounceReason: expect.stringContaining('5.1.1') });

    const bo = g.members[1];
    const toBo = sink.to(bo.email, /Arbejdsgruppemøde/)[0];
    const soft = await send(fixture('dsn-soft.eml', { TO: toBo.mailFrom, RECIPIENT: bo.email, DATE: new Date().toUTCString(), MESSAGE_ID: 'soft' }), toBo.mailFrom, '');
    expect(soft.detail).toMatchObject({ bounce: 'soft', status: '4.4.1' });
    const [softRow]: { bounce_kind: string }[] = await t.db.query(`SELECT bounce_kind FROM mail_outbox WHERE message_id = $1`, [toBo.parsed.messageId]);
    expect(softRow.bounce_kind).toBe('soft');
    // A bounce to an address whose signature was changed marks nothing.
    const altered = toBo.mailFrom.replace(/\.([0-9a-f])/, (_, c: string) => `.${c === '0' ? '1' : '0'}`);
    expect((await send(fixture('dsn-hard.eml', { TO: altered, RECIPIENT: bo.email }), altered, '')).result).toBe('unmatched');
    const [still]: { bounce_kind: string }[] = await t.db.query(`SELECT bounce_kind FROM mail_outbox WHERE message_id = $1`, [toBo.parsed.messageId]);
    expect(still.bounce_kind).toBe('soft');
  });

  it('records an out-of-office reply (even one carrying an ACCEPTED calendar) without answering it or taking it as an RSVP', async () => {
    const bo = g.members[1];
    const mailsBefore = sink.mails.length;
    const before = (await rsvpOf(bo.id)).rsvp;
    // The reply to the current version (the meeting was moved above): only its being an auto-reply keeps it from counting.
    const address = invitationCalendar(invites.get(bo.email)!).organizer;
    const current = (await ok(t, g.secretariat.token, INVITATIONS, { id: meetingId })).meeting.sequence;
    const ooo = await send(reply('ooo.eml', bo, { SEQUENCE: current }), address, bo.email);
    expect(ooo).toMatchObject({ kind: 'auto-reply', result: 'recorded' });
    expect((await rsvpOf(bo.id)).rsvp).toBe(before);
    const log = await ok(t, g.secretariat.token, `query($c: ID!) { inboundMailLog(commissionId: $c, kind: AUTO_REPLY) { edges { node { subject personId } } } }`, { c: g.commissionId });
    expect(log.inboundMailLog.edges[0].node).toEqual({ subject: 'Automatic reply: Arbejdsgruppemøde', personId: bo.id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.mails.length).toBe(mailsBefore);
  });

  it('survives broken MIME, a 10 MB attachment and a mail of ours looping back, changing no answer and sending nothing', async () => {
    const [anna, bo] = g.members;
    const mailsBefore = sink.mails.length;
    const before = [(await rsvpOf(anna.id)).rsvp, (await rsvpOf(bo.id)).rsvp];
    const address = invitationCalendar(invites.get(bo.email)!).organizer;
    const broken = await send(reply('broken-mime.eml', bo), address, bo.email);
    expect(broken.state).toBe('done');
    expect(broken.result).not.toBe('applied');

    const big = Buffer.concat([
      Buffer.from(`From: ${bo.email}\r\nTo: ${address}\r\nSubject: big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n`),
      Buffer.from(randomBytes(10 * 1024 * 1024).toString('base64').replace(/(.{76})/g, '$1\r\n')),
      Buffer.from('\r\n--b--\r\n'),
    ]);
    const refused = await deliver(port, big, { from: bo.email, to: [address] });
    expect(refused).toMatchObject({ ok: false, code: 552 });

    // Samverkan's own invitation, forwarded back to an rsvp address by a rule in someone's mailbox.
    const loop = await send(invites.get(anna.email)!.raw, invitationCalendar(invites.get(anna.email)!).organizer, anna.email);
    expect(loop).toMatchObject({ kind: 'loop', result: 'ignored' });

    expect([(await rsvpOf(anna.id)).rsvp, (await rsvpOf(bo.id)).rsvp]).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.mails.length).toBe(mailsBefore);
  });

  it('refuses mail for other domains, and a sender over its hourly rate with a temporary error', async () => {
    const relay = await deliver(port, Buffer.from('Subject: x\r\n\r\nx\r\n'), { from: 'a@example.org', to: ['someone@elsewhere.example'] });
    expect(relay).toMatchObject({ ok: false, code: 550 });
    const limited = await startTestWorker(t, { INBOUND_RATE_PER_SENDER_PER_HOUR: '2', INBOUND_SMTP_PORT: '0' });
    try {
      const limitedPort = limited.get(InboundSmtpServer).port()!;
      const mail = Buffer.from(`From: flood@example.org\r\nTo: rsvp@${DOMAIN}\r\nSubject: hello\r\n\r\nhello\r\n`);
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await deliver(limitedPort, mail, { from: 'flood@example.org', to: [`rsvp@${DOMAIN}`] }));
      expect(results.map((r) => r.ok)).toEqual([true, true, false]);
      expect(results[2]).toMatchObject({ code: 451 });
    } finally {
      await limited.close();
    }
  });

  it('lists inbound mail in a constant number of statements and drops raw sources after the retention time', async () => {
    const q = `query($c: ID!, $n: Int) { inboundMailLog(commissionId: $c, first: $n) { totalCount edges { node { id kind result rawKept detailJson } } } }`;
    // Two full pages (a short last page lets TypeORM skip its count), one row and ten.
    const one = await t.gql(q, { c: g.commissionId, n: 1 }, { token: g.secretariat.token });
    const many = await t.gql(q, { c: g.commissionId, n: 10 }, { token: g.secretariat.token });
    expect((many.data as any).inboundMailLog.totalCount).toBeGreaterThan(10);
    expect((many.data as any).inboundMailLog.edges).toHaveLength(10);
    expect(many.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
    const all = await ok(t, g.secretariat.token, q, { c: g.commissionId, n: 50 });
    expect(all.inboundMailLog.edges.every((e: any) => e.node.rawKept)).toBe(true);

    const purging = await startTestWorker(t, { INBOUND_RAW_RETENTION_DAYS: '0', INBOUND_MAIL: 'off' });
    try {
      await purging.get(InboundProcessor).sweep();
    } finally {
      await purging.close();
    }
    const after = await ok(t, g.secretariat.token, q, { c: g.commissionId, n: 50 });
    expect(after.inboundMailLog.edges.every((e: any) => !e.node.rawKept)).toBe(true);
    const [kept]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM inbound_mail WHERE raw IS NOT NULL AND state = 'done'`);
    expect(kept.n).toBe(0);
  });

  it('refuses to start with INBOUND_MAIL on and no domain', async () => {
    await expect(startTestWorker(t, { INBOUND_DOMAIN: '' })).rejects.toThrow(/INBOUND_DOMAIN is required/);
  });
});
