import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchema } from 'graphql';
import { DataSource, EntityMetadata } from 'typeorm';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  PlannedLevel,
  ReadPlanner,
  RequestContext,
  Selection,
  entityFromJson,
  groupByKeys,
  queryPrepared,
  jsonOfProperties,
  partialEntityFromJson,
  plannedProperties,
  primePlanned,
  selectedAt,
} from '@samverkan/core';
import { Commission, CommissionsService } from '@samverkan/commissions';
import { ORGANISATION_PLANNED, Organisation, OrganisationsService } from '@samverkan/organisations';
import { PERSON_PLANNED, PeopleService, Person } from '@samverkan/people';
import { WorkingGroup, WorkingGroupsService } from '@samverkan/working-groups';
import { SeatAllocation } from './allocations/seat-allocation.entity';
import { Seat } from './seat.entity';
import { OCCUPANCY_COLUMNS, OccupancyRow, SeatsService, occupancyOf } from './seats.service';
import { OCCUPANCY_PLANNED, SEAT_ALLOCATION_PLANNED, SEAT_PLANNED } from './seats.planned';

const EMPTY: Selection = new Map();

/**
 * The commission dashboard's read plan (issue 20): a commission's groups →
 * allocations → organisation → seats → who sits in them → person, fetched in
 * ONE statement, whatever the number of groups, instead of one statement per
 * level (six). The statement is chosen from what the operation selects below
 * `commission` (no allocations selected, none fetched) and returns each level as
 * a flat JSON array. A level comes with only the columns its selection needs
 * (`plannedProperties`: the plain columns selected and what the selected field
 * resolvers declare they read) and waits in a per-request store that only those
 * field resolvers consult (`primePlanned`/`plannedValue`); a level whose
 * selection holds a field nobody declared comes as whole rows and primes the
 * loaders the field resolvers already use (`ofCommission`, `allocationsOf`,
 * `seatsOf`, `occupancy`, the organisation and person loaders), which every
 * other caller shares. The resolvers, and any access rule they apply, run
 * unchanged; they just find their data loaded. Access to the
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
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The GraphQL schema (what decides whether a field is a plain column or a resolver): the API's, looked up once it is built. */
  private get schema(): GraphQLSchema {
    return (this.schemaCache ??= this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema);
  }
  private schemaCache?: GraphQLSchema;

  onModuleInit(): void {
    this.planner.register<{ id: string }>('Commission', (ctx, commissions, selection) => this.run(ctx, commissions, selection));
  }

  async run(ctx: RequestContext, commissions: readonly { id: string }[], selection: Selection): Promise<void> {
    const groups = selectedAt(selection, 'groups');
    if (!groups) return;
    const allocations = selectedAt(groups, 'allocations');
    const seats = allocations && selectedAt(allocations, 'seats');
    const sitting = seats && (seats.has('status') || seats.has('currentAppointment') || seats.has('currentSubstitute'));
    const personSelections = [selectedAt(seats ?? EMPTY, 'currentAppointment', 'person'), selectedAt(seats ?? EMPTY, 'currentSubstitute', 'person')];
    const people = sitting && personSelections.some(Boolean);
    const organisationSelections = [selectedAt(allocations ?? EMPTY, 'organisation'), selectedAt(allocations ?? EMPTY, 'nominatingOrganisation')];
    // Each level's columns: only those its selection needs (json_build_object), or the whole row (json_agg of the row)
    // when a selected field's needs are not declared (plannedProperties). Partial rows go to stores only the field
    // resolvers that asked for those columns consult (primePlanned); whole rows prime the shared loaders, as before.
    const schema = this.schema;
    const columnsOf = (level: PlannedLevel, ...selections: (Selection | undefined)[]) => {
      const metadata = this.dataSource.getMetadata(level.target);
      const union = new Set<string>();
      for (const at of selections) {
        if (!at) continue;
        const properties = plannedProperties(schema, metadata, level, at);
        if (!properties) return { metadata, properties: undefined };
        for (const p of properties) union.add(p);
      }
      return { metadata, properties: [...union].sort() };
    };
    const rowOf = (level: { metadata: EntityMetadata; properties?: string[] }, alias: string) =>
      level.properties ? jsonOfProperties(level.metadata, alias, level.properties) : alias;
    const allocationLevel = allocations && columnsOf(SEAT_ALLOCATION_PLANNED, allocations);
    const seatLevel = seats && columnsOf(SEAT_PLANNED, seats);
    const organisationLevel = organisationSelections.some(Boolean) ? columnsOf(ORGANISATION_PLANNED, ...organisationSelections) : undefined;
    const personLevel = people ? columnsOf(PERSON_PLANNED, ...personSelections) : undefined;
    // Who sits: the appointments' columns occupancyOf needs, and those selected below the seat's appointments
    // (`status` alone selects none of them).
    const occupancyLevel = sitting
      ? columnsOf(OCCUPANCY_PLANNED, seats!.has('status') ? EMPTY : undefined, selectedAt(seats!, 'currentAppointment'), selectedAt(seats!, 'currentSubstitute'))
      : undefined;

    const columns = [
      '(SELECT json_agg(c) FROM commission c WHERE c.id = ANY($1::uuid[])) AS commissions',
      '(SELECT json_agg(g ORDER BY g.commission_id, g.name) FROM g) AS groups',
    ];
    if (allocationLevel) columns.push(`(SELECT json_agg(${rowOf(allocationLevel, 'sa')} ORDER BY sa.created_at, sa.id) FROM sa) AS allocations`);
    if (organisationLevel) {
      columns.push(
        `(SELECT json_agg(${rowOf(organisationLevel, 'o')}) FROM organisation o
           WHERE o.id = ANY(ARRAY(SELECT organisation_id FROM sa UNION SELECT nominating_organisation_id FROM sa))) AS organisations`,
      );
    }
    if (seatLevel) columns.push(`(SELECT json_agg(${rowOf(seatLevel, 's')} ORDER BY s.number) FROM s) AS seats`);
    if (occupancyLevel) {
      const row = occupancyLevel.properties
        ? `${jsonOfProperties(occupancyLevel.metadata, 'occ', occupancyLevel.properties).slice(0, -1)}, 'holdover_allowed', occ.holdover_allowed, 'ended', occ.ended)`
        : 'occ';
      columns.push(`(SELECT json_agg(${row}) FROM occ) AS occupancy`);
    }
    if (personLevel) {
      // An id array probes the primary key: as a join (LATERAL flattened) PostgreSQL chose a hash join over
      // a scan of every person (20,000 rows in the benchmark, for ~200 sitting): 11–16 → 10 ms per statement.
      columns.push(`(SELECT json_agg(${rowOf(personLevel, 'p')}) FROM person p WHERE p.id = ANY(ARRAY(SELECT DISTINCT person_id FROM occ))) AS people`);
    }
    const [row]: {
      commissions: Record<string, unknown>[] | null;
      groups: Record<string, unknown>[] | null;
      allocations?: Record<string, unknown>[] | null;
      organisations?: Record<string, unknown>[] | null;
      seats?: Record<string, unknown>[] | null;
      occupancy?: OccupancyRow[] | null;
      people?: Record<string, unknown>[] | null;
    }[] = await queryPrepared(
      this.dataSource,
      // A CTE nobody selects is not computed: the columns above choose the levels. Prepared (queryPrepared): one
      // text per selection, planned once per connection (planning took 0.7–1.8 ms of a 6–13 ms statement).
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
    const partial = <T extends object>(target: new () => T, rows: Record<string, unknown>[] | null | undefined, properties: string[]) =>
      (rows ?? []).map((r) => partialEntityFromJson(this.dataSource, target, r, properties));

    this.commissions.prime(ctx, list(Commission, row.commissions));
    const groupList = list(WorkingGroup, row.groups);
    for (const c of commissions) this.groups.primeOfCommission(ctx, c.id, groupList.filter((g) => g.commissionId === c.id));
    if (organisationLevel?.properties) {
      const properties = organisationLevel.properties;
      primePlanned(ctx, ORGANISATION_PLANNED.store, properties, partial(Organisation, row.organisations, properties).map((o) => [o.id, o] as const));
    } else if (organisationLevel) {
      this.organisations.prime(ctx, list(Organisation, row.organisations));
    }
    if (personLevel?.properties) {
      const properties = personLevel.properties;
      primePlanned(ctx, PERSON_PLANNED.store, properties, partial(Person, row.people, properties).map((p) => [p.id, p] as const));
    } else if (personLevel) {
      this.people.prime(ctx, list(Person, row.people));
    }
    const groupIds = groupList.map((g) => g.id);
    const allocationList = allocationLevel
      ? allocationLevel.properties
        ? partial(SeatAllocation, row.allocations, allocationLevel.properties)
        : list(SeatAllocation, row.allocations)
      : undefined;
    const seatList = seatLevel ? (seatLevel.properties ? partial(Seat, row.seats, seatLevel.properties) : list(Seat, row.seats)) : undefined;
    if (allocationLevel?.properties && allocationList) {
      const byGroup = groupByKeys(groupIds, allocationList, (a) => a.workingGroupId);
      primePlanned(ctx, SEAT_ALLOCATION_PLANNED.store, allocationLevel.properties, groupIds.map((id, i) => [id, byGroup[i]] as const));
    }
    if (seatLevel?.properties && allocationList && seatList) {
      const ids = allocationList.map((a) => a.id);
      const byAllocation = groupByKeys(ids, seatList, (s) => s.allocationId);
      primePlanned(ctx, SEAT_PLANNED.store, seatLevel.properties, ids.map((id, i) => [id, byAllocation[i]] as const));
    }
    this.seats.primeTree(ctx, {
      groupIds,
      allocations: allocationLevel?.properties ? undefined : allocationList,
      seats: seatLevel?.properties ? undefined : seatList,
      seatIds: seatList?.map((s) => s.id),
      allocationIds: allocationList?.map((a) => a.id),
      occupancyRows: occupancyLevel && !occupancyLevel.properties ? (row.occupancy ?? []) : undefined,
    });
    if (occupancyLevel?.properties && seatList) {
      const ids = seatList.map((s) => s.id);
      const occupancies = occupancyOf(ids, row.occupancy ?? []);
      primePlanned(ctx, OCCUPANCY_PLANNED.store, occupancyLevel.properties, ids.map((id, i) => [id, occupancies[i]] as const));
    }
  }
}
