import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InboundKind } from './inbound-parse';

export type InboundState = 'received' | 'processing' | 'done';

/**
 * One received mail. Written (with its raw source) before the sender is told
 * 250, then processed by a job; the row is the state machine, so a worker
 * killed mid-processing leaves a lease that expires and nothing half-applied.
 */
@Entity('inbound_mail')
export class InboundMail {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ type: 'text' })
  channel: 'smtp' | 'imap';

  @Column({ type: 'text', nullable: true })
  envelopeFrom: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  envelopeTo: string[];

  @Column({ type: 'text' })
  rateKey: string;

  /** The From header's address: shown, never trusted. */
  @Column({ type: 'text', nullable: true })
  sender: string | null;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'text', nullable: true })
  messageId: string | null;

  @Column({ type: 'integer' })
  sizeBytes: number;

  /** The source as received, until INBOUND_RAW_RETENTION_DAYS have passed. */
  @Column({ type: 'bytea', nullable: true, select: false })
  raw: Buffer | null;

  @Column({ type: 'timestamptz', nullable: true })
  rawPurgedAt: Date | null;

  @Column({ type: 'text', default: 'received' })
  state: InboundState;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  kind: InboundKind | null;

  /** What came of it, one word: applied, stale-sequence, counter-recorded, bounce-recorded, ignored, refused… */
  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  detail: Record<string, unknown>;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  commissionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ type: 'uuid', nullable: true })
  outboxId: string | null;
}
