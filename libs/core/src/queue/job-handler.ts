import { SetMetadata } from '@nestjs/common';
import type { JobName } from './queue-registry';

export const JOB_HANDLER_KEY = 'samverkan:job-handler';

/** Marks a provider method as the one handler of a job name from the registry. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER_KEY, name);

/** What a handler returns: what it did, for the logs and the dashboard. */
export interface JobOutcome {
  status: 'done' | 'skipped';
  reason?: string;
  [key: string]: unknown;
}
