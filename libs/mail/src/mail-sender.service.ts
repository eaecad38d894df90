import { Inject, Injectable, Logger } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, JobOutcome, Locale, QueueService } from '@samverkan/core';
import type { MailAttachment, MailCalendar } from './mail-template';
import { MailTransport, OutgoingMail } from './mail-transport';
import { sendJobId } from './mail-batches';
import { groupCommitLoader } from './group-commit';

/** An outbox row as the sender reads it: everything that goes on the wire. */
export interface OutboxRow {
  id: string;
  attempts: number;
  to_address: string;
  to_name: string | null;
  subject: string;
  html: string;
  text_body: string;
  attachments: MailAttachment[];
  calendar: MailCalendar | null;
  /** Extra header lines (List-Unsubscribe), as written with the row. */
  headers?: Record<string, string> | null;
  locale: Locale;
  message_id: string;
  dedupe_key: string;
  sent_at?: Date | null;
}

/** The mail on the wire, from its row alone (a retry, or a rewritten copy, never re-renders). */
export function outgoingMail(row: OutboxRow, from: string): OutgoingMail {
  return {
    id: row.id,
    from,
    to: { name: row.to_name ?? '', address: row.to_address },
    subject: row.subject,
    html: row.html,
    text: row.text_body,
    attachments: row.attachments ?? [],
    calendar: row.calendar,
    headers: row.headers ?? {},
    locale: row.locale,
    messageId: row.message_id,
    ref: row.dedupe_key.replace(/[^A-Za-z0-9:._@-]/g, '_').slice(0, 200),
  };
}

interface SentMail {
  id: string;
  attempts: number;
  response: string;
}

export interface SmtpFailure {
  permanent: boolean;
  reason: string;
}

/**
 * SMTP 5xx is permanent (the server refused this mail for good); 4xx, timeouts
 * and connection errors are temporary and retried.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const reason = (e.response || e.message || String(error)).replace(/\s+/g, ' ').trim().slice(0, 1000);
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (code !== undefined && code >= 500 && code < 600) return { permanent: true, reason: reason.startsWith(String(code)) ? reason : `${code} ${reason}` };
  return { permanent: false, reason: code ? (reason.startsWith(String(code)) ? reason : `${code} ${reason}`) : `${e.code ?? 'ERROR'}: ${reason}` };
}

/** Exponential backoff with ±20 % jitter so many retries do not land at once. */
export function retryDelaySeconds(attempts: number, baseSeconds: number, maxSeconds: number, random = Math.random): number {
  const raw = Math.min(maxSeconds, baseSeconds * 2 ** Math.max(0, attempts - 1));
  return Math.min(maxSeconds, raw * (0.8 + 0.4 * random()));
}

/**
 * Sends the outbox rows of one `mail.send` job: a batch (`mailSendJobs`), or one
 * row. Claiming is an UPDATE … WHERE status … RETURNING, so two workers (or two
 * jobs holding the same row) never send the same row at once; a worker that dies
 * mid-send leaves a lease that expires, and the row is claimed again with the
 * same Message-ID. Only the row is read: a retry never re-renders. Each row is
 * claimed, sent and marked on its own terms; the claims and the mark-sent
 * writes of every mail in flight in this process go to PostgreSQL together
 * (group commit, `groupCommitLoader`), and a row that fails is retried alone.
 */
@Injectable()
export class MailSender {
  private readonly logger = new Logger(MailSender.name);
  private readonly claims: DataLoader<string, OutboxRow | null>;
  private readonly sentMarks: DataLoader<SentMail, boolean>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.claims = groupCommitLoader((ids) => this.claim(ids), 200);
    this.sentMarks = groupCommitLoader((mails) => this.markSent(mails), 200);
  }

  /** Sends one row (a job from before batches, or a retry): `sendBatch` of one. */
  send(id: string): Promise<JobOutcome> {
    return this.sendBatch([id]);
  }

  /**
   * Claims the rows of a batch at once, sends every claimed one through the
   * transport's pool, and marks each as it is accepted. Rows not due, already
   * sent or held by another worker are skipped. When PostgreSQL cannot be
   * reached the job fails after every started send has ended, and what it left
   * claimed is claimed again once its lease runs out.
   */
  async sendBatch(ids: readonly string[]): Promise<JobOutcome> {
    const claimed = await this.claims.loadMany(ids);
    const claimError = claimed.find((row): row is Error => row instanceof Error);
    if (claimError) throw claimError;
    const rows = claimed.filter((row): row is OutboxRow => row !== null && !(row instanceof Error));
    if (rows.length === 0) return { status: 'skipped', reason: 'not due, already sent, or being sent by another worker' };
    const results = await Promise.allSettled(rows.map((row) => this.deliver(row)));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
    const outcomes = results.map((result) => (result as PromiseFulfilledResult<JobOutcome>).value);
    if (ids.length === 1) return outcomes[0];
    return {
      status: 'done',
      sent: outcomes.filter((outcome) => !outcome.failed && outcome.retryInSeconds === undefined).length,
      retrying: outcomes.filter((outcome) => outcome.retryInSeconds !== undefined).length,
      failed: outcomes.filter((outcome) => outcome.failed).length,
      skipped: ids.length - rows.length,
    };
  }

  /** One claimed row: send it, then mark it sent (or record the failure). */
  private async deliver(mail: OutboxRow): Promise<JobOutcome> {
    let response: string;
    try {
      ({ response } = await this.transport.send(outgoingMail(mail, this.config.MAIL_FROM)));
    } catch (error) {
      return this.failed(mail, classifySmtpError(error));
    }
    const marked = await this.sentMarks.load({ id: mail.id, attempts: mail.attempts, response: response.slice(0, 1000) });
    if (!marked) await this.discardIfCancelled(mail.id);
    return { status: 'done', attempt: mail.attempts };
  }

  /**
   * A mail cancelled while it was being sent (its person erased meanwhile):
   * the file transport's copy goes too. (Over SMTP it is delivered already.)
   */
  private async discardIfCancelled(id: string): Promise<void> {
    if (this.config.SMTP_URL) return;
    const [row]: { status: string }[] = await this.dataSource.query(`SELECT status FROM mail_outbox WHERE id = $1`, [id]);
    if (row?.status === 'cancelled') await this.transport.redactFiles([id], []);
  }

  /** Claims the rows that are due (or whose lease expired); the others get null. */
  private async claim(ids: readonly string[]): Promise<(OutboxRow | null)[]> {
    // TypeORM returns [rows, count] for UPDATE … RETURNING.
    const [rows]: [OutboxRow[], number] = await this.dataSource.query(
      `UPDATE mail_outbox
          SET status = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => $2)
        WHERE id = ANY($1::uuid[])
          AND ((status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now()))
        RETURNING id, attempts, to_address, to_name, locale, subject, html, text_body, attachments, calendar, headers, message_id, dedupe_key`,
      [ids, this.config.MAIL_LEASE_SECONDS],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    // Two jobs for one row in the same batch: the first sends it, the other skips (as one UPDATE each would).
    return ids.map((id) => {
      const row = byId.get(id) ?? null;
      byId.delete(id);
      return row;
    });
  }

  /** Marks sent mails in one statement; false for a row another worker took over meanwhile. */
  private async markSent(mails: readonly SentMail[]): Promise<boolean[]> {
    // attempts = s.attempts fences off a worker whose lease expired and was taken over.
    // A reminder sent in the mail follows by trigger (notification_follows_mail).
    const [updated]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE mail_outbox m SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL, smtp_response = s.response
         FROM unnest($1::uuid[], $2::int[], $3::text[]) AS s (id, attempts, response)
        WHERE m.id = s.id AND m.status = 'sending' AND m.attempts = s.attempts
        RETURNING m.id`,
      [mails.map((mail) => mail.id), mails.map((mail) => mail.attempts), mails.map((mail) => mail.response)],
    );
    const marked = new Set(updated.map((row) => row.id));
    return mails.map((mail) => marked.has(mail.id));
  }

  private async failed(mail: OutboxRow, failure: SmtpFailure): Promise<JobOutcome> {
    const giveUp = failure.permanent || mail.attempts >= this.config.MAIL_MAX_ATTEMPTS;
    if (giveUp) {
      const reason = failure.permanent ? failure.reason : `gave up after ${mail.attempts} attempts: ${failure.reason}`;
      await this.dataSource.query(
        `UPDATE mail_outbox SET status = 'failed', failed_at = now(), lease_until = NULL, last_error = $3
          WHERE id = $1 AND status = 'sending' AND attempts = $2`,
        [mail.id, mail.attempts, reason],
      );
      this.logger.warn(`Mail ${mail.id} failed: ${reason}`);
      return { status: 'done', failed: true, reason };
    }
    const delay = retryDelaySeconds(mail.attempts, this.config.MAIL_RETRY_BASE_SECONDS, this.config.MAIL_RETRY_MAX_SECONDS);
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'pending', lease_until = NULL, last_error = $3, next_attempt_at = now() + make_interval(secs => $4)
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [mail.id, mail.attempts, failure.reason, delay],
    );
    await this.queues.add('mail.send', [{ jobId: sendJobId(mail.id, mail.attempts + 1), data: { id: mail.id }, delayMs: Math.ceil(delay * 1000) }]);
    return { status: 'done', retryInSeconds: Math.round(delay), reason: failure.reason };
  }
}
