import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { QueueService } from '@samverkan/core';

interface Counts {
  owed: string;
  queued: string;
  sent: string;
  failed: string;
  oldest_unsent_seconds: string | null;
}

/**
 * Prometheus metrics of reminders and mail, read from Postgres (the truth) at
 * scrape time, plus BullMQ queue depth from Redis. Its own registry, so two apps
 * in one process (tests) do not collide.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly owed = new Gauge({ name: 'samverkan_notifications_owed', help: 'Reminders owed and not yet handed to the outbox.', registers: [this.registry] });
  private readonly mail = new Gauge({ name: 'samverkan_mail', help: 'Outbox mails by status (queued = waiting, retrying or being sent).', labelNames: ['status'], registers: [this.registry] });
  private readonly oldest = new Gauge({ name: 'samverkan_mail_oldest_unsent_age_seconds', help: 'Age of the oldest mail not yet sent (0 when none).', registers: [this.registry] });
  private readonly jobs = new Gauge({ name: 'samverkan_queue_jobs', help: 'BullMQ jobs per queue and state.', labelNames: ['queue', 'state'], registers: [this.registry] });

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  async render(): Promise<{ contentType: string; body: string }> {
    const [counts]: Counts[] = await this.dataSource.query(`
      SELECT (SELECT count(*) FROM notification WHERE status = 'owed') AS owed,
             (SELECT count(*) FROM mail_outbox WHERE status IN ('pending', 'sending')) AS queued,
             (SELECT count(*) FROM mail_outbox WHERE status = 'sent') AS sent,
             (SELECT count(*) FROM mail_outbox WHERE status = 'failed') AS failed,
             (SELECT extract(epoch FROM now() - min(created_at)) FROM mail_outbox WHERE status IN ('pending', 'sending')) AS oldest_unsent_seconds`);
    this.owed.set(Number(counts.owed));
    this.mail.set({ status: 'queued' }, Number(counts.queued));
    this.mail.set({ status: 'sent' }, Number(counts.sent));
    this.mail.set({ status: 'failed' }, Number(counts.failed));
    this.oldest.set(Number(counts.oldest_unsent_seconds ?? 0));
    this.jobs.reset();
    await Promise.all(
      this.queues.allQueues().map(async (queue) => {
        try {
          const states = await Promise.race([
            queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000)),
          ]);
          for (const [state, count] of Object.entries(states)) this.jobs.set({ queue: queue.name, state }, count);
        } catch {
          // Redis away: the Postgres figures above are what matter.
        }
      }),
    );
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
