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

  /** Whether a mail with this Message-ID came by IMAP already (a poller killed before it marked the mail seen). */
  async seen(messageId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM inbound_mail WHERE channel = 'imap' AND message_id = $1 LIMIT 1`, [messageId.slice(0, 500)]);
    return rows.length > 0;
  }

  async accept(raw: Buffer, envelope: Envelope, channel: 'smtp' | 'imap', messageId: string | null = null): Promise<AcceptResult> {
    if (raw.length > this.config.INBOUND_MAX_BYTES) {
      return { accepted: false, code: 552, message: `Message exceeds the fixed maximum message size of ${this.config.INBOUND_MAX_BYTES} bytes` };
    }
    const rateKey = this.rateKey(envelope);
    if (!(await this.withinRate(rateKey))) return { accepted: false, code: 451, message: 'Too many messages from this sender; try again later' };
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO inbound_mail (id, channel, envelope_from, envelope_to, rate_key, size_bytes, raw, message_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, channel, envelope.from?.slice(0, 500) ?? null, envelope.to.slice(0, 100).map((to) => to.slice(0, 500)), rateKey, raw.length, raw, messageId?.slice(0, 500) ?? null],
    );
    await this.queues.add('inbound.process', [{ jobId: inboundJobId(id, 0), data: { id } }]);
    return { accepted: true, id };
  }
}
