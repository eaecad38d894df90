import { Global, Inject, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { ConnectionOptions, JobsOptions, Queue } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { JobData } from './job-handler';
import { JobName, QueueName, allQueueNames, queueOf } from './queue-registry';

/** Finished jobs leave Redis (Postgres keeps the record); failed ones stay a while for the dashboard. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: { age: 15 * 60, count: 1000 },
};

/** BullMQ connection options from REDIS_URL; workers need maxRetriesPerRequest: null. */
export function redisConnection(config: AppConfig, forWorker = false): ConnectionOptions {
  const url = new URL(config.REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: forWorker ? null : 2,
    // Reconnect quickly after a Redis restart, never give up.
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}

export interface QueuedJob {
  jobId: string;
  data?: JobData;
  delayMs?: number;
}

/**
 * Adds jobs to the registry's queues (API and worker). Jobs carry a row id and a
 * deterministic job id. Adding is best effort: when Redis is away the caller's
 * rows are still in Postgres and the sweep queues them later.
 */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: redisConnection(this.config), prefix: this.config.QUEUE_PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      queue.on('error', (error) => this.logger.warn(`Queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  allQueues(): Queue[] {
    return allQueueNames().map((name) => this.queue(name));
  }

  /** Adds jobs; returns false (and logs) when Redis could not take them. */
  async add(job: JobName, jobs: QueuedJob[]): Promise<boolean> {
    if (jobs.length === 0) return true;
    try {
      await this.queue(queueOf(job)).addBulk(
        jobs.map((entry) => ({ name: job, data: entry.data ?? {}, opts: { jobId: entry.jobId, delay: entry.delayMs && entry.delayMs > 0 ? entry.delayMs : undefined } })),
      );
      return true;
    } catch (error) {
      this.logger.warn(`Could not queue ${jobs.length} ${job} job(s); the sweep will: ${(error as Error).message}`);
      return false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close().catch(() => undefined)));
    this.queues.clear();
  }
}

/** Gives every module the QueueService; imported by the areas that queue work. */
@Global()
@Module({ providers: [QueueService], exports: [QueueService] })
export class QueueModule {}
