import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext } from '@samverkan/core';
import { ReportsService } from '@samverkan/reports';

/**
 * One status report per demo commission, compiled on demand for the running
 * period, so the demo commissioner has a report to open at /reports/<id> on the
 * first start (scheduled ones follow as periods end). No mail: demo data.
 */
@Injectable()
export class ReportsSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
  ) {}

  async seed(ctx: () => RequestContext): Promise<Record<string, number>> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM commission c
        WHERE c.is_demo AND c.report_cadence NOT IN ('none', 'custom') AND c.starts_on <= current_date
          AND NOT EXISTS (SELECT 1 FROM status_report r WHERE r.commission_id = c.id)
        ORDER BY c.created_at, c.id`,
    );
    for (const row of rows) await this.reports.compileOnDemand(ctx(), { commissionId: row.id, notifyCommissioners: false });
    return { statusReports: rows.length };
  }
}
