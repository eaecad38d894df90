import { SetMetadata } from '@nestjs/common';
import type { AppConfig } from '../config/config.schema';
import { allJobNames, type JobName } from './queue-registry';

export const JOB_HANDLER_KEY = 'samverkan:job-handler';

export interface JobHandlerOptions {
  /** Run this job on a schedule (a BullMQ job scheduler), every so many milliseconds. */
  every?: (config: AppConfig) => number;
  /** Also run it once when a worker starts. */
  atStart?: boolean;
}

export interface JobHandlerMetadata extends JobHandlerOptions {
  name: JobName;
}

/** Marks a provider method as the one handler of a job name from the registry. */
export const JobHandler = (name: JobName, options: JobHandlerOptions = {}) =>
  SetMetadata<string, JobHandlerMetadata>(JOB_HANDLER_KEY, { name, ...options });

/** What a job carries: the id of the row that owes the work (or of several rows, for a batch), nothing else. */
export interface JobData {
  id?: string;
  ids?: string[];
}

/** What a handler returns: what it did, for the logs and the dashboard. */
export interface JobOutcome {
  status: 'done' | 'skipped';
  reason?: string;
  [key: string]: unknown;
}

export interface DiscoveredHandler {
  job: string;
  owner: string;
}

/**
 * Every registry job must have exactly one handler, and every handler must name
 * a registry job. Throws one message listing every problem, so a worker with a
 * missing or doubled handler does not start.
 */
export function assertOneHandlerPerJob(handlers: DiscoveredHandler[], jobs: string[] = allJobNames().map((j) => j.job)): void {
  const problems: string[] = [];
  for (const job of jobs) {
    const owners = handlers.filter((h) => h.job === job).map((h) => h.owner);
    if (owners.length === 0) problems.push(`job "${job}" has no @JobHandler`);
    if (owners.length > 1) problems.push(`job "${job}" has ${owners.length} handlers (${owners.join(', ')})`);
  }
  for (const handler of handlers) {
    if (!jobs.includes(handler.job)) problems.push(`${handler.owner} handles "${handler.job}", which is not in the queue registry`);
  }
  if (problems.length > 0) {
    throw new Error(`The worker cannot start: ${problems.join('; ')}. Each job in libs/core/src/queue/queue-registry.ts needs exactly one @JobHandler in a module the worker imports.`);
  }
}
