import { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { MailOutbox, OutboxService, InvalidMailAddressError } from '@samverkan/mail';
import { NotificationSweep, ReminderEngine, registerReminderRule, reminderTemplate } from '@samverkan/notifications';
import { digestSlotSql } from '@samverkan/notifications';
import { TestApp, startTestApp } from '../harness/test-app';
import { createPerson, signedInPerson } from '../harness/factories';
import { commission, ok } from '../harness/structure-fixtures';
import { eventually, startTestWorker } from '../harness/test-worker';

// A rule of this test's own over a table of its own, standing in for the
// deliverables area: reminders 7 and 1 days before a deadline, at 08:00 local time.
registerReminderRule({
  kind: 'test.deadline',
  label: { sv: 'Testfrist', da: 'Testfrist', en: 'Test deadline' },
  optOutAllowed: true,
  subject: { sv: 'Påminnelse: {title} ska vara klar {date}', da: 'Påmindelse: {title} skal være færdig {date}', en: 'Reminder: {title} is due {date}' },
  line: { sv: '{title} ska vara klar {date}.', da: '{title} skal være færdig {date}.', en: '{title} is due {date}.' },
  owedSql: `
    SELECT d.person_id, 'test_deadline' AS subject_type, d.id AS subject_id,
           ((d.due_on - o.days) + time '08:00') AT TIME ZONE p.time_zone AS due_at,
           'test.deadline:' || d.id || ':' || d.due_on || ':' || o.days AS dedupe_key,
           jsonb_build_object('title', d.title, 'date', d.due_on, 'days', o.days) AS props
      FROM test_deadline d
      JOIN person p ON p.id = d.person_id
     CROSS JOIN (VALUES (7), (1)) AS o(days)
     WHERE NOT d.done AND d.due_on BETWEEN (:from)::date AND (:until)::date + 7`,
});
registerReminderRule({
  kind: 'test.meeting',
  label: { sv: 'Testmöte', da: 'Testmøde', en: 'Test meeting' },
  optOutAllowed: false,
  subject: { sv: 'Möte: {title} {at}', da: 'Møde: {title} {at}', en: 'Meeting: {title} {at}' },
  line: { sv: '{title} börjar {at}.', da: '{title} begynder {at}.', en: '{title} starts {at}.' },
});
// A kind without SQL: rows are written by the test itself, as an area would on an event.
registerReminderRule({
  kind: 'test.notice',
  label: { sv: 'Testnotis', da: 'Testnotits', en: 'Test notice' },
  optOutAllowed: true,
  subject: { sv: 'Påminnelse: {title} ska vara klar {date}', da: 'Påmindelse: {title} skal være færdig {date}', en: 'Reminder: {title} is due {date}' },
  line: { sv: '{title} ska vara klar {date}.', da: '{title} skal være færdig {date}.', en: '{title} is due {date}.' },
});

describe('notifications and mail', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.query(`CREATE TABLE test_deadline (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), person_id uuid NOT NULL REFERENCES person (id), title text NOT NULL, due_on date NOT NULL, done boolean NOT NULL DEFAULT false)`);
    worker = await startTestWorker(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  /** A notification owed right now, as a rule would have written it. */
  async function owe(personId: string, kind: string, props: Record<string, unknown>, dueAt = new Date(Date.now() - 60_000)): Promise<string> {
    const [row] = await t.db.query(
      `INSERT INTO notification (person_id, kind, subject_type, subject_id, due_at, dedupe_key, props)
       VALUES ($1, $2, 'test', gen_random_uuid(), $3, $2 || ':' || gen_random_uuid(), $4) RETURNING id`,
      [personId, kind, dueAt, props],
    );
    return row.id;
  }

  async function mailOf(notificationId: string): Promise<Pick<MailOutbox, 'id' | 'status' | 'attempts' | 'lastError' | 'messageId'> & { notification_status: string }> {
    return eventually(async () => {
      const [row] = await t.db.query(
        `SELECT o.id, o.status, o.attempts, o.last_error AS "lastError", o.message_id AS "messageId", n.status AS notification_status FROM notification n JOIN mail_outbox o ON o.id = n.outbox_id WHERE n.id = $1 AND o.status IN ('sent', 'failed')`,
        [notificationId],
      );
      return row;
    }, 15_000, `mail of notification ${notificationId}`);
  }

  const sweep = () => worker.get(NotificationSweep).sweep();

  describe('reminder rules', () => {
    it('keeps its hands off kinds without SQL', async () => {
      const person = await createPerson(t.db);
      const id = await owe(person.id, 'test.notice', { title: 'Manual' }, new Date(Date.now() + 86_400_000));
      await t.app.get(ReminderEngine).run();
      expect((await t.db.query(`SELECT status FROM notification WHERE id = $1`, [id]))[0].status).toBe('owed');
    });

    it('computes owed reminders as rows, reschedules when the deadline moves, cancels when done', async () => {
      const person = await createPerson(t.db, { timeZone: 'Europe/Stockholm' });
      // Due in 6 days: both reminders (7 and 1 days before) lie in the window (8 days back, 7 ahead).
      const dueOn = DateTime.now().setZone('Europe/Stockholm').plus({ days: 6 }).toISODate()!;
      const [deadline] = await t.db.query(`INSERT INTO test_deadline (person_id, title, due_on) VALUES ($1, 'Rapport', $2) RETURNING id`, [person.id, dueOn]);
      const engine = t.app.get(ReminderEngine);
      const owed = async () =>
        t.db.query(`SELECT dedupe_key, due_at, status FROM notification WHERE subject_id = $1 ORDER BY due_at`, [deadline.id]) as Promise<{ dedupe_key: string; due_at: Date; status: string }[]>;

      const first = await engine.run();
      expect(first?.find((r) => r.kind === 'test.deadline')).toMatchObject({ owed: 2, cancelled: 0 });
      let rows = await owed();
      expect(rows.map((r) => r.status)).toEqual(['owed', 'owed']);
      // 08:00 in the person's time zone, 7 and 1 days before.
      expect(rows.map((r) => DateTime.fromJSDate(r.due_at).setZone('Europe/Stockholm').toFormat('yyyy-MM-dd HH:mm'))).toEqual([
        `${DateTime.fromISO(dueOn).minus({ days: 7 }).toISODate()} 08:00`,
        `${DateTime.fromISO(dueOn).minus({ days: 1 }).toISODate()} 08:00`,
      ]);
      expect((await engine.run())?.find((r) => r.kind === 'test.deadline')).toMatchObject({ owed: 0, cancelled: 0 });

      const moved = DateTime.fromISO(dueOn).minus({ days: 2 }).toISODate()!;
      await t.db.query(`UPDATE test_deadline SET due_on = $2 WHERE id = $1`, [deadline.id, moved]);
      expect((await engine.run())?.find((r) => r.kind === 'test.deadline')).toMatchObject({ owed: 2, cancelled: 2 });
      rows = await owed();
      expect(rows.filter((r) => r.status === 'owed').map((r) => r.dedupe_key.split(':')[2])).toEqual([moved, moved]);
      expect(rows.filter((r) => r.status === 'cancelled')).toHaveLength(2);

      await t.db.query(`UPDATE test_deadline SET done = true WHERE id = $1`, [deadline.id]);
      expect((await engine.run())?.find((r) => r.kind === 'test.deadline')).toMatchObject({ owed: 0, cancelled: 2 });
      expect((await owed()).every((r) => r.status === 'cancelled')).toBe(true);
    });

    it('writes a reminder as a row once its moment is within a week (REMINDER_LOOKAHEAD_DAYS), not before', async () => {
      const person = await createPerson(t.db, { timeZone: 'Europe/Copenhagen' });
      const dueOn = DateTime.now().setZone('Europe/Copenhagen').plus({ days: 20 }).toISODate()!;
      const [deadline] = await t.db.query(`INSERT INTO test_deadline (person_id, title, due_on) VALUES ($1, 'Betænkning', $2) RETURNING id`, [person.id, dueOn]);
      const engine = t.app.get(ReminderEngine);
      const owedDays = async () =>
        (await t.db.query(`SELECT dedupe_key FROM notification WHERE subject_id = $1 AND status = 'owed' ORDER BY due_at`, [deadline.id])).map(
          (r: { dedupe_key: string }) => r.dedupe_key.split(':')[3],
        );
      const day = 86_400_000;
      expect(engine.window(new Date(0)).until.getTime()).toBe(7 * day);
      await engine.run();
      expect(await owedDays()).toEqual([]); // 13 and 19 days ahead: not yet
      await engine.run(new Date(Date.now() + 7 * day));
      expect(await owedDays()).toEqual(['7']);
      await engine.run(new Date(Date.now() + 14 * day));
      expect(await owedDays()).toEqual(['7', '1']);
    });

    it('reads candidates through indexes, not a scan of the notification table', async () => {
      const [plan] = await t.db.query(`EXPLAIN (FORMAT JSON) SELECT id FROM notification WHERE status = 'owed' AND due_at <= now()`);
      expect(JSON.stringify(plan)).toMatch(/notification_owed(_kind)?_idx/);
    });
  });

  describe('mail', () => {
    it('sends a reminder in the recipient’s language and time zone with a Message-ID from the row', async () => {
      const person = await createPerson(t.db, { fullName: 'Mette Hansen', locale: 'da', timeZone: 'Europe/Copenhagen' });
      const id = await owe(person.id, 'test.meeting', { title: 'Styregruppemøde', at: '2025-03-10T09:00:00Z' });
      await sweep();
      const mail = await mailOf(id);
      expect(mail.status).toBe('sent');
      expect(mail.notification_status).toBe('sent');
      const [received] = await t.smtp.waitFor((mails) => mails.some((m) => m.envelopeTo.includes(person.email))).then(() => t.smtp.to(person.email));
      expect(received.parsed.subject).toContain('Møde: Styregruppemøde');
      // 09:00 UTC is 10.00 in Copenhagen (CET), written the Danish way.
      expect(received.parsed.text).toContain('mandag den 10. marts 2025');
      expect(received.parsed.text).toMatch(/10[.:]00/);
      expect(received.parsed.html).toContain('lang="da"');
      expect(received.parsed.messageId).toBe(mail.messageId);
      expect(mail.messageId).toBe(`<${mail.id}@samverkan.local>`);
    });

    it('renders the same moment for a New York reader in English, in their zone', async () => {
      const person = await createPerson(t.db, { locale: 'en', timeZone: 'America/New_York' });
      const id = await owe(person.id, 'test.meeting', { title: 'Kickoff', at: '2025-03-10T09:00:00Z' });
      await sweep();
      await mailOf(id);
      const [received] = t.smtp.to(person.email);
      expect(received.parsed.subject).toMatch(/^Meeting: Kickoff Monday,? 10 March 2025/);
      expect(received.parsed.text).toMatch(/05:00/);
    });

    it('retries a 4xx with backoff and sends once, from the stored row (no re-render)', async () => {
      const person = await createPerson(t.db, { locale: 'sv' });
      t.smtp.fail(451, 2, 'Try again later');
      const outbox = t.app.get(OutboxService);
      const { id } = await t.db.transaction((manager) =>
        outbox.enqueue(manager, {
          template: reminderTemplate,
          props: { kind: 'test.deadline', title: 'Budget', date: '2025-06-30' },
          recipient: { personId: person.id, address: person.email, name: 'Anna', locale: 'sv', timeZone: 'Europe/Stockholm' },
          dedupeKey: `retry-test:${person.id}`,
        }),
      );
      // What was rendered is what goes out: change the row, and the person, and see which wins.
      await t.db.query(`UPDATE mail_outbox SET subject = 'Rendered once' WHERE id = $1`, [id]);
      await t.db.query(`UPDATE person SET locale = 'en' WHERE id = $1`, [person.id]);
      await outbox.dispatch([id]);
      const row = await eventually(async () => (await outbox.get(id))?.status === 'sent' && outbox.get(id), 15_000, 'sent');
      expect(row).toMatchObject({ status: 'sent', attempts: 3 });
      const received = t.smtp.to(person.email);
      expect(received).toHaveLength(1);
      expect(received[0].parsed.subject).toBe('Rendered once');
      expect(received[0].parsed.text).toContain('ska vara klar');
    });

    it('marks a 5xx failed with the reason, does not retry, and an admin can see and resend it', async () => {
      const person = await createPerson(t.db);
      t.smtp.fail(550, 1, 'Mailbox unavailable');
      const id = await owe(person.id, 'test.notice', { title: 'Slutrapport', date: '2025-02-28' });
      await sweep();
      const mail = await mailOf(id);
      expect(mail).toMatchObject({ status: 'failed', attempts: 1, notification_status: 'failed' });
      expect(mail.lastError).toMatch(/550.*Mailbox unavailable/);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await t.app.get(OutboxService).get(mail.id))?.attempts).toBe(1);
      expect(t.smtp.to(person.email)).toHaveLength(0);

      const admin = await signedInPerson(t, { isAdmin: true });
      const failed = await t.gql(`{ failedMails(first: 50) { edges { node { id status lastError attempts } } } }`, {}, { token: admin.token });
      expect(failed.data?.failedMails.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(mail.id);
      const resent = await t.gql(`mutation($id: ID!) { resendMail(id: $id) { status } }`, { id: mail.id }, { token: admin.token });
      expect(resent.data?.resendMail.status).toBe('PENDING');
      await t.smtp.waitFor(() => t.smtp.to(person.email).length === 1);
      const log = await t.gql(`query($p: ID!) { mailLog(personId: $p) { totalCount edges { node { status messageId } } } }`, { p: person.id }, { token: admin.token });
      expect(log.data?.mailLog.edges[0].node).toMatchObject({ status: expect.stringMatching(/SENT|SENDING/), messageId: mail.messageId });
      const denied = await t.gql(`query($p: ID!) { mailLog(personId: $p) { totalCount } }`, { p: person.id }, { token: (await signedInPerson(t)).token });
      expect(denied.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    it("shows the secretariat its commission's mail, what failed and why, and lets it resend; nobody else", async () => {
      const { secretariat, commissionId } = await commission(t);
      const other = await commission(t);
      const person = await createPerson(t.db, { locale: 'da' });
      const outbox = t.app.get(OutboxService);
      t.smtp.fail(550, 1, 'No such user');
      const { id } = await t.db.transaction((manager) =>
        outbox.enqueue(manager, {
          template: reminderTemplate,
          props: { kind: 'test.notice', title: 'Kommissorium', date: '2025-09-01' },
          recipient: { personId: person.id, address: person.email, name: 'Bo', locale: 'da', timeZone: 'Europe/Copenhagen' },
          dedupeKey: `commission-log:${person.id}`,
          commissionId,
        }),
      );
      await outbox.dispatch([id]);
      await eventually(async () => (await outbox.get(id))?.status === 'failed', 15_000, 'failed');

      const logQuery = `query($c: ID!, $f: Boolean) { commissionMailLog(commissionId: $c, onlyFailed: $f) { totalCount edges { node { id toAddress status lastError } } } }`;
      const log = await ok(t, secretariat.token, logQuery, { c: commissionId, f: true });
      expect(log.commissionMailLog.totalCount).toBe(1);
      expect(log.commissionMailLog.edges[0].node).toMatchObject({ id, toAddress: person.email, status: 'FAILED', lastError: expect.stringMatching(/550.*No such user/) });
      // Another commission's secretariat neither sees the log nor can resend.
      expect((await t.gql(logQuery, { c: commissionId }, { token: other.secretariat.token })).errors?.[0].extensions.code).toBe('NOT_FOUND');
      const foreign = await t.gql(`mutation($id: ID!) { resendMail(id: $id) { status } }`, { id }, { token: other.secretariat.token });
      expect(foreign.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await outbox.get(id))?.status).toBe('failed');

      const resent = await ok(t, secretariat.token, `mutation($id: ID!) { resendMail(id: $id) { status } }`, { id });
      expect(resent.resendMail.status).toBe('PENDING');
      await t.smtp.waitFor(() => t.smtp.to(person.email).length === 1);
      const after = await ok(t, secretariat.token, logQuery, { c: commissionId, f: false });
      expect(after.commissionMailLog.edges[0].node.status).toMatch(/SENT|SENDING/);
    });

    it('cannot be made to inject headers, and escapes HTML from user text', async () => {
      const person = await createPerson(t.db, { fullName: 'Eve\r\nBcc: evil@example.test' });
      const id = await owe(person.id, 'test.notice', { title: 'Plan\r\nBcc: evil@example.test\r\n\r\n<script>alert(1)</script>', date: '2025-05-01' });
      await sweep();
      await mailOf(id);
      const [received] = t.smtp.to(person.email);
      expect(received.envelopeTo).toEqual([person.email]);
      expect(received.parsed.headers.has('bcc')).toBe(false);
      expect(received.raw.split(/\r?\n\r?\n/)[0]).not.toMatch(/^Bcc:/im);
      expect(received.parsed.subject).not.toMatch(/[\r\n]/);
      expect(received.parsed.html).not.toContain('<script>');
      expect(received.parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(t.smtp.mails.some((m) => m.envelopeTo.includes('evil@example.test'))).toBe(false);

      const outbox = t.app.get(OutboxService);
      await expect(
        t.db.transaction((manager) =>
          outbox.enqueue(manager, {
            template: reminderTemplate,
            props: { kind: 'test.deadline', title: 'x' },
            recipient: { address: 'victim@example.test\r\nBcc: evil@example.test', locale: 'en', timeZone: 'UTC' },
            dedupeKey: 'inject-test',
          }),
        ),
      ).rejects.toBeInstanceOf(InvalidMailAddressError);
      await expect(
        t.db.query(
          `INSERT INTO mail_outbox (id, dedupe_key, template, to_address, locale, subject, html, text_body, message_id)
           SELECT u, 'x', 't', 'a@b.test', 'en', E'Hi\\r\\nBcc: evil@example.test', '', '', '<' || u || '@samverkan.local>' FROM gen_random_uuid() u`,
        ),
      ).rejects.toThrow(/mail_outbox_subject_check/);
      // The Message-ID is the row's own (unique because the id is): another row's cannot be given.
      await expect(
        t.db.query(
          `INSERT INTO mail_outbox (dedupe_key, template, to_address, locale, subject, html, text_body, message_id)
           VALUES ('y', 't', 'a@b.test', 'en', 'Hi', '', '', '<00000000-0000-4000-8000-000000000000@samverkan.local>')`,
        ),
      ).rejects.toThrow(/mail_outbox_message_id_from_id/);
    });
  });

  describe('digests and preferences', () => {
    it('reads and updates my preferences over GraphQL, refusing kinds that cannot be turned off', async () => {
      const me = await signedInPerson(t);
      const read = await t.gql(`{ myNotificationPreferences { delivery optedOutKinds kinds { kind label optOutAllowed optedOut } } }`, {}, { token: me.token });
      expect(read.data?.myNotificationPreferences.delivery).toBe('IMMEDIATE');
      expect(read.data?.myNotificationPreferences.kinds).toEqual(
        expect.arrayContaining([{ kind: 'test.deadline', label: 'Testfrist', optOutAllowed: true, optedOut: false }]),
      );
      const update = `mutation($input: UpdateNotificationPreferencesInput!) { updateMyNotificationPreferences(input: $input) { delivery optedOutKinds } }`;
      const updated = await t.gql(update, { input: { delivery: 'WEEKLY', optedOutKinds: ['test.notice'] } }, { token: me.token });
      expect(updated.data?.updateMyNotificationPreferences).toEqual({ delivery: 'WEEKLY', optedOutKinds: ['test.notice'] });
      const notAllowed = await t.gql(update, { input: { optedOutKinds: ['test.meeting'] } }, { token: me.token });
      expect(notAllowed.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const unknown = await t.gql(update, { input: { optedOutKinds: ['nope'] } }, { token: me.token });
      expect(unknown.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect((await t.gql(`{ myNotificationPreferences { delivery } }`)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

      // Opted out: an owed reminder of that kind is cancelled, not sent.
      const id = await owe(me.id, 'test.notice', { title: 'Ignored', date: '2025-01-01' });
      await sweep();
      const [row] = await t.db.query(`SELECT status, cancel_reason FROM notification WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'cancelled', cancel_reason: 'opted out of this kind' });
    });

    it('bundles everything owed into one daily digest at 08:00 local time', async () => {
      const me = await signedInPerson(t, { locale: 'en', timeZone: 'Asia/Tokyo' });
      await t.gql(`mutation { updateMyNotificationPreferences(input: { delivery: DAILY }) { delivery } }`, {}, { token: me.token });
      const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
      const ids = [
        await owe(me.id, 'test.notice', { title: 'First report', date: '2025-04-01' }, twoDaysAgo),
        await owe(me.id, 'test.notice', { title: 'Second report', date: '2025-04-02' }, twoDaysAgo),
        await owe(me.id, 'test.meeting', { title: 'Workshop', at: '2025-04-03T01:00:00Z' }, twoDaysAgo),
      ];
      const later = await owe(me.id, 'test.notice', { title: 'Not yet', date: '2025-05-01' }, new Date(Date.now() + 3 * 86_400_000));
      await sweep();
      const mail = await mailOf(ids[0]);
      const [received] = t.smtp.to(me.email);
      expect(t.smtp.to(me.email)).toHaveLength(1);
      expect(received.parsed.subject).toBe('Your daily reminders from Samverkan (3)');
      expect(received.parsed.text).toContain('First report is due Tuesday, 1 April 2025.');
      expect(received.parsed.text).toContain('Second report');
      expect(received.parsed.text).toMatch(/Workshop starts Thursday,? 3 April 2025.*10:00/);
      expect(received.parsed.text).not.toContain('Not yet');
      const rows = await t.db.query(`SELECT id, status, outbox_id, delivery FROM notification WHERE id = ANY($1)`, [[...ids, later]]);
      for (const id of ids) expect(rows.find((r: { id: string }) => r.id === id)).toMatchObject({ status: 'sent', outbox_id: mail.id, delivery: 'daily' });
      expect(rows.find((r: { id: string }) => r.id === later).status).toBe('owed');
      // A second sweep in the same slot makes no second digest.
      await sweep();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(t.smtp.to(me.email)).toHaveLength(1);
    });

    it('places digest slots at 08:00 in the person’s zone, Mondays for weekly', async () => {
      const slot = async (delivery: string, zone: string, now: string) => {
        const [row] = await t.db.query(`SELECT ${digestSlotSql('$1::text', '$2::text', '$3::timestamptz', '8')} AS slot`, [delivery, zone, now]);
        return (row.slot as Date).toISOString();
      };
      // Monday 10 March 2025, 06:30 UTC: 07:30 in Stockholm (before 08:00), 15:30 in Tokyo.
      expect(await slot('daily', 'Europe/Stockholm', '2025-03-10T06:30:00Z')).toBe('2025-03-09T07:00:00.000Z');
      expect(await slot('daily', 'Asia/Tokyo', '2025-03-10T06:30:00Z')).toBe('2025-03-09T23:00:00.000Z');
      expect(await slot('weekly', 'Europe/Stockholm', '2025-03-10T06:30:00Z')).toBe('2025-03-03T07:00:00.000Z');
      expect(await slot('weekly', 'Europe/Stockholm', '2025-03-10T07:30:00Z')).toBe('2025-03-10T07:00:00.000Z');
      // Summer time: 08:00 in Stockholm is 06:00 UTC.
      expect(await slot('daily', 'Europe/Stockholm', '2025-07-01T12:00:00Z')).toBe('2025-07-01T06:00:00.000Z');
    });
  });

  describe('operations', () => {
    it('serves Prometheus metrics: owed, queued, sent, failed, oldest unsent age', async () => {
      const response = await t.http('/metrics');
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toMatch(/^samverkan_notifications_owed \d+$/m);
      expect(body).toMatch(/^samverkan_mail\{status="queued"\} \d+$/m);
      expect(body).toMatch(/^samverkan_mail\{status="sent"\} [1-9]\d*$/m);
      expect(body).toMatch(/^samverkan_mail\{status="failed"\} \d+$/m);
      expect(body).toMatch(/^samverkan_mail_oldest_unsent_age_seconds [\d.]+$/m);
      expect(body).toMatch(/^samverkan_queue_jobs\{queue="mail",state="waiting"\} \d+$/m);
    });

    it('shows the queue dashboard to admins only', async () => {
      expect((await t.http('/admin/queues')).status).toBe(401);
      const member = await signedInPerson(t);
      expect((await t.http('/admin/queues', { headers: { authorization: `Bearer ${member.token}` } })).status).toBe(403);
      const admin = await signedInPerson(t, { isAdmin: true });
      const page = await t.http('/admin/queues', { headers: { authorization: `Bearer ${admin.token}` } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<base href="/admin/queues/" />');
      const api = await t.http('/admin/queues/api/queues', { headers: { authorization: `Bearer ${admin.token}` } });
      expect(api.status).toBe(200);
      expect(JSON.stringify(await api.json())).toContain('"name":"mail"');
      expect((await t.http('/admin/queues/api/queues')).status).toBe(401);
    });
  });
});
