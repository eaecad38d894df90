import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadPlanner, RequestContext, Selection, entityFromJson, selectedAt } from '@samverkan/core';
import { Commission, CommissionsService } from '@samverkan/commissions';
import { Organisation, OrganisationsService } from '@samverkan/organisations';
import { PeopleService, Person } from '@samverkan/people';
import { WorkingGroup, WorkingGroupsService } from '@samverkan/working-groups';
import { SeatAllocation } from './allocations/seat-allocation.entity';
import { Seat } from './seat.entity';
import { OCCUPANCY_COLUMNS, OccupancyRow, SeatsService } from './seats.service';

/**
 * The commission dashboard's read plan (issue 20): a commission's groups →
 * allocations → organisation → seats → who sits in them → person, fetched in
 * ONE statement, whatever the number of groups, instead of one statement per
 * level (six). The statement is chosen from what the operation selects below
 * `commission` (no allocations selected, none fetched), returns each level as a
 * flat JSON array of whole rows, and primes the loaders the field resolvers
 * already use (`ofCommission`, `allocationsOf`, `seatsOf`, `occupancy`, the
 * organisation and person loaders). The resolvers, and any access rule they
 * apply, run unchanged; they just find their data loaded. Access to the
 * commission is decided by `CommissionsService.get` before the plan runs; the
 * plan brings the commission's row too, so `get` reads it from the loader.
 */
@Injectable()
export class CommissionTreePlan implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: ReadPlanner,
    private readonly groups: WorkingGroupsService,
    private readonly seats: SeatsService,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleService,
    private readonly commissions: CommissionsService,
  ) {}

  onModuleInit(): void {
    this.planner.register<{ id: string }>('Commission', (ctx, commissions, selection) => this.run(ctx, commissions, selection));
  }

  async run(ctx: RequestContext, commissions: readonly { id: string }[], selection: Selection): Promise<void> {
    const groups = selectedAt(selection, 'groups');
    if (!groups) return;
    const allocations = selectedAt(groups, 'allocations');
    const seats = allocations && selectedAt(allocations, 'seats');
    const sitting = seats && (seats.has('status') || seats.has('currentAppointment') || seats.has('currentSubstitute'));
    const people = sitting && (selectedAt(seats, 'currentAppointment', 'person') || selectedAt(seats, 'currentSubstitute', 'person'));
    const columns = [
      '(SELECT json_agg(c) FROM commission c WHERE c.id = ANY($1::uuid[])) AS commissions',
      '(SELECT json_agg(g ORDER BY g.commission_id, g.name) FROM g) AS groups',
    ];
    if (allocations) columns.push('(SELECT json_agg(sa ORDER BY sa.created_at, sa.id) FROM sa) AS allocations');
    if (allocations && (allocations.has('organisation') || allocations.has('nominatingOrganisation'))) {
      columns.push(
        `(SELECT json_agg(o) FROM organisation o
           WHERE o.id = ANY(ARRAY(SELECT organisation_id FROM sa UNION SELECT nominating_organisation_id FROM sa))) AS organisations`,
      );
    }
    if (seats) columns.push('(SELECT json_agg(s ORDER BY s.number) FROM s) AS seats');
    if (sitting) columns.push('(SELECT json_agg(occ) FROM occ) AS occupancy');
    if (people) {
      // An id array probes the primary key: as a join (LATERAL flattened) PostgreSQL chose a hash join over
      // a scan of every person (20,000 rows in the benchmark, for ~200 sitting): 11–16 → 10 ms per statement.
      columns.push(`(SELECT json_agg(p) FROM person p WHERE p.id = ANY(ARRAY(SELECT DISTINCT person_id FROM occ))) AS people`);
    }
    const [row]: {
      commissions: Record<string, unknown>[] | null;
      groups: Record<string, unknown>[] | null;
      allocations?: Record<string, unknown>[] | null;
      organisations?: Record<string, unknown>[] | null;
      seats?: Record<string, unknown>[] | null;
      occupancy?: OccupancyRow[] | null;
      people?: Record<string, unknown>[] | null;
    }[] = await this.dataSource.query(
      // A CTE nobody selects is not computed: the columns above choose the levels.
      `WITH g AS (SELECT * FROM working_group WHERE commission_id = ANY($1::uuid[])),
            sa AS (SELECT sa.* FROM g JOIN seat_allocation sa ON sa.working_group_id = g.id),
            s AS (SELECT s.* FROM sa JOIN seat s ON s.allocation_id = sa.id AND s.retired_at IS NULL),
            occ AS (
              SELECT ${OCCUPANCY_COLUMNS}
                FROM s
               CROSS JOIN (VALUES ('principal'), ('substitute')) AS k(kind)
                JOIN LATERAL (
                     SELECT a.* FROM appointment a
                      WHERE a.seat_id = s.id AND a.kind = k.kind AND a.starts_on <= current_date
                      ORDER BY a.starts_on DESC LIMIT 1) a ON true
                JOIN sa ON sa.id = s.allocation_id
                JOIN g ON g.id = sa.working_group_id)
       SELECT ${columns.join(',\n       ')}`,
      [commissions.map((c) => c.id)],
    );
    const list = <T extends object>(target: new () => T, rows: Record<string, unknown>[] | null | undefined) =>
      (rows ?? []).map((r) => entityFromJson(this.dataSource, target, r));

    this.commissions.prime(ctx, list(Commission, row.commissions));
    const groupList = list(WorkingGroup, row.groups);
    for (const c of commissions) this.groups.primeOfCommission(ctx, c.id, groupList.filter((g) => g.commissionId === c.id));
    if (row.organisations) this.organisations.prime(ctx, list(Organisation, row.organisations));
    if (row.people) this.people.prime(ctx, list(Person, row.people));
    const allocationList = allocations ? list(SeatAllocation, row.allocations) : undefined;
    const seatList = seats ? list(Seat, row.seats) : undefined;
    this.seats.primeTree(ctx, {
      groupIds: groupList.map((g) => g.id),
      allocations: allocationList,
      seats: seatList,
      occupancyRows: sitting ? (row.occupancy ?? []) : undefined,
    });
  }
}
