import { Injectable } from '@nestjs/common';
import { JobData, JobHandler, JobOutcome, QueueService, jobIdFor } from '@samverkan/core';
import { ReportsService } from './reports.service';

/**
 * Worker side of reports. `reports.schedule` runs on a BullMQ job scheduler (and
 * at every worker start); it asks Postgres which periods are owed and queues one
 * compile job per commission, its id naming the newest owed period. Postgres is
 * the truth: a lost job or a lost scheduler only delays a report until the next run.
 */
@Injectable()
export class ReportsProcessor {
  constructor(
    private readonly reports: ReportsService,
    private readonly queues: QueueService,
  ) {}

  @JobHandler('reports.schedule', { every: (config) => config.SWEEP_INTERVAL_SECONDS * 1000, atStart: true })
  async schedule(): Promise<JobOutcome> {
    const owed = await this.reports.owedCommissions();
    await this.queues.add(
      'reports.compile',
      owed.map((entry) => ({ jobId: jobIdFor('report', entry.commissionId, entry.latestPeriodKey), data: { id: entry.commissionId } })),
    );
    return { status: 'done', commissions: owed.length, periods: owed.reduce((sum, entry) => sum + entry.count, 0) };
  }

  @JobHandler('reports.compile')
  async compile(data: JobData): Promise<JobOutcome> {
    if (!data.id) return { status: 'skipped', reason: 'no commission id' };
    const { compiled } = await this.reports.compileOwed(data.id);
    return compiled.length > 0 ? { status: 'done', compiled } : { status: 'skipped', reason: 'nothing owed' };
  }
}
