import { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { NotificationSweep, ReminderEngine, SUPERSEDED_REASON, reminderRules } from '@samverkan/notifications';
import { TestApp, startTestApp } from '../harness/test-app';
import { createDeliverable, DeliverableWorld, deliverableWorld } from '../harness/deliverable-fixtures';
import { ok } from '../harness/structure-fixtures';
import { eventually, startTestWorker } from '../harness/test-worker';
import { scaled } from '../harness/progress';

/**
 * Issue 16, item 2: a deliverable created due tomorrow gave its responsible person
 * "(in 7 days)" and "(in 1 days)" in the same minute; a −14 reminder back-filled a
 * week late still said "in 14 days".
 */

// A zone where it is now between 09:00 and 21:59, so that today's 08:00 reminders are due and "tomorrow" is one date.
const ZONES = [
  'Europe/Stockholm', 'America/New_York', 'Asia/Tokyo', 'America/Los_Angeles', 'Australia/Sydney', 'Pacific/Honolulu', 'Asia/Kolkata',
  'Atlantic/Azores', 'America/Sao_Paulo', 'Asia/Dubai', 'Europe/Moscow', 'Asia/Bangkok',
];
const zone = ZONES.find((z) => {
  const hour = DateTime.now().setZone(z).hour;
  return hour >= 9 && hour <= 21;
})!;
const localDay = (days: number) => DateTime.now().setZone(zone).plus({ days }).toISODate()!;

describe('issue 16: no stale reminder, no false text', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let w: DeliverableWorld;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t);
    w = await deliverableWorld(t);
  }, scaled(60_000));
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function responsible(locale: 'sv' | 'da' | 'en'): Promise<{ id: string; email: string }> {
    const person = locale === 'da' ? w.member2 : locale === 'en' ? w.commissioner : w.member;
    await t.db.query(`UPDATE person SET locale = $2, time_zone = $3 WHERE id = $1`, [person.id, locale, zone]);
    return person;
  }

  /** Sweeps until every reminder of the deliverable is settled (sent or skipped); returns its mails and rows. */
  async function settle(deliverableId: string, email: string, title: string) {
    await worker.get(NotificationSweep).sweep();
    const rows = await eventually(async () => {
      const all: { days: number; status: string; cancel_reason: string | null }[] = await t.db.query(
        `SELECT (n.props->>'days')::int AS days, coalesce(o.status, n.status) AS status, n.cancel_reason
           FROM notification n LEFT JOIN mail_outbox o ON o.id = n.outbox_id
          WHERE n.subject_id = $1 AND n.kind = 'deliverable.due' AND n.due_at <= now() ORDER BY n.due_at`,
        [deliverableId],
      );
      return all.length > 0 && all.every((r) => r.status === 'sent' || r.status === 'cancelled') && all;
    }, 20_000, 'the reminders of the deliverable to be sent or skipped');
    const mails = t.smtp.to(email).filter((m) => m.parsed.subject?.includes(title));
    return { rows, mails };
  }

  it('a deliverable created due tomorrow gets one reminder, "om 1 dag"; the −7 one is skipped and shown with its reason', async () => {
    const person = await responsible('sv');
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, title: 'Lägesrapport imorgon', dueOn: localDay(1), responsiblePersonId: person.id });
    const { rows, mails } = await settle(d.id, person.email, 'Lägesrapport imorgon');
    expect(rows).toEqual([
      { days: 7, status: 'cancelled', cancel_reason: SUPERSEDED_REASON },
      { days: 1, status: 'sent', cancel_reason: null },
    ]);
    expect(mails).toHaveLength(1);
    expect(mails[0].parsed.text).toContain('(om 1 dag)');
    expect(mails[0].parsed.text).not.toMatch(/dagar/);

    // The secretariat sees the skipped one beside the mail log, in its language; the person sees it too.
    const log = await ok(t, w.secretariat.token, `query($c: ID!) { commissionSkippedReminders(commissionId: $c, first: 20) { edges { node { kind label title reason reasonCode personId } } } }`, { c: w.commissionId });
    const skipped = log.commissionSkippedReminders.edges.map((e: { node: Record<string, string> }) => e.node).filter((n: Record<string, string>) => n.title === 'Lägesrapport imorgon');
    expect(skipped).toEqual([
      { kind: 'deliverable.due', label: 'Leverans snart', title: 'Lägesrapport imorgon', reason: expect.stringMatching(/^Hoppades över: en senare påminnelse/), reasonCode: SUPERSEDED_REASON, personId: person.id },
    ]);
    const mine = await t.gql(`query($p: ID!) { skippedReminders(personId: $p, first: 20) { totalCount edges { node { title reason } } } }`, { p: person.id }, { token: w.member.token, headers: { 'accept-language': 'en' } });
    expect(mine.data?.skippedReminders.edges.map((e: { node: { title: string; reason: string } }) => e.node)).toContainEqual({ title: 'Lägesrapport imorgon', reason: 'Skipped: a later reminder about the same thing is sent instead.' });
    // And the mail that went out is in the commission's mail log (the rule now names the commission).
    const mailLog = await ok(t, w.secretariat.token, `query($c: ID!) { commissionMailLog(commissionId: $c, first: 50) { edges { node { subject toAddress } } } }`, { c: w.commissionId });
    expect(mailLog.commissionMailLog.edges.filter((e: { node: { subject: string } }) => e.node.subject.includes('Lägesrapport imorgon'))).toHaveLength(1);
  });

  it('a −14 reminder back-filled a week late is skipped; the −7 one says "om 7 dage" (Danish)', async () => {
    const person = await responsible('da');
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, title: 'Statusnotat om en uge', dueOn: localDay(7), responsiblePersonId: person.id });
    const { rows, mails } = await settle(d.id, person.email, 'Statusnotat om en uge');
    expect(rows).toEqual([
      { days: 14, status: 'cancelled', cancel_reason: SUPERSEDED_REASON },
      { days: 7, status: 'sent', cancel_reason: null },
    ]);
    expect(mails).toHaveLength(1);
    expect(mails[0].parsed.text).toContain('(om 7 dage)');
    expect(mails[0].parsed.text).not.toMatch(/om 14 dage/);
  });

  it('a reminder sent late says how many days are left when it is sent, not when it was planned ("in 1 day", English)', async () => {
    const person = await responsible('en');
    // Due in 6 days: the −7 reminder was written in good time (yesterday) and the worker was down since.
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, title: 'Interim memo', dueOn: localDay(6), responsiblePersonId: person.id });
    await worker.get(ReminderEngine).run(new Date(Date.now() - 2 * 86_400_000));
    await t.db.query(`UPDATE notification SET created_at = now() - interval '2 days' WHERE subject_id = $1`, [d.id]);
    const { rows, mails } = await settle(d.id, person.email, 'Interim memo');
    // (The −14 one, written back then a day late, is skipped: the −7 one is due too.)
    expect(rows).toEqual([
      { days: 14, status: 'cancelled', cancel_reason: SUPERSEDED_REASON },
      { days: 7, status: 'sent', cancel_reason: null },
    ]);
    expect(mails).toHaveLength(1);
    expect(mails[0].parsed.text).toContain('(in 6 days)');

    const tomorrow = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, title: 'Short note', dueOn: localDay(1), responsiblePersonId: person.id });
    const second = await settle(tomorrow.id, person.email, 'Short note');
    expect(second.mails).toHaveLength(1);
    expect(second.mails[0].parsed.text).toContain('(in 1 day)');
  });

  it('a back-filled reminder is not sent when the next one of its series is due within the day', async () => {
    // A zone where it is now 01:00–06:59: the −1 reminder of a deliverable due tomorrow is due at 08:00 today.
    const early = ZONES.find((z) => DateTime.now().setZone(z).hour >= 1 && DateTime.now().setZone(z).hour <= 6)!;
    const person = w.outsider;
    await t.db.query(`UPDATE person SET locale = 'sv', time_zone = $2 WHERE id = $1`, [person.id, early]);
    const dueOn = DateTime.now().setZone(early).plus({ days: 1 }).toISODate()!;
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, title: 'Tidigt på morgonen', dueOn, responsiblePersonId: person.id });
    await worker.get(NotificationSweep).sweep();
    const rows = await t.db.query(`SELECT (props->>'days')::int AS days, status, cancel_reason FROM notification WHERE subject_id = $1 AND kind = 'deliverable.due' ORDER BY due_at`, [d.id]);
    expect(rows).toEqual([
      { days: 7, status: 'cancelled', cancel_reason: SUPERSEDED_REASON },
      { days: 1, status: 'owed', cancel_reason: null },
    ]);
    expect(t.smtp.to(person.email).filter((m) => m.parsed.subject?.includes('Tidigt på morgonen'))).toHaveLength(0);
  });

  it('no reminder text of any area puts a number before a fixed plural', () => {
    const offenders = reminderRules().flatMap((rule) =>
      (['sv', 'da', 'en'] as const).flatMap((locale) =>
        [rule.subject[locale], rule.line[locale]].filter((text) => /\{days\}\s*(dagar|dage|days)/.test(text)).map((text) => `${rule.kind} (${locale}): ${text}`),
      ),
    );
    expect(reminderRules().map((r) => r.kind)).toEqual(expect.arrayContaining(['deliverable.due', 'appointment.term-ending', 'meeting.upcoming', 'review.unanswered', 'nomination.unanswered', 'minutes.unapproved']));
    expect(offenders).toEqual([]);
  });
});
