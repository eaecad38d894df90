import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '@samverkan/access';
import { QueueModule } from '@samverkan/core';
import { MailModule } from '@samverkan/mail';
import { ReportsController } from './reports.controller';
import { ReportsProcessor } from './reports.processor';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';
import { CommissionOverviewResolver } from './overview/commission-overview.resolver';
import { CommissionOverviewService } from './overview/commission-overview.service';
import { ReportCustomPeriod, StatusReport, StatusReportRead } from './status-report.entity';

/** Status reports: compiling, reading, delivery mail. API and worker share it. */
@Module({
  imports: [TypeOrmModule.forFeature([StatusReport, StatusReportRead, ReportCustomPeriod]), AccessModule, MailModule, QueueModule],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}

/** The scheduler and compiler jobs; only the worker imports it. */
@Module({ imports: [ReportsModule], providers: [ReportsProcessor] })
export class ReportsWorkerModule {}

/** GraphQL and the report pages; only the API imports it. */
@Module({ imports: [ReportsModule, AccessModule], providers: [ReportsResolver, CommissionOverviewResolver, CommissionOverviewService], controllers: [ReportsController] })
export class ReportsApiModule {}
