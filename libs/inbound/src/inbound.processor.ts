import { Injectable } from '@nestjs/common';
import { JobData, JobHandler, JobOutcome } from '@samverkan/core';
import { InboundProcessor } from './inbound-processor.service';

/** Worker side of the inbound queue: one job per received mail (and attempt), and the sweep. */
@Injectable()
export class InboundJobs {
  constructor(private readonly processor: InboundProcessor) {}

  @JobHandler('inbound.process')
  process(data: JobData): Promise<JobOutcome> {
    if (!data.id) return Promise.resolve({ status: 'skipped', reason: 'no inbound mail id' });
    return this.processor.process(data.id);
  }

  @JobHandler('inbound.sweep', { every: (config) => config.SWEEP_INTERVAL_SECONDS * 1000, atStart: true })
  sweep(): Promise<JobOutcome> {
    return this.processor.sweep();
  }
}
