import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { APP_CONFIG, AppConfig, AuditService, BadInputError, ConnectionArgs, ConnectionShape, groupByKeys, inTransaction, isLocale, NotFoundError, pageWindow, pageWithCount, publicUrl, registeredEnumLabels, RequestContext, UnauthenticatedError } from '@samverkan/core';
import { OutboxService, mailPaths, mailUrl } from '@samverkan/mail';
import './reports.messages';
import './reports.labels';
import './reports.personal-data';
import { customPeriodKey, owedPeriodsSql, parsePeriodKey, periodContaining, ReportPeriod } from './period';
import { compileSnapshot } from './report-compiler';
import { expandSnapshot, packSnapshot } from './snapshot-store';
import { reportMailTemplate } from './report-mail.template';
import type { ReportKind, ReportSnapshot } from './report-snapshot';
import type { ReportSection } from './sections/section';
import { defaultSections } from './report-compiler';
import { CompileStatusReportInput, SetCustomReportPeriodsInput } from './reports.inputs';
import { ReportCustomPeriod } from './report-custom-period.entity';
import { StatusReport } from './status-report.entity';
import { StatusReportRead } from './status-report-read.entity';
import type { TrackedItem } from './diff';

interface CompileOne {
  commissionId: string;
  period: ReportPeriod;
  asOf: string;
  kind: ReportKind;
  compiledBy: string | null;
  notify: boolean;
}

/** A report with its frozen snapshot, for pages, CSV and JSON. */
export type StatusReportWithSnapshot = StatusReport & { snapshot: ReportSnapshot };

/**
 * Status reports: compiles snapshots (on demand and for owed periods), lists and
 * reads them with access checks, records who opened them, and mails the
 * commissioners. Postgres decides what is owed; a unique key makes a report per
 * commission and period happen once however often the worker restarts.
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);
  private readonly sections: ReportSection[] = defaultSections();

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Adds a section (areas that land later register theirs at module init). */
  addSection(section: ReportSection): void {
    if (!this.sections.some((s) => s.name === section.name)) this.sections.push(section);
  }

  /** Compiles a report now, for the running period or a named one; marked on demand. Secretariat only. */
  async compileOnDemand(ctx: RequestContext, input: CompileStatusReportInput): Promise<StatusReport> {
    await this.access.require(ctx, input.commissionId, 'manage');
    const [commission] = await this.dataSource.query(
      `SELECT report_cadence AS cadence, starts_on::text, (now() AT TIME ZONE time_zone)::date::text AS today FROM commission WHERE id = $1`,
      [input.commissionId],
    );
    if (!commission) throw new NotFoundError('Commission', input.commissionId);
    const period = await this.resolvePeriod(input.commissionId, commission, input.period);
    const asOf = period.end < commission.today ? period.end : commission.today;
    const { report, mailIds } = await inTransaction(this.dataSource, async (manager) => {
      const result = await this.compileOne(manager, {
        commissionId: input.commissionId,
        period,
        asOf,
        kind: 'on_demand',
        compiledBy: ctx.actor?.personId ?? null,
        notify: input.notifyCommissioners,
      });
      await this.audit.record(manager, ctx, { entity: 'status_report', entityId: result.report!.id, action: 'compile-on-demand', after: { periodKey: period.key, asOf, notify: input.notifyCommissioners } });
      return result;
    });
    // The answer does not wait for Redis: the mails are committed rows, queued here
    // in the background (and by the sweep within a minute if Redis is away or slow).
    this.dispatchLater(mailIds);
    return report!;
  }

  private dispatchLater(mailIds: string[]): void {
    if (mailIds.length === 0) return;
    this.outbox.dispatch(mailIds).catch((error: Error) => this.logger.warn(`Report mail left for the sweep: ${error.message}`));
  }

  /**
   * Which commissions owe scheduled reports now (one statement over all of them).
   * The worker queues one compile job per commission with the newest owed period
   * in the job id, so adding the same work twice queues it once.
   */
  async owedCommissions(): Promise<{ commissionId: string; latestPeriodKey: string; count: number }[]> {
    const rows: { commission_id: string; period_key: string }[] = await this.dataSource.query(owedPeriodsSql(), [null]);
    const byCommission = new Map<string, { commissionId: string; latestPeriodKey: string; count: number }>();
    for (const row of rows) {
      const entry = byCommission.get(row.commission_id) ?? { commissionId: row.commission_id, latestPeriodKey: row.period_key, count: 0 };
      entry.latestPeriodKey = row.period_key;
      entry.count += 1;
      byCommission.set(row.commission_id, entry);
    }
    return [...byCommission.values()];
  }

  /**
   * Compiles every owed scheduled report of one commission, oldest period first,
   * each in its own transaction (so the next one diffs against it), and mails the
   * commissioners. Safe to run twice at once: the unique key and a per-commission
   * lock make the second a no-op.
   */
  async compileOwed(commissionId: string): Promise<{ compiled: string[] }> {
    const owed: { period_key: string; period_start: string; period_end: string }[] = await this.dataSource.query(owedPeriodsSql(), [commissionId]);
    const compiled: string[] = [];
    for (const row of owed) {
      const period = parsePeriodKey(row.period_key);
      if (!period) continue;
      const { report, mailIds } = await inTransaction(this.dataSource, (manager) =>
        this.compileOne(manager, { commissionId, period, asOf: period.end, kind: 'scheduled', compiledBy: null, notify: true }),
      );
      if (report) compiled.push(report.periodKey);
      await this.outbox.dispatch(mailIds);
    }
    return { compiled };
  }

  private async compileOne(manager: EntityManager, job: CompileOne): Promise<{ report?: StatusReport; mailIds: string[] }> {
    // One scheduled compiler per commission at a time: the "already done?" check stays
    // true until commit. An on-demand report takes no part in that (it is never
    // "already done"), so a secretariat's request never waits for the worker compiling
    // that commission's owed periods (issue 16: compile_ms counts the compiler alone,
    // not such a wait); it diffs against whatever report was committed before it.
    if (job.kind === 'scheduled') {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`status_report:${job.commissionId}`]);
      const done = await manager.query(`SELECT 1 FROM status_report WHERE commission_id = $1 AND kind = 'scheduled' AND period_key = $2`, [job.commissionId, job.period.key]);
      if (done.length > 0) return { mailIds: [] };
    }
    // The previous report is the latest one of ANY kind that saw no later day than this
    // one (issue 19: an on-demand report was ignored, so the next report called itself
    // the commission's first). A scheduled report caught up for an old period still
    // diffs against the report before that period, not against a newer on-demand one.
    const [last]: { id: string; snapshot: unknown }[] = await manager.query(
      `SELECT id, snapshot FROM status_report
        WHERE commission_id = $1 AND as_of <= $2
        ORDER BY as_of DESC, compiled_at DESC LIMIT 1`,
      [job.commissionId, job.asOf],
    );
    const previous: { id: string; items: TrackedItem[] } | undefined = last ? { id: last.id, items: expandSnapshot(last.snapshot).items } : undefined;
    const started = performance.now();
    const { snapshot, summary } = await compileSnapshot(manager, { commissionId: job.commissionId, period: job.period, asOf: job.asOf, kind: job.kind, previous }, this.sections);
    const ms = Math.round(performance.now() - started);
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO status_report (commission_id, period_key, period_start, period_end, as_of, kind, previous_report_id, rag, is_empty, summary, snapshot, compiled_by, compile_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13)
       ON CONFLICT (commission_id, period_key) WHERE kind = 'scheduled' DO NOTHING
       RETURNING id`,
      [job.commissionId, job.period.key, job.period.start, job.period.end, job.asOf, job.kind, previous?.id ?? null, summary.rag, summary.isEmpty, JSON.stringify(summary), JSON.stringify(packSnapshot(snapshot)), job.compiledBy, ms],
    );
    if (inserted.length === 0) return { mailIds: [] };
    const report = await manager.findOneByOrFail(StatusReport, { id: inserted[0].id });
    const mailIds = job.notify ? await this.enqueueMails(manager, report, snapshot) : [];
    return { report, mailIds };
  }

  /** One mail per commissioner, in their language and time zone, written in the report's transaction. */
  private async enqueueMails(manager: EntityManager, report: StatusReport, snapshot: ReportSnapshot): Promise<string[]> {
    const readers: { id: string; full_name: string; email: string; locale: string; time_zone: string }[] = await manager.query(
      `SELECT DISTINCT p.id, p.full_name, p.email, p.locale, p.time_zone
         FROM commission_role r JOIN person p ON p.id = r.person_id
        WHERE r.commission_id = $1 AND r.role = 'commissioner' AND p.email IS NOT NULL AND p.erased_at IS NULL`,
      [report.commissionId],
    );
    const ids: string[] = [];
    for (const reader of readers) {
      const { id, created } = await this.outbox.enqueue(manager, {
        template: reportMailTemplate,
        props: {
          commissionTitle: snapshot.sections.mandate.title,
          periodKey: report.periodKey,
          periodStart: report.periodStart,
          periodEnd: report.periodEnd,
          compiledAt: report.compiledAt.toISOString(),
          kind: report.kind,
          summary: report.summary,
          url: mailUrl(publicUrl(this.config), mailPaths.report(report.id)),
        },
        recipient: { personId: reader.id, address: reader.email, name: reader.full_name, locale: isLocale(reader.locale) ? reader.locale : 'sv', timeZone: reader.time_zone },
        dedupeKey: `report:${report.id}:${reader.id}`,
        commissionId: report.commissionId,
      });
      if (created) ids.push(id);
    }
    return ids;
  }

  private async resolvePeriod(commissionId: string, commission: { cadence: string; starts_on: string; today: string }, asked: string | null | undefined): Promise<ReportPeriod> {
    // No period (left out, null or blank, as a form sends it): the running one. A null here was a 500.
    const key = asked?.trim() || undefined;
    const custom: { starts_on: string; ends_on: string }[] =
      commission.cadence === 'custom'
        ? await this.dataSource.query(`SELECT starts_on::text, ends_on::text FROM report_custom_period WHERE commission_id = $1 ORDER BY starts_on`, [commissionId])
        : [];
    let period: ReportPeriod | undefined;
    if (key === undefined) {
      if (commission.cadence === 'none') throw new BadInputError('reports.noCadence');
      if (commission.cadence === 'custom') {
        const running = custom.find((p) => p.starts_on <= commission.today && p.ends_on >= commission.today) ?? [...custom].reverse().find((p) => p.ends_on < commission.today);
        if (!running) throw new BadInputError('reports.noCadence');
        period = parsePeriodKey(customPeriodKey(running.starts_on, running.ends_on));
      } else {
        period = periodContaining(commission.cadence as 'monthly', commission.today);
      }
    } else {
      period = parsePeriodKey(key.trim());
      const fits =
        period &&
        (commission.cadence === 'custom'
          ? custom.some((p) => p.starts_on === period!.start && p.ends_on === period!.end)
          : commission.cadence === 'none' ? period.cadence !== 'custom' : period.cadence === commission.cadence);
      if (!period || !fits) throw new BadInputError('reports.unknownPeriod', { period: key, cadence: registeredEnumLabels().get('ReportCadence')?.get(String(commission.cadence).toUpperCase()) ?? commission.cadence }, { field: 'period' });
    }
    if (period!.start > commission.today) throw new BadInputError('reports.periodNotStarted', { period: period!.key }, { field: 'period' });
    if (period!.end < commission.starts_on) throw new BadInputError('reports.periodBeforeStart', { period: period!.key }, { field: 'period' });
    return period!;
  }

  /** Replaces the custom report periods of a commission (used when its cadence is CUSTOM). */
  async setCustomPeriods(ctx: RequestContext, input: SetCustomReportPeriodsInput): Promise<ReportCustomPeriod[]> {
    await this.access.require(ctx, input.commissionId, 'manage');
    // Said at the period's own field (periods.<i>.endsOn); the exclusion constraint stays the last word on overlaps.
    input.periods.forEach((p, i) => {
      if (p.endsOn < p.startsOn) throw BadInputError.field(`periods.${i}.endsOn`, 'reports.periodEndsBeforeStart', { startsOn: p.startsOn });
    });
    const byStart = input.periods.map((p, i) => ({ ...p, i })).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    for (let k = 1; k < byStart.length; k++) {
      const [previous, p] = [byStart[k - 1], byStart[k]];
      if (p.startsOn <= previous.endsOn) throw BadInputError.field(`periods.${p.i}.startsOn`, 'reports.periodOverlaps', { previous: `${previous.startsOn}..${previous.endsOn}` });
    }
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.find(ReportCustomPeriod, { where: { commissionId: input.commissionId }, order: { startsOn: 'ASC' } });
      await manager.delete(ReportCustomPeriod, { commissionId: input.commissionId });
      if (input.periods.length > 0) await manager.insert(ReportCustomPeriod, input.periods.map((p) => ({ commissionId: input.commissionId, startsOn: p.startsOn, endsOn: p.endsOn })));
      const after = await manager.find(ReportCustomPeriod, { where: { commissionId: input.commissionId }, order: { startsOn: 'ASC' } });
      await this.audit.record(manager, ctx, {
        entity: 'commission',
        entityId: input.commissionId,
        action: 'set-custom-report-periods',
        before: before.map((p) => `${p.startsOn}..${p.endsOn}`),
        after: after.map((p) => `${p.startsOn}..${p.endsOn}`),
      });
      return after;
    });
  }

  /** The report periods of a commission whose cadence is CUSTOM, first first (those who oversee it). */
  async customPeriods(ctx: RequestContext, commissionId: string): Promise<ReportCustomPeriod[]> {
    await this.access.require(ctx, commissionId, 'oversee');
    return this.dataSource.getRepository(ReportCustomPeriod).find({ where: { commissionId }, order: { startsOn: 'ASC' } });
  }

  /** A report, for those who oversee its commission (NOT_FOUND for anyone without a role there). */
  async get(ctx: RequestContext, id: string): Promise<StatusReport> {
    const report = await this.dataSource.getRepository(StatusReport).findOneBy({ id });
    if (!report) throw new NotFoundError('StatusReport', id);
    await this.access.require(ctx, report.commissionId, 'oversee', 'StatusReport', id);
    return report;
  }

  /** A report with its snapshot (pages, CSV, JSON). */
  async getWithSnapshot(ctx: RequestContext, id: string): Promise<StatusReportWithSnapshot> {
    const report = await this.get(ctx, id);
    const [row]: { snapshot: unknown }[] = await this.dataSource.query(`SELECT snapshot FROM status_report WHERE id = $1`, [id]);
    return Object.assign(report, { snapshot: expandSnapshot(row.snapshot) });
  }

  async list(ctx: RequestContext, commissionId: string, args: ConnectionArgs): Promise<ConnectionShape<StatusReport>> {
    await this.access.require(ctx, commissionId, 'oversee');
    const qb = this.dataSource
      .getRepository(StatusReport)
      .createQueryBuilder('r')
      .where('r.commission_id = :commissionId', { commissionId })
      .orderBy('r.period_end', 'DESC')
      .addOrderBy('r.compiled_at', 'DESC')
      .addOrderBy('r.id', 'DESC');
    return pageWithCount(qb, pageWindow(args));
  }

  /** The commission's title for list pages (the caller already passed the access check). */
  async commissionTitle(commissionId: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT title FROM commission WHERE id = $1`, [commissionId]);
    return row?.title ?? '';
  }

  /** A person's time zone for dates on a page (the fallback when they have none). */
  async timeZoneOf(personId: string, fallback: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT time_zone FROM person WHERE id = $1`, [personId]);
    return row?.time_zone ?? fallback;
  }

  /** Records that the actor opened the report page (counted per person; commissioners flagged). */
  async recordOpen(ctx: RequestContext, report: StatusReport): Promise<void> {
    const actor = ctx.actor;
    if (!actor) throw new UnauthenticatedError();
    const roles = (await this.access.roles(ctx)).byCommission.get(report.commissionId);
    await this.dataSource.query(
      `INSERT INTO status_report_read (report_id, person_id, as_commissioner) VALUES ($1, $2, $3)
       ON CONFLICT (report_id, person_id) DO UPDATE
         SET last_opened_at = now(), open_count = status_report_read.open_count + 1,
             as_commissioner = status_report_read.as_commissioner OR EXCLUDED.as_commissioner`,
      [report.id, actor.personId, roles?.has('commissioner') ?? false],
    );
  }

  /** Who opened a report (one statement per request for a whole list of reports). */
  readers(ctx: RequestContext, reportId: string, onlyCommissioners = true): Promise<StatusReportRead[]> {
    return ctx
      .loader<string, StatusReportRead[]>(`report.readers:${onlyCommissioners}`, async (ids) =>
        groupByKeys(
          ids,
          await this.dataSource.getRepository(StatusReportRead).find({
            where: { reportId: In([...ids]), ...(onlyCommissioners ? { asCommissioner: true } : {}) },
            order: { firstOpenedAt: 'ASC' },
          }),
          (r) => r.reportId,
        ),
      )
      .load(reportId);
  }

  /** The sections a report is compiled from, in order (the commissioner's overview compiles them live, in its own statement). */
  reportSections(): readonly ReportSection[] {
    return this.sections;
  }

  /** For benchmarks and tests: compile without access checks or mail, and return the snapshot. */
  async compilePreview(commissionId: string, period: ReportPeriod, asOf = period.end): Promise<{ snapshot: ReportSnapshot; ms: number }> {
    const started = performance.now();
    const { snapshot } = await compileSnapshot(this.dataSource.manager, { commissionId, period, asOf, kind: 'on_demand' }, this.sections);
    return { snapshot, ms: performance.now() - started };
  }
}
