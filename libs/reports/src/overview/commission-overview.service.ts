import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DateTime } from 'luxon';
import { AccessService } from '@samverkan/access';
import { entityFromJson, NotFoundError, queryPrepared, RequestContext, Selection } from '@samverkan/core';
import type { TrackedItem } from '../diff';
import type { DeliverablesSection } from '../sections/deliverables.section';
import { expandSnapshot } from '../snapshot-store';
import { RagValue, StatusReport } from '../status-report.entity';
import { ReportsService } from '../reports.service';
import type { CommissionOverview } from './commission-overview.types';

/**
 * The commissioner's home: the commission as a status report would show it today —
 * the same sections, RAG roll-up and diff (against the newest report) as
 * `compileSnapshot`, so RAG, late and vacant have one definition — but compiled
 * live and never stored. Two statements however many groups: the commission's day
 * with its newest report, then every section's SQL as one statement (one snapshot of
 * the database, so the figures agree with each other without a transaction), leaving
 * out what the overview does not show (`live`: the period's activity, meetings,
 * decisions, deadline moves). The newest report's snapshot is read only when the
 * changes since it (`sinceLastReport`) are asked for.
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
    // Both statements are fixed texts (values are parameters), prepared once per connection: planning
    // the sections' statement cost as much as running it for a small commission.
    const q = { query: (sql: string, params?: unknown[]) => queryPrepared(this.dataSource, sql, params) };
    const [commission]: { starts_on: string; today: string; last: Record<string, unknown> | null; snapshot: unknown }[] = await q.query(
      `SELECT c.starts_on::text, (now() AT TIME ZONE c.time_zone)::date::text AS today,
              CASE WHEN r.id IS NULL THEN NULL ELSE to_json(r) END AS last,
              ${withDiff ? '(SELECT s.snapshot FROM status_report s WHERE s.id = r.id)' : 'NULL'} AS snapshot
         FROM commission c
         LEFT JOIN LATERAL (SELECT ${columns} FROM status_report r WHERE r.commission_id = c.id
                             ORDER BY r.period_end DESC, r.compiled_at DESC, r.id DESC LIMIT 1) r ON true
        WHERE c.id = $1`,
      [commissionId],
    );
    if (!commission) throw new NotFoundError('Commission', commissionId);
    const last = commission.last ? entityFromJson(this.dataSource, StatusReport, commission.last) : null;
    const today = commission.today;
    // The "period" of a live view: from the day after the last report's period up to today.
    const after = last ? DateTime.fromISO(last.periodEnd).plus({ days: 1 }).toISODate()! : commission.starts_on;
    const start = after <= today ? after : today;
    const previousItems: TrackedItem[] | undefined = last && commission.snapshot ? expandSnapshot(commission.snapshot).items : undefined;
    {
      const { snapshot, summary } = await this.reports.compileLive(q, {
        commissionId,
        period: { key: `${start}..${today}`, start, end: today, cadence: 'custom' },
        asOf: today,
        kind: 'on_demand',
        previous: last && previousItems ? { id: last.id, items: previousItems } : undefined,
      });
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
}
