import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  AuditService,
  ConnectionArgs,
  ConnectionShape,
  NotFoundError,
  QueueService,
  RequestContext,
  inTransaction,
  paginate,
  publicUrl,
} from '@samverkan/core';
import { MailOutbox, type MailStatus } from './mail-outbox.entity';
import { OwedMail, mailBatchSize, mailSendJobs } from './mail-batches';
import { InvalidMailAddressError, MailNotResendableError } from './mail.errors';
import { headerText, isSafeAddress } from './mail-format';
import type { MailAttachment, MailCalendar, MailTemplate, Recipient } from './mail-template';

export interface MailToEnqueue<P> {
  template: MailTemplate<P>;
  props: P;
  recipient: Recipient;
  /** Unique per mail that must go out once, e.g. `n:<notification id>` or `invite:<meeting>:<person>:<sequence>`. */
  dedupeKey: string;
  attachments?: MailAttachment[];
  /** A meeting's iCalendar: becomes a text/calendar part of the body (and an .ics copy). */
  calendar?: MailCalendar;
  /** Lets the secretariat see the mail in its commission's mail log. */
  commissionId?: string | null;
  /**
   * The signed one-click opt-out of this mail's kind (RFC 8058): sent as
   * List-Unsubscribe with List-Unsubscribe-Post. Only for kinds a person may turn off.
   */
  unsubscribeUrl?: string;
}

/** What the commission's mail log shows: all, or only mail in one state, or only mail to or about some text. */
export interface MailLogFilter {
  onlyFailed?: boolean;
  status?: MailStatus;
  search?: string;
}

/**
 * The outbox: mail is rendered and written as a row inside the caller's
 * transaction, so it goes out if and only if the change that caused it commits.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Renders and writes one mail. A dedupe key already in the outbox writes
   * nothing and returns the existing row's id with `created: false`.
   * Call `dispatch` with the ids after the transaction commits to send at once;
   * otherwise the worker's sweep picks them up within a minute.
   */
  async enqueue<P>(manager: EntityManager, mail: MailToEnqueue<P>): Promise<{ id: string; created: boolean }> {
    const address = mail.recipient.address.trim();
    if (!isSafeAddress(address)) throw new InvalidMailAddressError(mail.recipient.address);
    const rendered = mail.template.render(mail.props, { ...mail.recipient, baseUrl: publicUrl(this.config) });
    const id = randomUUID();
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO mail_outbox (id, dedupe_key, template, person_id, commission_id, to_address, to_name, locale, subject, html, text_body, attachments, calendar, message_id, headers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14, $15::jsonb)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        id,
        mail.dedupeKey,
        mail.template.name,
        mail.recipient.personId ?? null,
        mail.commissionId ?? null,
        address,
        mail.recipient.name ? headerText(mail.recipient.name, 200) : null,
        mail.recipient.locale,
        headerText(rendered.subject) || mail.template.name,
        rendered.html,
        rendered.text,
        JSON.stringify(mail.attachments ?? []),
        mail.calendar ? JSON.stringify(mail.calendar) : null,
        this.messageIdFor(id),
        JSON.stringify(mail.unsubscribeUrl ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
      ],
    );
    if (rows.length > 0) return { id, created: true };
    const [existing] = await manager.query(`SELECT id FROM mail_outbox WHERE dedupe_key = $1`, [mail.dedupeKey]);
    return { id: existing.id, created: false };
  }

  /** Whether a mail with this dedupe key was already written (to skip the work that would lead to it). */
  async has(manager: EntityManager, dedupeKey: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM mail_outbox WHERE dedupe_key = $1`, [dedupeKey]);
    return rows.length > 0;
  }

  /**
   * Queues sending of mails that are due now (after their transaction committed),
   * in jobs of MAIL_BATCH_SIZE rows (`mailSendJobs`).
   */
  async dispatch(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    // In a fixed order, so the same ids dispatched again make the same batches (the same job ids).
    const rows: OwedMail[] = await this.dataSource.query(
      `SELECT id, attempts FROM mail_outbox WHERE id = ANY($1::uuid[]) AND status = 'pending' AND next_attempt_at <= now() ORDER BY created_at, id`,
      [ids],
    );
    await this.queues.add('mail.send', mailSendJobs(rows, mailBatchSize(this.config)));
  }

  /** `<row id@sending domain>`: the same on every attempt, so a receiver can spot a repeat. */
  messageIdFor(id: string): string {
    const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(this.config.MAIL_FROM)?.[1] ?? 'samverkan.local';
    return `<${id}@${domain}>`;
  }

  get(id: string): Promise<MailOutbox | null> {
    return this.dataSource.getRepository(MailOutbox).findOneBy({ id });
  }

  /** Every mail to one person, newest first. */
  logForPerson(personId: string, args: ConnectionArgs): Promise<ConnectionShape<MailOutbox>> {
    const qb = this.dataSource
      .getRepository(MailOutbox)
      .createQueryBuilder('m')
      .where('m.person_id = :personId', { personId })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC');
    return paginate(qb, args);
  }

  /**
   * Every mail of one commission, newest first; filtered by what became of it
   * (`failed` also takes mail that bounced hard) and by a text in its recipient or subject.
   */
  logForCommission(commissionId: string, args: ConnectionArgs, filter: MailLogFilter = {}): Promise<ConnectionShape<MailOutbox>> {
    const qb = this.dataSource
      .getRepository(MailOutbox)
      .createQueryBuilder('m')
      .where('m.commission_id = :commissionId', { commissionId })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC');
    const failed = `(m.status = 'failed' OR m.bounce_kind = 'hard')`;
    if (filter.onlyFailed || filter.status === 'failed') qb.andWhere(failed);
    else if (filter.status === 'sent') qb.andWhere(`m.status = 'sent' AND m.bounce_kind IS DISTINCT FROM 'hard'`);
    else if (filter.status) qb.andWhere('m.status = :status', { status: filter.status });
    const search = filter.search?.trim();
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(`(m.to_address ILIKE :like OR m.to_name ILIKE :like OR m.subject ILIKE :like)`, { like });
    }
    return paginate(qb, args);
  }

  /**
   * Records a bounce (a delivery status notification naming this row) in the
   * caller's transaction. A hard bounce is never downgraded by a later soft one.
   * Returns the address and whether this row was newly marked hard (to count
   * an address's hard bounces once per mail), or null for an unknown row.
   */
  async markBounced(manager: EntityManager, id: string, kind: 'hard' | 'soft', reason: string): Promise<{ address: string; newlyHard: boolean; commissionId: string | null; personId: string | null } | null> {
    const [before]: { to_address: string; bounce_kind: string | null; commission_id: string | null; person_id: string | null }[] = await manager.query(
      `SELECT to_address, bounce_kind, commission_id, person_id FROM mail_outbox WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!before) return null;
    if (before.bounce_kind !== 'hard') {
      await manager.query(`UPDATE mail_outbox SET bounce_kind = $2, bounce_reason = $3, bounced_at = now() WHERE id = $1`, [id, kind, reason.slice(0, 1000)]);
    }
    return { address: before.to_address, newlyHard: kind === 'hard' && before.bounce_kind !== 'hard', commissionId: before.commission_id, personId: before.person_id };
  }

  /** Mail that failed for good, most recent first. */
  failed(args: ConnectionArgs): Promise<ConnectionShape<MailOutbox>> {
    const qb = this.dataSource
      .getRepository(MailOutbox)
      .createQueryBuilder('m')
      .where(`m.status = 'failed'`)
      .orderBy('m.failed_at', 'DESC')
      .addOrderBy('m.id', 'DESC');
    return paginate(qb, args);
  }

  /**
   * Sends a mail again exactly as rendered (same Message-ID): a failed one after
   * the cause was fixed, or a sent one the recipient lost.
   */
  async resend(ctx: RequestContext, id: string): Promise<MailOutbox> {
    const mail = await inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOne(MailOutbox, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new NotFoundError('Mail', id);
      if (before.status === 'sending' || before.status === 'pending') throw new MailNotResendableError(id);
      await manager.query(
        `UPDATE mail_outbox SET status = 'pending', next_attempt_at = now(), sent_at = NULL, failed_at = NULL, last_error = NULL WHERE id = $1`,
        [id],
      );
      await this.audit.record(manager, ctx, { entity: 'mail', entityId: id, action: 'resend', before: { status: before.status }, after: { status: 'pending' } });
      return manager.findOneByOrFail(MailOutbox, { id });
    });
    await this.dispatch([id]);
    return mail;
  }
}
