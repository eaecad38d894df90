import { Controller, Get, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig, Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { csrfToken, pageLocale, renderPage, sendPage } from '@samverkan/accounts';
import { fill } from '@samverkan/mail';
import { reportCsv } from './report-csv';
import { REPORT_PAGE_CSS, renderReportBody, renderReportList } from './report-page';
import { T } from './report-texts';
import { ReportsService } from './reports.service';

/**
 * The report pages for a browser (session cookie from /login) or a Bearer token:
 * `/reports/<id>` (HTML; records who opened it), its JSON and CSV, and the list
 * of a commission's reports. Same access as GraphQL: those who oversee the commission.
 */
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Allow(Permission.Authenticated)
  @Get('reports/:id')
  async page(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const report = await this.reports.getWithSnapshot(ctx, id);
    await this.reports.recordOpen(ctx, report);
    const locale = pageLocale(req, ctx);
    const timeZone = await this.reports.timeZoneOf(ctx.actor!.personId, report.snapshot.sections.mandate.timeZone);
    const body = renderReportBody({ report, snapshot: report.snapshot, locale, timeZone });
    const title = `${T.statusReport[locale]} ${report.periodKey}: ${report.snapshot.sections.mandate.title}`;
    sendPage(res, 200, renderPage({ locale, title, body, path: `/reports/${id}`, csrf: csrfToken(req, res, this.config), css: REPORT_PAGE_CSS }));
  }

  @Allow(Permission.Authenticated)
  @Get('reports/:id/report.json')
  async json(@Ctx() ctx: RequestContext, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const report = await this.reports.getWithSnapshot(ctx, id);
    const { snapshot, ...meta } = report;
    res
      .type('application/json; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="status-report-${report.periodKey}-${id}.json"`)
      .send(JSON.stringify({ report: meta, snapshot }, null, 2));
  }

  @Allow(Permission.Authenticated)
  @Get('reports/:id/report.csv')
  async csv(@Ctx() ctx: RequestContext, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const report = await this.reports.getWithSnapshot(ctx, id);
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="status-report-${report.periodKey}-${id}.csv"`)
      .send(reportCsv(report.snapshot));
  }

  @Allow(Permission.Authenticated)
  @Get('commissions/:id/reports')
  async list(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const page = await this.reports.list(ctx, id, { first: 100 });
    const locale = pageLocale(req, ctx);
    const title = await this.reports.commissionTitle(id);
    const timeZone = await this.reports.timeZoneOf(ctx.actor!.personId, 'Europe/Stockholm');
    const body = renderReportList(title, page.edges.map((e) => e.node), locale, timeZone);
    sendPage(res, 200, renderPage({ locale, title: fill(T.reportsFor, locale, { title }).text, body, path: `/commissions/${id}/reports`, csrf: csrfToken(req, res, this.config), css: REPORT_PAGE_CSS }));
  }
}
