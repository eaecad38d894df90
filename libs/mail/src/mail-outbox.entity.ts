import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MailAttachment, MailCalendar } from './mail-template';

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

/**
 * One outgoing mail, rendered once. Sending reads only this row, so a retry
 * sends exactly what was rendered, with the same Message-ID.
 */
@Entity('mail_outbox')
export class MailOutbox {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  dedupeKey: string;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ type: 'uuid', nullable: true })
  commissionId: string | null;

  @Column({ type: 'text' })
  toAddress: string;

  @Column({ type: 'text', nullable: true })
  toName: string | null;

  @Column({ type: 'text' })
  locale: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'text' })
  textBody: string;

  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  attachments: MailAttachment[];

  /** The calendar part of an invitation, update or cancellation (sent as an alternative body and an .ics). */
  @Column({ type: 'jsonb', nullable: true })
  calendar: MailCalendar | null;

  @Column({ type: 'text' })
  messageId: string;

  @Column({ type: 'text', default: 'pending' })
  status: MailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'text', nullable: true })
  smtpResponse: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  /** Set from a delivery status notification: hard (the address is dead) or soft (delivery gave up for now). */
  @Column({ type: 'text', nullable: true })
  bounceKind: 'hard' | 'soft' | null;

  @Column({ type: 'text', nullable: true })
  bounceReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  bouncedAt: Date | null;
}
