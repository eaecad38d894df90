import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, QueueService } from '@samverkan/core';
import { inboundJobId } from './inbound.jobs';

export interface Envelope {
  /** MAIL FROM; null for the null sender `<>` (bounces). */
  from: string | null;
  to: string[];
}

export type AcceptResult = { accepted: true; id: string } | { accepted: false; code: 451 | 552; message: string };

/**
 * The first step of every inbound mail, whichever way it came: the size and
 * per-sender rate limits, then one row with the raw source, then a job by the
 * row's id. The SMTP endpoint answers 250 only after the row committed, so a
 * mail the sender saw accepted is never lost; the job may be lost with Redis,
 * the sweep queues it again.
 */
@Injectable()
export class InboundStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The key the rate limit counts by: the envelope sender, or `<>` for the null sender. */
  rateKey(envelope: Envelope): string {
    return (envelope.from?.trim().toLowerCase() || '<>').slice(0, 500);
  }

  /** Whether this sender may deliver one more mail now (checked at MAIL FROM and again when storing). */
  async withinRate(rateKey: string): Promise<boolean> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM inbound_mail WHERE rate_key = $1 AND received_at > now() - interval '1 hour'`,
      [rateKey],
    );
    return row.n < this.config.INBOUND_RATE_PER_SENDER_PER_HOUR;
  }

  /**
   * Stores a mail once. The same Message-ID from the same envelope sender
   * within a week is the same mail delivered again (a sender that lost our
   * 250 and retried, a poller killed before it marked the mail seen): it is
   * acknowledged with the row it already has.
   */
  async accept(raw: Buffer, envelope: Envelope, channel: 'smtp' | 'imap'): Promise<AcceptResult & { duplicate?: boolean }> {
    if (raw.length > this.config.INBOUND_MAX_BYTES) {
      return { accepted: false, code: 552, message: `Message exceeds the fixed maximum message size of ${this.config.INBOUND_MAX_BYTES} bytes` };
    }
    const rateKey = this.rateKey(envelope);
    const messageId = messageIdOf(raw);
    if (messageId) {
      const [known]: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM inbound_mail WHERE message_id = $1 AND rate_key = $2 AND received_at > now() - interval '7 days' LIMIT 1`,
        [messageId, rateKey],
      );
      if (known) return { accepted: true, id: known.id, duplicate: true };
    }
    if (!(await this.withinRate(rateKey))) return { accepted: false, code: 451, message: 'Too many messages from this sender; try again later' };
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO inbound_mail (id, channel, envelope_from, envelope_to, rate_key, size_bytes, raw, message_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, channel, envelope.from?.slice(0, 500) ?? null, envelope.to.slice(0, 100).map((to) => to.slice(0, 500)), rateKey, raw.length, raw, messageId],
    );
    await this.queues.add('inbound.process', [{ jobId: inboundJobId(id, 0), data: { id } }]);
    return { accepted: true, id };
  }
}

/** The Message-ID header of a raw mail (its header block only), or null. */
export function messageIdOf(raw: Buffer): string | null {
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headers = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:[ \t]*(<[^<>\s]{1,450}>)/im.exec(headers);
  return match ? match[1] : null;
}
