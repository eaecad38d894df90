import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DateTime } from 'luxon';
import { AccessService } from '@samverkan/access';
import { NotFoundError, RequestContext } from '@samverkan/core';
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
 * live and never stored. A fixed number of statements however many groups
 * (the sections are set-based), in one repeatable-read transaction so the figures
 * agree with each other.
 */
@Injectable()
export class CommissionOverviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reports: ReportsService,
  ) {}

  async overview(ctx: RequestContext, commissionId: string): Promise<CommissionOverview> {
    await this.access.require(ctx, commissionId, 'oversee');
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [commission]: { starts_on: string; today: string }[] = await manager.query(
        `SELECT starts_on::text, (now() AT TIME ZONE time_zone)::date::text AS today FROM commission WHERE id = $1`,
        [commissionId],
      );
      if (!commission) throw new NotFoundError('Commission', commissionId);
      const last = await manager
        .getRepository(StatusReport)
        .createQueryBuilder('r')
        .addSelect('r.snapshot')
        .where('r.commission_id = :commissionId', { commissionId })
        .orderBy('r.period_end', 'DESC')
        .addOrderBy('r.compiled_at', 'DESC')
        .addOrderBy('r.id', 'DESC')
        .limit(1)
        .getOne();
      const today = commission.today;
      // The "period" of a live view: from the day after the last report's period up to today.
      const after = last ? DateTime.fromISO(last.periodEnd).plus({ days: 1 }).toISODate()! : commission.starts_on;
      const start = after <= today ? after : today;
      const previousItems: TrackedItem[] | undefined = last?.snapshot ? expandSnapshot(last.snapshot).items : undefined;
      const { snapshot, summary } = await this.reports.compileLive(manager, {
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
      if (last) delete last.snapshot;
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
    });
  }
}
