import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Allow, Connection, Ctx, Permission, RequestContext } from '@samverkan/core';
import type { RagCounts } from './report-snapshot';
import { CompileStatusReportInput, SetCustomReportPeriodsInput, StatusReportsArgs } from './reports.inputs';
import { ReportsService } from './reports.service';
import { RagCountsType, StatusReport, StatusReportSummaryType } from './status-report.entity';
import { StatusReportRead } from './status-report-read.entity';
import { ParseUUIDPipe } from '@nestjs/common';

@ObjectType()
export class StatusReportConnection extends Connection(StatusReport) {}

@ObjectType()
export class CustomReportPeriod {
  @Field(() => ID) id: string;
  @Field() startsOn: string;
  @Field() endsOn: string;
}

const counts = (c: RagCounts): RagCountsType => ({ onTrack: c.on_track, atRisk: c.at_risk, late: c.late, noData: c.no_data });

@Resolver(() => StatusReport)
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Allow(Permission.Authenticated)
  @Query(() => StatusReport, { description: 'One status report (secretariat and commissioners of its commission).' })
  statusReport(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string): Promise<StatusReport> {
    return this.reports.get(ctx, id);
  }

  @Allow(Permission.Authenticated)
  @Query(() => StatusReportConnection, { description: 'A commission\'s status reports, newest period first.' })
  statusReports(@Ctx() ctx: RequestContext, @Args() args: StatusReportsArgs) {
    return this.reports.list(ctx, args.commissionId, args);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => StatusReport, { description: 'Compiles a report now (marked on demand); secretariat only.' })
  compileStatusReport(@Ctx() ctx: RequestContext, @Args('input') input: CompileStatusReportInput): Promise<StatusReport> {
    return this.reports.compileOnDemand(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Query(() => [CustomReportPeriod], { description: 'The report periods of a commission whose cadence is CUSTOM, earliest first (secretariat and commissioners).' })
  customReportPeriods(@Ctx() ctx: RequestContext, @Args('commissionId', { type: () => ID }, new ParseUUIDPipe()) commissionId: string) {
    return this.reports.customPeriods(ctx, commissionId);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => [CustomReportPeriod], { description: 'Sets the report periods of a commission whose cadence is CUSTOM.' })
  setCustomReportPeriods(@Ctx() ctx: RequestContext, @Args('input') input: SetCustomReportPeriodsInput) {
    return this.reports.setCustomPeriods(ctx, input);
  }

  @ResolveField(() => StatusReportSummaryType)
  summary(@Parent() report: StatusReport): StatusReportSummaryType {
    const s = report.summary;
    return {
      groups: counts(s.groups),
      goals: counts(s.goals),
      deliverables: counts(s.deliverables),
      overdue: s.overdueCount,
      seats: s.seats,
      filled: s.filled,
      holdover: s.holdover ?? s.seats - s.filled - s.vacant,
      vacant: s.vacant,
      newItems: s.diff.new,
      changedItems: s.diff.changed,
      completedItems: s.diff.completed,
      newlyLateItems: s.diff.newlyLate,
    };
  }

  @ResolveField(() => String, { description: 'The report page.' })
  url(@Parent() report: StatusReport): string {
    return `/reports/${report.id}`;
  }

  @ResolveField(() => [StatusReportRead], { description: 'Commissioners who opened the report page, first opened first.' })
  openedBy(@Ctx() ctx: RequestContext, @Parent() report: StatusReport): Promise<StatusReportRead[]> {
    return this.reports.readers(ctx, report.id);
  }
}

