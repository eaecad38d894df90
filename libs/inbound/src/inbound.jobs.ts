import { jobIdFor } from '@samverkan/core';

/** One job id per attempt at a row: queued once per attempt, a taken-over row gets a new job. */
export function inboundJobId(id: string, attempts: number): string {
  return jobIdFor('inbound', id, `a${attempts}`);
}
