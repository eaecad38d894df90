import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, JobOutcome, QueueService, jobIdFor } from '@samverkan/core';
import { mailBatchSize, mailSendJobs } from '@samverkan/mail';
import { digestSlotSql } from './notification-delivery.service';
import { ReminderEngine } from './reminder-engine.service';
import { reminderRules } from './reminder-rule';
import { SUPERSEDED_REASON, supersededSql } from './superseded';

/** How many rows of each sort one sweep queues; the next sweep takes the rest. */
const BATCH = 5000;

/**
 * The sweep (every SWEEP_INTERVAL_SECONDS and at worker start): recomputes
 * owed reminders, then queues a job for every row that owes work — due
 * notifications, due digests, unsent mail — with job ids derived from the rows.
 * Because it starts from Postgres, a Redis that lost everything loses nothing.
 */
@Injectable()
export class NotificationSweep {
  private readonly logger = new Logger(NotificationSweep.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ReminderEngine,
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(now = new Date()): Promise<JobOutcome> {
    const rules = await this.engine.run(now);
    const optedOut = await this.cancelOptedOut();
    const superseded = await this.cancelSuperseded(now);
    const immediate: { id: string }[] = await this.dataSource.query(
      `SELECT n.id FROM notification n
         LEFT JOIN notification_preference pref ON pref.person_id = n.person_id
        WHERE n.status = 'owed' AND n.due_at <= $1 AND coalesce(pref.delivery, 'immediate') = 'immediate'
        ORDER BY n.due_at LIMIT ${BATCH}`,
      [now],
    );
    await this.queues.add('notifications.deliver', immediate.map((row) => ({ jobId: jobIdFor('notification', row.id), data: { id: row.id } })));
    const digests: { person_id: string; slot: Date }[] = await this.dataSource.query(
      `SELECT s.person_id, s.slot FROM (
         SELECT pref.person_id, ${digestSlotSql('pref.delivery', 'p.time_zone', '$1::timestamptz', '$2::int')} AS slot
           FROM notification_preference pref JOIN person p ON p.id = pref.person_id
          WHERE pref.delivery IN ('daily', 'weekly')) s
        WHERE EXISTS (SELECT 1 FROM notification n WHERE n.person_id = s.person_id AND n.status = 'owed' AND n.due_at <= s.slot)
        LIMIT ${BATCH}`,
      [now, this.config.DIGEST_HOUR],
    );
    await this.queues.add(
      'notifications.digest',
      digests.map((row) => ({ jobId: jobIdFor('digest', row.person_id, Math.floor(row.slot.getTime() / 1000)), data: { id: row.person_id } })),
    );
    const mails: { id: string; attempts: number }[] = await this.dataSource.query(
      `SELECT id, attempts FROM mail_outbox
        WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
          AND (status = 'pending' OR lease_until < now())
        ORDER BY next_attempt_at LIMIT ${BATCH}`,
    );
    await this.queues.add('mail.send', mailSendJobs(mails, mailBatchSize(this.config)));
    const outcome = {
      status: 'done' as const,
      rules: rules ?? 'skipped: another worker is computing',
      optedOut,
      superseded,
      deliver: immediate.length,
      digests: digests.length,
      mails: mails.length,
    };
    if (immediate.length + digests.length + mails.length > 0) this.logger.log(`Sweep queued ${immediate.length} reminders, ${digests.length} digests, ${mails.length} mails`);
    return outcome;
  }

  /**
   * Reminders due now whose series has a later one owed (superseded.ts) are
   * cancelled in one statement before anything is queued, so a person never
   * gets "in 7 days" and "in 1 day" in the same minute.
   */
  private async cancelSuperseded(now: Date): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE notification n SET status = 'cancelled', cancel_reason = $2, updated_at = now()
        WHERE n.status = 'owed' AND n.due_at <= $1 AND ${supersededSql('n', '$1::timestamptz')}`,
      [now, SUPERSEDED_REASON],
    )) as [unknown, number];
    return count ?? 0;
  }

  /** Owed reminders of kinds a person turned off are cancelled in one statement. */
  private async cancelOptedOut(): Promise<number> {
    const kinds = reminderRules().filter((rule) => rule.optOutAllowed).map((rule) => rule.kind);
    if (kinds.length === 0) return 0;
    const [, count] = (await this.dataSource.query(
      `UPDATE notification n SET status = 'cancelled', cancel_reason = 'opted out of this kind', updated_at = now()
         FROM notification_preference pref
        WHERE pref.person_id = n.person_id AND n.status = 'owed' AND n.kind = ANY(pref.opted_out_kinds) AND n.kind = ANY($1::text[])`,
      [kinds],
    )) as [unknown, number];
    return count ?? 0;
  }
}
