import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { GraphQLResolveInfo } from 'graphql';
import { DataSource, In, Repository } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { AuditService, NotFoundError, RequestContext, groupByKeys, inTransaction, oneByKeys, plannedValue } from '@samverkan/core';
import { OrganisationsService } from '@samverkan/organisations';
import { WorkingGroupsService } from '@samverkan/working-groups';
import './seats.messages';
import './seats.reminders';
import { SeatAllocation } from './allocations/seat-allocation.entity';
import { ChangeSeatCountInput, CreateSeatAllocationInput } from './allocations/seat-allocation.inputs';
import { Appointment } from './appointments/appointment.entity';
import { AppointmentStatus } from './appointments/appointment.types';
import { GenderBalance } from './balance/balance.types';
import { Seat } from './seat.entity';
import { OCCUPANCY_PLANNED, SEAT_ALLOCATION_PLANNED, SEAT_PLANNED } from './seats.planned';
import { SeatStatus } from './seat.types';

export interface Occupancy {
  status: SeatStatus;
  principal?: Appointment & { status: AppointmentStatus };
  substitute?: Appointment & { status: AppointmentStatus };
}

/**
 * A seat's latest-started appointment of one kind (`a`), with its group's rule
 * (`g.holdover_allowed`): what `occupancyOf` reads. Also selected by read plans.
 */
export const OCCUPANCY_COLUMNS = `a.id, a.seat_id, a.person_id, a.kind, a.starts_on::text, a.ends_on::text, a.term_number, a.nomination_id, a.ended_reason, a.created_at,
                  g.holdover_allowed, (a.ends_on IS NOT NULL AND a.ends_on < current_date) AS ended`;

export type OccupancyRow = Record<string, unknown> & { holdover_allowed: boolean; ended: boolean };

/** Each seat's occupancy (in the order of `ids`) from the latest appointment per seat and kind (`OCCUPANCY_COLUMNS`). */
export function occupancyOf(ids: readonly string[], rows: OccupancyRow[]): Occupancy[] {
  const bySeat = new Map<string, Occupancy>();
  for (const id of ids) bySeat.set(id, { status: SeatStatus.VACANT });
  for (const row of rows) {
    const appointment = toAppointment(row);
    const occupancy = bySeat.get(appointment.seatId);
    if (!occupancy) continue;
    // A term ended early (endAppointment: ended_reason set) ends on its last day: no holdover (libs/access `sittingSql`).
    const holdover = row.ended && appointment.kind === 'principal' && row.holdover_allowed && row.ended_reason == null;
    if (row.ended && !holdover) continue;
    const status = holdover ? AppointmentStatus.HOLDOVER : AppointmentStatus.CURRENT;
    if (appointment.kind === 'principal') {
      occupancy.principal = Object.assign(appointment, { status });
      occupancy.status = holdover ? SeatStatus.HOLDOVER : SeatStatus.FILLED;
    } else {
      occupancy.substitute = Object.assign(appointment, { status });
    }
  }
  return ids.map((id) => bySeat.get(id)!);
}

export interface SeatWithStatus extends Seat {
  status: SeatStatus;
  workingGroupId: string;
}

/**
 * Seat allocations per organisation, their seats, and who sits in them now.
 *
 * **A seat's status** on a day is one of three, the same in every field, list,
 * reminder, report and export:
 * - `FILLED`: a principal's term runs that day (started, and not ended or open-ended);
 * - `HOLDOVER`: no term runs, the seat's latest principal term has ended, and the
 *   group lets members hold over: that person sits on until a successor's term starts
 *   (not after a term ended early with `endAppointment`, which ends on its last day);
 * - `VACANT`: neither — nobody sits in the seat (never held, or the term ended in a
 *   group without holdover).
 *
 * "Vacant" means `VACANT` only: `vacantSeats`, `vacantCount`, the weekly `seat.vacant`
 * reminder and the reports' and CSV exports' `vacant` all count the same seats, and
 * `filledCount` + `holdoverCount` + `vacantCount` = the allocation's seats (a report:
 * filled + holdover + vacant = seats). Substitutes do not change a seat's status;
 * retired seats have none. A vacant seat is reminded to the secretariat only after its
 * nomination round has had its time (seats.reminders.ts).
 */
@Injectable()
export class SeatsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(SeatAllocation) private readonly allocations: Repository<SeatAllocation>,
    @InjectRepository(Seat) private readonly seats: Repository<Seat>,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly groups: WorkingGroupsService,
    private readonly organisations: OrganisationsService,
  ) {}

  async getAllocation(ctx: RequestContext, id: string, level: 'read' | 'manage' = 'read'): Promise<SeatAllocation & { commissionId: string }> {
    const allocation = await this.allocations.findOneBy({ id });
    if (!allocation) throw new NotFoundError('SeatAllocation', id);
    const group = await this.groups.get(ctx, allocation.workingGroupId, level);
    return Object.assign(allocation, { commissionId: group.commissionId });
  }

  loadAllocation(ctx: RequestContext, id: string): Promise<SeatAllocation | undefined> {
    return ctx.loader<string, SeatAllocation | undefined>('allocation.byId', async (ids) => oneByKeys(ids, await this.allocations.findBy({ id: In([...ids]) }), (a) => a.id)).load(id);
  }

  loadSeat(ctx: RequestContext, id: string): Promise<Seat | undefined> {
    return ctx.loader<string, Seat | undefined>('seat.byId', async (ids) => oneByKeys(ids, await this.seats.findBy({ id: In([...ids]) }), (s) => s.id)).load(id);
  }

  /** A field resolver passes its `info`: allocations a read plan fetched with the columns it selects answer it (`primePlanned`). */
  allocationsOf(ctx: RequestContext, groupId: string, info?: GraphQLResolveInfo): Promise<SeatAllocation[]> {
    const planned = plannedValue<SeatAllocation[]>(ctx, this.dataSource, SEAT_ALLOCATION_PLANNED, groupId, info);
    return planned ? Promise.resolve(planned) : this.allocationsOfGroup(ctx).load(groupId);
  }

  /** Active (not retired) seats of an allocation, by number. With `info`, as `allocationsOf`. */
  seatsOf(ctx: RequestContext, allocationId: string, info?: GraphQLResolveInfo): Promise<Seat[]> {
    const planned = plannedValue<Seat[]>(ctx, this.dataSource, SEAT_PLANNED, allocationId, info);
    return planned ? Promise.resolve(planned) : this.seatsOfAllocation(ctx).load(allocationId);
  }

  /**
   * Who holds a seat today: principal (current or holding over) and substitute. One statement per request.
   * A field resolver passes its `info`: what a read plan fetched with the columns it selects answers it (`primePlanned`).
   */
  occupancy(ctx: RequestContext, seatId: string, info?: GraphQLResolveInfo): Promise<Occupancy> {
    const planned = plannedValue<Occupancy>(ctx, this.dataSource, OCCUPANCY_PLANNED, seatId, info);
    return planned ? Promise.resolve(planned) : this.occupancyOfSeat(ctx).load(seatId);
  }

  /**
   * Hands `allocationsOf`, `seatsOf` and `occupancy` what a read plan fetched as whole
   * rows (commission-tree.plan.ts): each group's allocations and each allocation's seats
   * in the loaders' order, and the occupancy rows (`OCCUPANCY_COLUMNS`) of those seats.
   * Levels fetched with only some columns go to `primePlanned` instead, never here.
   */
  primeTree(
    ctx: RequestContext,
    tree: {
      groupIds?: string[];
      allocations?: SeatAllocation[];
      seats?: Seat[];
      /** The allocations' ids (in the order of the rows), when the plan keeps the allocations themselves apart (`primePlanned`). */
      allocationIds?: string[];
      /** The seats' ids when the plan keeps the seats themselves apart (`primePlanned`). */
      seatIds?: string[];
      occupancyRows?: OccupancyRow[];
    },
  ): void {
    if (tree.groupIds && tree.allocations) {
      const loader = this.allocationsOfGroup(ctx);
      groupByKeys(tree.groupIds, tree.allocations, (a) => a.workingGroupId).forEach((list, i) => loader.prime(tree.groupIds![i], list));
    }
    const allocationIds = tree.allocations?.map((a) => a.id) ?? tree.allocationIds;
    if (allocationIds && tree.seats) {
      const ids = allocationIds;
      const loader = this.seatsOfAllocation(ctx);
      groupByKeys(ids, tree.seats, (s) => s.allocationId).forEach((list, i) => loader.prime(ids[i], list));
    }
    const seatIds = tree.seats?.map((s) => s.id) ?? tree.seatIds;
    if (seatIds && tree.occupancyRows) {
      const loader = this.occupancyOfSeat(ctx);
      occupancyOf(seatIds, tree.occupancyRows).forEach((o, i) => loader.prime(seatIds[i], o));
    }
  }

  private allocationsOfGroup(ctx: RequestContext) {
    return ctx.loader<string, SeatAllocation[]>('group.allocations', async (ids) =>
      groupByKeys(ids, await this.allocations.find({ where: { workingGroupId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }), (a) => a.workingGroupId),
    );
  }

  private seatsOfAllocation(ctx: RequestContext) {
    return ctx.loader<string, Seat[]>('allocation.seats', async (ids) =>
      groupByKeys(
        ids,
        await this.seats.createQueryBuilder('s').where('s.allocation_id IN (:...ids)', { ids }).andWhere('s.retired_at IS NULL').orderBy('s.number').getMany(),
        (s) => s.allocationId,
      ),
    );
  }

  private occupancyOfSeat(ctx: RequestContext) {
    return ctx.loader<string, Occupancy>('seat.occupancy', async (ids) =>
      occupancyOf(
        ids,
        await this.dataSource.query(
          // The latest-started appointment per seat and kind, one index probe each
          // (LATERAL … LIMIT 1): a seat's past terms are never read. The benchmark's
          // national data set has ~20 past terms per seat; DISTINCT ON over all of
          // them took ~20 ms per dashboard, this takes ~4 ms (bench/README.md).
          `SELECT ${OCCUPANCY_COLUMNS}
             FROM unnest($1::uuid[]) AS q(seat_id)
            CROSS JOIN (VALUES ('principal'), ('substitute')) AS k(kind)
             JOIN LATERAL (
                  SELECT a.* FROM appointment a
                   WHERE a.seat_id = q.seat_id AND a.kind = k.kind AND a.starts_on <= current_date
                   ORDER BY a.starts_on DESC LIMIT 1) a ON true
             JOIN seat s ON s.id = a.seat_id
             JOIN seat_allocation sa ON sa.id = s.allocation_id
             JOIN working_group g ON g.id = sa.working_group_id`,
          [ids],
        ),
      ),
    );
  }

  async createAllocation(ctx: RequestContext, input: CreateSeatAllocationInput): Promise<SeatAllocation> {
    await this.groups.get(ctx, input.workingGroupId, 'manage');
    await this.organisations.requireAll([input.organisationId, input.nominatingOrganisationId ?? input.organisationId]);
    return inTransaction(this.dataSource, async (manager) => {
      const allocation = await manager.save(
        manager.create(SeatAllocation, { ...input, nominatingOrganisationId: input.nominatingOrganisationId ?? input.organisationId }),
      );
      await this.audit.record(manager, ctx, { entity: 'seat_allocation', entityId: allocation.id, action: 'create', after: allocation });
      return allocation;
    });
  }

  /** Raises or lowers the count; the database refuses a count below the seats filled. */
  async changeCount(ctx: RequestContext, input: ChangeSeatCountInput): Promise<SeatAllocation> {
    await this.getAllocation(ctx, input.allocationId, 'manage');
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(SeatAllocation, { where: { id: input.allocationId }, lock: { mode: 'pessimistic_write' } });
      await manager.update(SeatAllocation, { id: before.id }, { seatCount: input.seatCount });
      const after = { ...before, seatCount: input.seatCount };
      await this.audit.record(manager, ctx, { entity: 'seat_allocation', entityId: before.id, action: 'change-count', before: { seatCount: before.seatCount }, after: { seatCount: input.seatCount } });
      return after;
    });
  }

  /** How many of an allocation's seats are filled, held over and vacant (from `occupancy`: no statement of its own). */
  async statusCounts(ctx: RequestContext, allocationId: string): Promise<Record<SeatStatus, number>> {
    const seats = await this.seatsOf(ctx, allocationId);
    const counts = { [SeatStatus.FILLED]: 0, [SeatStatus.HOLDOVER]: 0, [SeatStatus.VACANT]: 0 };
    for (const occupancy of await Promise.all(seats.map((s) => this.occupancy(ctx, s.id)))) counts[occupancy.status] += 1;
    return counts;
  }

  /**
   * Vacant seats (status VACANT: nobody sits in them, holdovers are not vacant) of
   * one group or of a whole commission, leaving out groups that have concluded.
   */
  async vacantSeats(ctx: RequestContext, scope: { commissionId?: string; workingGroupId?: string }): Promise<SeatWithStatus[]> {
    const rows: { id: string; allocation_id: string; number: number; working_group_id: string }[] = await this.dataSource.query(
      // The seat's latest principal term that has started (as in `occupancy`): none,
      // or ended in a group without holdover, is vacant.
      `SELECT s.id, s.allocation_id, s.number, sa.working_group_id
         FROM seat s
         JOIN seat_allocation sa ON sa.id = s.allocation_id
         JOIN working_group g ON g.id = sa.working_group_id
         LEFT JOIN LATERAL (
              SELECT a.id, a.ends_on, a.ended_reason FROM appointment a
               WHERE a.seat_id = s.id AND a.kind = 'principal' AND a.starts_on <= current_date
               ORDER BY a.starts_on DESC LIMIT 1) lp ON true
        WHERE s.retired_at IS NULL
          AND ($1::uuid IS NULL OR g.commission_id = $1)
          AND ($2::uuid IS NULL OR g.id = $2)
          AND g.status <> 'concluded'
          AND (lp.id IS NULL OR (lp.ends_on < current_date AND (NOT g.holdover_allowed OR lp.ended_reason IS NOT NULL)))
        ORDER BY g.name, sa.created_at, s.number`,
      [scope.commissionId ?? null, scope.workingGroupId ?? null],
    );
    return rows.map((row) =>
      Object.assign(new Seat(), {
        id: row.id,
        allocationId: row.allocation_id,
        number: row.number,
        retiredAt: null,
        workingGroupId: row.working_group_id,
        status: SeatStatus.VACANT,
      }),
    );
  }

  /** Gender balance of the current principal members of a group. */
  async balance(groupId: string): Promise<GenderBalance> {
    const [row]: { women: number; men: number; other: number; not_stated: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE p.gender = 'woman')::int AS women,
              count(*) FILTER (WHERE p.gender = 'man')::int AS men,
              count(*) FILTER (WHERE p.gender = 'other')::int AS other,
              count(*) FILTER (WHERE p.gender IS NULL)::int AS not_stated
         FROM appointment a
         JOIN person p ON p.id = a.person_id
         JOIN seat s ON s.id = a.seat_id
         JOIN seat_allocation sa ON sa.id = s.allocation_id
        WHERE sa.working_group_id = $1 AND a.kind = 'principal'
          AND a.starts_on <= current_date AND (a.ends_on IS NULL OR a.ends_on >= current_date)`,
      [groupId],
    );
    return toBalance(row.women, row.men, row.other, row.not_stated);
  }
}

export function toBalance(women: number, men: number, other: number, notStated: number): GenderBalance {
  return { women, men, other, notStated, shareWomen: women + men > 0 ? Math.round((women / (women + men)) * 1000) / 1000 : null };
}

export function toAppointment(row: Record<string, unknown>): Appointment {
  return Object.assign(new Appointment(), {
    id: row.id,
    seatId: row.seat_id,
    personId: row.person_id,
    kind: row.kind,
    startsOn: row.starts_on,
    endsOn: row.ends_on ?? null,
    termNumber: row.term_number,
    nominationId: row.nomination_id ?? null,
    endedReason: row.ended_reason ?? null,
    createdAt: typeof row.created_at === 'string' ? new Date(row.created_at) : row.created_at,
  });
}
