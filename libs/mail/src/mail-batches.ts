import { createHash } from 'node:crypto';
import { AppConfig, QueuedJob, jobIdFor } from '@samverkan/core';

/** An outbox row that owes a send: its id and the attempts made so far. */
export interface OwedMail {
  id: string;
  attempts: number;
}

/** One job id per attempt: the same attempt is queued once, a later attempt is a new job. */
export function sendJobId(outboxId: string, attempt: number): string {
  return jobIdFor('mail', outboxId, `a${attempt}`);
}

/**
 * The id of a job carrying several rows: a hash of the rows and the attempt each
 * is owed, so the same batch queued twice (a dispatch retried, a sweep repeated
 * while the job still waits) is one job, and a row's next attempt is another.
 */
export function batchJobId(mails: readonly OwedMail[]): string {
  const hash = createHash('sha256');
  for (const key of mails.map((mail) => `${mail.id}:${mail.attempts + 1}`).sort()) hash.update(`${key}\n`);
  return jobIdFor('mail', 'batch', hash.digest('hex').slice(0, 32));
}

/**
 * Rows per `mail.send` job: MAIL_BATCH_SIZE, but no more than half of what one
 * worker may have in flight (MAIL_SEND_CONCURRENCY), so a worker always holds at
 * least two batches and its SMTP connections do not wait while one batch's last
 * mails go out.
 */
export function mailBatchSize(config: Pick<AppConfig, 'MAIL_BATCH_SIZE' | 'MAIL_SEND_CONCURRENCY'>): number {
  return Math.max(1, Math.min(config.MAIL_BATCH_SIZE, Math.floor(config.MAIL_SEND_CONCURRENCY / 2)));
}

/** How many `mail.send` jobs one worker runs at once: its in-flight mails in batches. */
export function mailJobConcurrency(config: Pick<AppConfig, 'MAIL_BATCH_SIZE' | 'MAIL_SEND_CONCURRENCY'>): number {
  return Math.max(1, Math.floor(config.MAIL_SEND_CONCURRENCY / mailBatchSize(config)));
}

/**
 * The `mail.send` jobs for rows that owe a send, in batches of `batchSize` in the
 * order given. A job carries row ids only (the rows are the truth: the worker
 * claims each row, so a row in two jobs is sent by one of them). A batch of one
 * row keeps the id of one row's attempt, which is also what a delayed retry uses.
 */
export function mailSendJobs(mails: readonly OwedMail[], batchSize: number): QueuedJob[] {
  const jobs: QueuedJob[] = [];
  for (let from = 0; from < mails.length; from += batchSize) {
    const batch = mails.slice(from, from + batchSize);
    jobs.push(
      batch.length === 1
        ? { jobId: sendJobId(batch[0].id, batch[0].attempts + 1), data: { id: batch[0].id } }
        : { jobId: batchJobId(batch), data: { ids: batch.map((mail) => mail.id) } },
    );
  }
  return jobs;
}
