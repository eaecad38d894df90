import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import {
  APP_CONFIG,
  AppConfig,
  DEFAULT_JOB_OPTIONS,
  DiscoveredHandler,
  JOB_HANDLER_KEY,
  JobData,
  JobHandlerMetadata,
  JobName,
  JobOutcome,
  QueueName,
  QueueService,
  allJobNames,
  allQueueNames,
  assertOneHandlerPerJob,
  jobIdFor,
  queueOf,
  redisConnection,
} from '@samverkan/core';
import { mailJobConcurrency } from '@samverkan/mail';

type Handler = (data: JobData, job: Job) => Promise<JobOutcome>;

interface FoundHandler extends DiscoveredHandler {
  meta: JobHandlerMetadata;
  run: Handler;
}

/** Finds every `@JobHandler` method among the providers of the application. */
export function discoverJobHandlers(discovery: DiscoveryService, scanner: MetadataScanner): FoundHandler[] {
  const found: FoundHandler[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
    const prototype = Object.getPrototypeOf(instance);
    if (!prototype) continue;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const fn = instance[method];
      if (typeof fn !== 'function') continue;
      const meta = Reflect.getMetadata(JOB_HANDLER_KEY, fn) as JobHandlerMetadata | undefined;
      if (!meta) continue;
      found.push({ job: meta.name, owner: `${prototype.constructor.name}.${method}`, meta, run: (fn as Handler).bind(instance) });
    }
  }
  return found;
}

const QUEUE_CONCURRENCY: Record<QueueName, (config: AppConfig) => number> = {
  // Mail jobs carry batches of rows: MAIL_SEND_CONCURRENCY mails in flight is this many jobs.
  mail: (config) => mailJobConcurrency(config),
  notifications: () => 4,
  reports: () => 2,
  documents: () => 1,
  inbound: () => 4,
};

/**
 * Runs the registry's queues in this process: one BullMQ Worker per queue that
 * dispatches by job name to the one handler of that name. Checks at boot that
 * every job has exactly one handler. Recurring jobs get a BullMQ job scheduler,
 * re-created if Redis lost it (a FLUSHALL or a restart without persistence).
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly workers: Worker[] = [];
  private keeper?: NodeJS.Timeout;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = discoverJobHandlers(this.discovery, this.scanner);
    assertOneHandlerPerJob(handlers);
    const byName = new Map(handlers.map((handler) => [handler.job, handler]));
    for (const queue of allQueueNames()) {
      const worker = new Worker(
        queue,
        async (job: Job) => {
          const handler = byName.get(job.name);
          if (!handler) throw new Error(`No handler for job ${job.name}`);
          return handler.run(job.data as JobData, job);
        },
        {
          connection: redisConnection(this.config, true),
          prefix: this.config.QUEUE_PREFIX,
          concurrency: QUEUE_CONCURRENCY[queue](this.config),
        },
      );
      worker.on('failed', (job, error) => this.logger.warn(`Job ${job?.name} ${job?.id} failed: ${error.message}`));
      worker.on('error', (error) => this.logger.warn(`Worker ${queue}: ${error.message}`));
      this.workers.push(worker);
    }
    const recurring = handlers.filter((handler) => handler.meta.every);
    await this.ensureSchedules(recurring);
    for (const handler of handlers.filter((h) => h.meta.atStart)) {
      await this.queues.add(handler.meta.name, [{ jobId: jobIdFor('start', handler.meta.name, hostname(), process.pid, Date.now()) }]);
    }
    if (recurring.length > 0) {
      const every = Math.min(...recurring.map((handler) => handler.meta.every!(this.config)));
      this.keeper = setInterval(() => void this.ensureSchedules(recurring), every);
      this.keeper.unref();
    }
    this.logger.log(`Worker running ${allJobNames().length} job kinds on ${allQueueNames().join(', ')}`);
  }

  private async ensureSchedules(recurring: FoundHandler[]): Promise<void> {
    for (const handler of recurring) {
      const name = handler.meta.name as JobName;
      const queue = this.queues.queue(queueOf(name));
      const schedulerId = jobIdFor('every', name);
      try {
        if (await queue.getJobScheduler(schedulerId)) continue;
        await queue.upsertJobScheduler(schedulerId, { every: handler.meta.every!(this.config) }, { name, data: {}, opts: DEFAULT_JOB_OPTIONS });
      } catch (error) {
        this.logger.warn(`Could not schedule ${name}: ${(error as Error).message}`);
      }
    }
  }

  /** Lets running jobs finish (BullMQ waits for them), then stops taking new ones. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.keeper) clearInterval(this.keeper);
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.workers.length = 0;
  }
}
