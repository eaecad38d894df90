import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { entityFromJson, NotFoundError, queryPrepared, RequestContext, Selection } from '@samverkan/core';
import { assembleSections, CompileRequest, composeSnapshot, scopeOf } from '../report-compiler';
import { CombinedHead, queryPlansCombined, Queryable, SectionPlan, SqlExpression } from '../sections/section';
import type { DeliverablesSection } from '../sections/deliverables.section';
import { expandSnapshot } from '../snapshot-store';
import { RagValue, StatusReport } from '../status-report.entity';
import { ReportsService } from '../reports.service';
import type { CommissionOverview } from './commission-overview.types';

/**
 * The commissioner's home: the commission as a status report would show it today —
 * the same sections, RAG roll-up and diff (against the newest report) as
 * `compileSnapshot`, so RAG, late and vacant have one definition — but compiled
 * live and never stored. ONE statement however many groups: the commission's day and
 * its newest report (CTEs), and every section's SQL as a sub-select reading that day
 * (one snapshot of the database, so the figures agree without a transaction), leaving
 * out what the overview does not show (`live`: the period's activity, meetings,
 * decisions, deadline moves, people's names). The newest report's snapshot is read only
 * when the changes since it (`sinceLastReport`) are asked for.
 */
@Injectable()
export class CommissionOverviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reports: ReportsService,
  ) {}

  async overview(ctx: RequestContext, commissionId: string, selection?: Selection): Promise<CommissionOverview> {
    await this.access.require(ctx, commissionId, 'oversee');
    const withDiff = !selection || selection.has('sinceLastReport');
    const columns = this.dataSource
      .getMetadata(StatusReport)
      .columns.filter((c) => c.isSelect)
      .map((c) => `r.${c.databaseName}`)
      .join(', ');
    // The "period" of a live view: from the day after the newest report's period (or the
    // commission's start) up to today in the commission's time zone.
    const head: CombinedHead = {
      with: `overview_report AS (
               SELECT ${columns} FROM status_report r WHERE r.commission_id = $1
                ORDER BY r.period_end DESC, r.compiled_at DESC, r.id DESC LIMIT 1),
             overview_day AS (
               SELECT c.starts_on, (now() AT TIME ZONE c.time_zone)::date AS today FROM commission c WHERE c.id = $1),
             overview_scope AS (
               SELECT d.today AS as_of, least(coalesce((SELECT r.period_end + 1 FROM overview_report r), d.starts_on), d.today) AS period_start FROM overview_day d)`,
      columns: `(SELECT json_build_object('asOf', s.as_of::text, 'periodStart', s.period_start::text) FROM overview_scope s) AS scope,
                (SELECT to_json(r) FROM overview_report r) AS last,
                ${withDiff ? '(SELECT s.snapshot FROM status_report s JOIN overview_report r ON r.id = s.id)' : 'NULL::jsonb'} AS snapshot`,
      params: [commissionId],
    };
    const sections = this.reports.reportSections();
    const asOf = new SqlExpression('SELECT as_of FROM overview_scope');
    const planned = sections.map((section) =>
      section.plan?.({ commissionId, asOf, periodEnd: asOf, periodStart: new SqlExpression('SELECT period_start FROM overview_scope') }, { live: true }),
    );
    // A fixed text (values are parameters), prepared once per connection: planning it cost as much as running it for a small commission.
    const q: Queryable = { query: (sql, params) => queryPrepared(this.dataSource, sql, params ?? []) };
    const { head: row, rows } = await queryPlansCombined(q, planned.filter((plan): plan is SectionPlan => plan !== undefined), head);
    const day = row.scope as { asOf: string; periodStart: string } | null;
    if (!day) throw new NotFoundError('Commission', commissionId);
    const last = row.last ? entityFromJson(this.dataSource, StatusReport, row.last as Record<string, unknown>) : null;
    const today = day.asOf;
    const request: CompileRequest = {
      commissionId,
      period: { key: `${day.periodStart}..${today}`, start: day.periodStart, end: today, cadence: 'custom' },
      asOf: today,
      kind: 'on_demand',
      previous: last && row.snapshot ? { id: last.id, items: expandSnapshot(row.snapshot).items } : undefined,
    };
    const results = await assembleSections(q, scopeOf(request), sections, planned, rows);
    const { snapshot, summary } = composeSnapshot(request, sections, results);
    const { mandate, composition } = snapshot.sections;
    const deliverables = (snapshot.sections.deliverables as DeliverablesSection | undefined)?.deliverables ?? [];
    const rag = (value: string) => value as RagValue;
    const change = (c: { key: string; kind: string; title: string; changes: string[] }) => ({ key: c.key, kind: c.kind, title: c.title, changes: c.changes });
    return {
      commissionId,
      title: mandate.title,
      asOf: today,
      rag: rag(snapshot.rollup.commission),
      reportingDeadline: mandate.reportingDeadline,
      groups: composition.groups.map((g) => ({
        id: g.id,
        name: g.name,
        parentId: g.parentId,
        status: g.status,
        rag: rag(snapshot.rollup.groups[g.id] ?? 'no_data'),
        seats: g.seats,
        filled: g.filled,
        holdover: g.holdover,
        vacant: g.vacant,
      })),
      goals: composition.goals.map((g) => ({ id: g.id, code: g.code, text: g.text, priorityArea: g.priorityArea, rag: rag(snapshot.rollup.goals[g.id] ?? 'no_data') })),
      nextDeadlines: deliverables
        .filter((d) => d.dueOn >= today && d.status !== 'delivered' && d.status !== 'cancelled')
        .slice(0, 10)
        .map((d) => ({ deliverableId: d.id, title: d.title, dueOn: d.dueOn, groupName: d.groupName, status: d.status, rag: rag(d.rag) })),
      overdue: snapshot.overdue.map((o) => ({
        key: o.key,
        kind: o.kind,
        deliverableId: o.kind === 'deliverable' ? o.key.slice('deliverable:'.length) : null,
        title: o.title,
        dueOn: o.dueOn,
        groupName: o.groupName,
        daysOverdue: o.daysOverdue,
      })),
      vacancies: composition.groups.flatMap((g) =>
        g.allocations.filter((a) => a.vacant > 0).map((a) => ({ groupId: g.id, groupName: g.name, organisation: a.organisation, vacant: a.vacant, seats: a.seats })),
      ),
      seats: summary.seats,
      filled: summary.filled,
      holdover: summary.holdover ?? 0,
      vacant: summary.vacant,
      lastReport: last ?? null,
      sinceLastReport: {
        hasPrevious: snapshot.diff.hasPrevious,
        new: snapshot.diff.new.map(change),
        changed: snapshot.diff.changed.map(change),
        completed: snapshot.diff.completed.map(change),
        newlyLate: snapshot.diff.newlyLate.map(change),
      },
    };
  }
}
