import { INestApplicationContext } from '@nestjs/common';
import { QueueService, runInStatementScope } from '@samverkan/core';
import { MailSender, OutboxService, mailSendJobs } from '@samverkan/mail';
import { NotificationSweep, reminderTemplate } from '@samverkan/notifications';
import { TestApp, startTestApp } from '../harness/test-app';
import { eventually, startTestWorker } from '../harness/test-worker';

/**
 * Issue 20 item 3: a `mail.send` job carries a batch of outbox rows (MAIL_BATCH_SIZE,
 * 25 by default; at most half of MAIL_SEND_CONCURRENCY). The rows stay the truth:
 * each is claimed on its own, so a row in two jobs goes out once; a Redis that lost
 * its jobs loses no mail because the sweep queues the rows again; a dead worker's
 * rows are claimed again once their lease ran out, with the same Message-ID.
 */
describe('mail in batches', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let round = 0;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const outbox = () => t.app.get(OutboxService);
  const mailQueue = () => t.app.get(QueueService).queue('mail');

  async function startWorker(): Promise<INestApplicationContext> {
    worker ??= await startTestWorker(t);
    return worker;
  }
  async function stopWorker(): Promise<void> {
    await worker?.close();
    worker = undefined;
  }

  /** Writes `n` rendered mails as an area would, in one transaction; returns their rows. */
  async function write(n: number): Promise<{ id: string; address: string; messageId: string }[]> {
    round += 1;
    const rows = await t.db.transaction(async (manager) => {
      const written: { id: string; address: string }[] = [];
      for (let i = 0; i < n; i++) {
        const address = `batch-${round}-${i}@example.test`;
        const { id } = await outbox().enqueue(manager, {
          template: reminderTemplate,
          props: { kind: 'appointment.term-ending', title: `Arbetsgrupp ${i}`, date: '2027-09-30', days: 30 },
          recipient: { address, name: `Ledamot ${i}`, locale: (['sv', 'da', 'en'] as const)[i % 3], timeZone: 'Europe/Stockholm' },
          dedupeKey: `batch-test:${round}:${i}`,
        });
        written.push({ id, address });
      }
      return written;
    });
    const ids = rows.map((row) => row.id);
    const stored: { id: string; message_id: string }[] = await t.db.query(`SELECT id, message_id FROM mail_outbox WHERE id = ANY($1::uuid[])`, [ids]);
    const messageIds = new Map(stored.map((row) => [row.id, row.message_id]));
    return rows.map((row) => ({ ...row, messageId: messageIds.get(row.id)! }));
  }

  async function allSent(ids: string[]): Promise<{ id: string; attempts: number }[]> {
    return eventually(async () => {
      const rows: { id: string; status: string; attempts: number }[] = await t.db.query(`SELECT id, status, attempts FROM mail_outbox WHERE id = ANY($1::uuid[])`, [ids]);
      return rows.every((row) => row.status === 'sent') && rows;
    }, 30_000, `${ids.length} mails sent`);
  }

  /** Every row arrived exactly once, with its own Message-ID. */
  async function receivedOnce(rows: { address: string; messageId: string }[]): Promise<void> {
    await t.smtp.waitFor(() => rows.every((row) => t.smtp.to(row.address).length > 0));
    // Jobs that found their rows taken may still be finishing: wait until the queue is idle before counting.
    await eventually(async () => {
      const counts = await mailQueue().getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    }, 30_000, 'the mail queue to be empty');
    for (const row of rows) {
      const received = t.smtp.to(row.address);
      expect(received.map((mail) => mail.parsed.messageId)).toEqual([row.messageId]);
    }
  }

  it('queues a dispatch of 60 mails as three jobs named by their rows; the same ids again, in any order, add none; each mail goes out once', async () => {
    await stopWorker();
    const rows = await write(60);
    const ids = rows.map((row) => row.id);
    await outbox().dispatch(ids);
    await outbox().dispatch([...ids].reverse());
    const jobs = await mailQueue().getJobs(['waiting', 'prioritized', 'delayed']);
    const ours = jobs.filter((job) => (job.data.ids ?? [job.data.id]).some((id: string) => ids.includes(id)));
    expect(ours.map((job) => (job.data.ids ?? [job.data.id]).length).sort((a, b) => a - b)).toEqual([10, 25, 25]);
    const ordered: { id: string }[] = await t.db.query(`SELECT id FROM mail_outbox WHERE id = ANY($1::uuid[]) ORDER BY created_at, id`, [ids]);
    const expected = mailSendJobs(ordered.map(({ id }) => ({ id, attempts: 0 })), 25).map((job) => job.jobId);
    expect(ours.map((job) => job.id).sort()).toEqual([...expected].sort());

    await startWorker();
    const sent = await allSent(ids);
    expect(sent.every((row) => row.attempts === 1)).toBe(true);
    await receivedOnce(rows);
  });

  it('sends a row that is in two jobs once: the claim decides, not the job', async () => {
    await stopWorker();
    const rows = await write(30);
    const ids = rows.map((row) => row.id);
    await outbox().dispatch(ids);
    // The same rows cut differently (as a sweep would when other rows came due meanwhile).
    await t.app.get(QueueService).add('mail.send', mailSendJobs([...ids].reverse().map((id) => ({ id, attempts: 0 })), 7));
    expect((await mailQueue().getJobCounts('waiting')).waiting).toBeGreaterThanOrEqual(2 + 5);
    await startWorker();
    const sent = await allSent(ids);
    expect(sent.every((row) => row.attempts === 1)).toBe(true);
    await receivedOnce(rows);
  });

  it('loses no mail when Redis loses every job: the sweep queues the rows again, in batches', async () => {
    await stopWorker();
    const rows = await write(40);
    const ids = rows.map((row) => row.id);
    await outbox().dispatch(ids);
    await mailQueue().obliterate({ force: true });
    expect((await mailQueue().getJobCounts('waiting')).waiting).toBe(0);
    const w = await startWorker();
    const outcome = await w.get(NotificationSweep).sweep();
    expect(outcome.mails).toBe(40);
    await allSent(ids);
    await receivedOnce(rows);
  });

  it("claims a dead worker's rows again once their lease ran out, with the same Message-ID, and leaves a live lease alone", async () => {
    const w = await startWorker();
    const rows = await write(30);
    const ids = rows.map((row) => row.id);
    const expired = ids.slice(0, 20);
    const held = ids.slice(20);
    // A worker claimed them and died: its lease ran out for 20 rows, not yet for 10.
    await t.db.query(`UPDATE mail_outbox SET status = 'sending', attempts = 1, lease_until = now() - interval '1 second' WHERE id = ANY($1::uuid[])`, [expired]);
    await t.db.query(`UPDATE mail_outbox SET status = 'sending', attempts = 1, lease_until = now() + interval '1 hour' WHERE id = ANY($1::uuid[])`, [held]);
    await outbox().dispatch(ids); // nothing pending: queues nothing
    expect((await w.get(NotificationSweep).sweep()).mails).toBe(20);
    const sent = await allSent(expired);
    expect(sent.every((row) => row.attempts === 2)).toBe(true);
    await receivedOnce(rows.slice(0, 20));
    const untouched: { status: string; attempts: number }[] = await t.db.query(`SELECT status, attempts FROM mail_outbox WHERE id = ANY($1::uuid[])`, [held]);
    expect(untouched.every((row) => row.status === 'sending' && row.attempts === 1)).toBe(true);
    for (const row of rows.slice(20)) expect(t.smtp.to(row.address)).toHaveLength(0);
  });

  it('in one batch, sends the good mails, retries a 4xx alone and fails a 5xx alone', async () => {
    await startWorker();
    const retried = await write(10);
    t.smtp.fail(451, 2, 'Greylisted, try again');
    await outbox().dispatch(retried.map((row) => row.id));
    const sent = await allSent(retried.map((row) => row.id));
    expect(sent.map((row) => row.attempts).sort()).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2, 2]);
    await receivedOnce(retried);

    const refused = await write(5);
    t.smtp.fail(550, 1, 'No such user');
    await outbox().dispatch(refused.map((row) => row.id));
    const done: { status: string; last_error: string | null }[] = await eventually(async () => {
      const rows: { status: string; last_error: string | null }[] = await t.db.query(`SELECT status, last_error FROM mail_outbox WHERE id = ANY($1::uuid[])`, [refused.map((row) => row.id)]);
      return rows.every((row) => row.status === 'sent' || row.status === 'failed') && rows;
    }, 30_000, 'the refused batch');
    expect(done.filter((row) => row.status === 'failed').map((row) => row.last_error)).toEqual([expect.stringMatching(/550.*No such user/)]);
    expect(done.filter((row) => row.status === 'sent')).toHaveLength(4);
    t.smtp.clearFailure();
  });

  it('claims a batch in one statement and marks its mails sent together, not one statement each', async () => {
    await stopWorker();
    // The API's own MailSender, called directly (no BullMQ worker runs here): what one job does.
    const sender = t.app.get(MailSender);
    const rows = await write(50);
    const ids = rows.map((row) => row.id);
    const statements = await runInStatementScope(async (scope) => {
      const outcome = await sender.sendBatch(ids);
      expect(outcome).toMatchObject({ status: 'done', sent: 50, skipped: 0, failed: 0, retrying: 0 });
      return scope.count;
    });
    // One claim, then the mark-sent writes, each of the mails accepted while the previous
    // write was in flight (how many go together depends on timing: group-commit.spec.ts).
    expect(statements).toBeLessThan(1 + 50);
    await receivedOnce(rows);
    // Claimed already: a second run of the same job sends nothing and writes nothing else.
    const again = await runInStatementScope(async (scope) => ({ outcome: await sender.sendBatch(ids), count: scope.count }));
    expect(again).toEqual({ outcome: expect.objectContaining({ status: 'skipped' }), count: 1 });
  });
});
