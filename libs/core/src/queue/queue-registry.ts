/**
 * Every queue and job name in one place. The worker checks at boot that each job
 * has exactly one handler (`@JobHandler`); a name without one stops the boot.
 * An area that adds a job adds it here together with its handler.
 */
export const QUEUES = {
  mail: { name: 'mail', jobs: { send: 'mail.send' } },
  notifications: {
    name: 'notifications',
    jobs: { sweep: 'notifications.sweep', deliver: 'notifications.deliver', digest: 'notifications.digest' },
  },
  reports: { name: 'reports', jobs: { schedule: 'reports.schedule', compile: 'reports.compile' } },
  documents: { name: 'documents', jobs: { sweepOrphans: 'documents.sweep-orphans' } },
  inbound: { name: 'inbound', jobs: { process: 'inbound.process', sweep: 'inbound.sweep' } },
} as const;

export type QueueKey = keyof typeof QUEUES;
export type QueueName = (typeof QUEUES)[QueueKey]['name'];
export type JobName = {
  [K in QueueKey]: (typeof QUEUES)[K]['jobs'][keyof (typeof QUEUES)[K]['jobs']];
}[QueueKey];

export function allJobNames(): { queue: QueueName; job: JobName }[] {
  return Object.values(QUEUES).flatMap((queue) =>
    Object.values(queue.jobs).map((job) => ({ queue: queue.name as QueueName, job: job as JobName })),
  );
}

export function allQueueNames(): QueueName[] {
  return Object.values(QUEUES).map((queue) => queue.name);
}

/** The queue a job runs on. */
export function queueOf(job: JobName): QueueName {
  const found = allJobNames().find((entry) => entry.job === job);
  if (!found) throw new Error(`Job ${job} is not in the queue registry`);
  return found.queue;
}

/**
 * A BullMQ job id from the Postgres row that owes the work (BullMQ refuses ':'
 * and pure integers in custom ids), so adding the same work twice queues it once.
 */
export function jobIdFor(...parts: (string | number)[]): string {
  return parts.map((part) => String(part).replace(/[^A-Za-z0-9_.-]/g, '_')).join('-');
}
