/**
 * Every queue and job name in one place. The worker checks at boot that each job
 * has exactly one handler; a name without a handler stops the boot.
 */
export const QUEUES = {
  mail: { name: 'mail', jobs: { send: 'mail.send' } },
  notifications: { name: 'notifications', jobs: { sweep: 'notifications.sweep', deliver: 'notifications.deliver' } },
  reports: { name: 'reports', jobs: { schedule: 'reports.schedule', compile: 'reports.compile' } },
} as const;

export type QueueKey = keyof typeof QUEUES;
export type JobName = {
  [K in QueueKey]: (typeof QUEUES)[K]['jobs'][keyof (typeof QUEUES)[K]['jobs']];
}[QueueKey];

export function allJobNames(): { queue: string; job: string }[] {
  return Object.values(QUEUES).flatMap((queue) =>
    Object.values(queue.jobs).map((job) => ({ queue: queue.name, job: job as string })),
  );
}
