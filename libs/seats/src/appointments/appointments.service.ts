import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DateTime } from 'luxon';
import { AccessService } from '@samverkan/access';
import { AuditService, BadInputError, ConflictError, NotFoundError, RequestContext, inTransaction } from '@samverkan/core';
import { OrganisationsService } from '@samverkan/organisations';
import { PeopleService } from '@samverkan/people';
import { SeatAllocation } from '../allocations/seat-allocation.entity';
import { NominationsService } from '../nominations/nominations.service';
import { SeatsService, toAppointment } from '../seats.service';
import { Appointment, AppointmentKind } from './appointment.entity';
import { AppointInput, EndAppointmentInput } from './appointment.inputs';
import { AppointmentStatus } from './appointment.types';

/** Appointing people to seats for a term, ending terms, and who serves how long. */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: SeatsService,
    private readonly people: PeopleService,
    private readonly organisations: OrganisationsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly nominations: NominationsService,
  ) {}

  /**
   * Appoints a person to a seat (or the first vacant seat of an allocation). The
   * exclusion constraint decides races: of many appointments to the last seat,
   * exactly one commits and the rest get CONFLICT naming the seat.
   */
  async appoint(ctx: RequestContext, input: AppointInput): Promise<Appointment> {
    if (!!input.seatId === !!input.allocationId) throw new BadInputError('seats.seatOrAllocation');
    if (input.endsOn && input.endsOn < input.startsOn) throw new BadInputError('seats.endBeforeStart');
    let allocationId = input.allocationId;
    if (input.seatId) {
      const seat = await this.seats.loadSeat(ctx, input.seatId);
      if (!seat) throw new NotFoundError('Seat', input.seatId);
      allocationId = seat.allocationId;
    }
    const allocation = await this.seats.getAllocation(ctx, allocationId!, 'manage');
    const person = await this.people.get(input.personId);
    const organisation = await this.organisations.get(allocation.organisationId);
    const endsOn =
      input.endsOn ??
      (allocation.termMonths && input.kind === AppointmentKind.PRINCIPAL
        ? DateTime.fromISO(input.startsOn).plus({ months: allocation.termMonths }).minus({ days: 1 }).toISODate()
        : null);
    return inTransaction(this.dataSource, async (manager) => {
      const seatId = input.seatId ?? (await this.firstVacantSeat(manager, allocation, input.kind, input.startsOn, endsOn, organisation.name));
      const termNumber = input.kind === AppointmentKind.PRINCIPAL ? await this.nextTerm(manager, allocation, person.id, person.fullName, input.startsOn) : 1;
      let appointment: Appointment;
      try {
        appointment = await manager.save(
          manager.create(Appointment, {
            seatId,
            personId: person.id,
            kind: input.kind,
            startsOn: input.startsOn,
            endsOn,
            termNumber,
            nominationId: input.nominationId ?? null,
          }),
        );
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'appointment_one_holder_per_seat') {
          const [{ number }] = await this.dataSource.query(`SELECT number FROM seat WHERE id = $1`, [seatId]);
          throw new ConflictError('seats.seatTaken', { seat: `${organisation.name} ${number}` }, { seatId });
        }
        throw error;
      }
      await this.audit.record(manager, ctx, { entity: 'appointment', entityId: appointment.id, action: 'appoint', after: appointment });
      return appointment;
    });
  }

  async end(ctx: RequestContext, input: EndAppointmentInput): Promise<Appointment> {
    const existing = await this.dataSource.getRepository(Appointment).findOneBy({ id: input.appointmentId });
    if (!existing) throw new NotFoundError('Appointment', input.appointmentId);
    const seat = await this.seats.loadSeat(ctx, existing.seatId);
    await this.seats.getAllocation(ctx, seat!.allocationId, 'manage');
    if (input.endsOn < existing.startsOn) throw new BadInputError('seats.endBeforeStart');
    const { after, outboxId } = await inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(Appointment, { where: { id: input.appointmentId }, lock: { mode: 'pessimistic_write' } });
      const after = await manager.save(Appointment, { ...before, endsOn: input.endsOn, endedReason: input.reason.trim() });
      await this.audit.record(manager, ctx, { entity: 'appointment', entityId: before.id, action: 'end', before, after });
      return { after, outboxId: await this.noticeVacancy(manager, ctx, after) };
    });
    await this.nominations.dispatch(outboxId);
    return after;
  }

  /** A principal leaves and nobody follows: the nominating organisation is asked for a name (same transaction). */
  private async noticeVacancy(manager: EntityManager, ctx: RequestContext, ended: Appointment): Promise<string | undefined> {
    if (ended.kind !== AppointmentKind.PRINCIPAL || !ended.endsOn) return undefined;
    const [seat]: { allocation_id: string; number: number; organisation: string; successor: boolean }[] = await manager.query(
      `SELECT s.allocation_id, s.number, o.name AS organisation,
              EXISTS (SELECT 1 FROM appointment n WHERE n.seat_id = s.id AND n.kind = 'principal' AND n.id <> $2 AND n.starts_on > $3::date) AS successor
         FROM seat s JOIN seat_allocation sa ON sa.id = s.allocation_id JOIN organisation o ON o.id = sa.organisation_id
        WHERE s.id = $1 AND s.retired_at IS NULL`,
      [ended.seatId, ended.id, ended.endsOn],
    );
    if (!seat || seat.successor) return undefined;
    const from = DateTime.fromISO(ended.endsOn).plus({ days: 1 }).toISODate()!;
    return this.nominations.noticeVacancy(manager, ctx, {
      allocationId: seat.allocation_id,
      seat: `${seat.organisation} ${seat.number}`,
      from,
      dedupeKey: `seat.vacancy:${ended.id}:${ended.endsOn}`,
    });
  }

  /** Principal appointments in a commission that end within `days` days. */
  async endingWithin(ctx: RequestContext, commissionId: string, days: number): Promise<Appointment[]> {
    await this.access.require(ctx, commissionId, 'oversee');
    const rows = await this.dataSource.query(
      `SELECT a.id, a.seat_id, a.person_id, a.kind, a.starts_on::text, a.ends_on::text, a.term_number, a.nomination_id, a.ended_reason, a.created_at
         FROM appointment a
         JOIN seat s ON s.id = a.seat_id
         JOIN seat_allocation sa ON sa.id = s.allocation_id
         JOIN working_group g ON g.id = sa.working_group_id
        WHERE g.commission_id = $1 AND a.kind = 'principal'
          AND a.ends_on BETWEEN current_date AND current_date + $2::int
        ORDER BY a.ends_on, a.id`,
      [commissionId, days],
    );
    return rows.map(toAppointment);
  }

  /** Days a person has served in principal seats, up to today. */
  async timeServed(personId: string): Promise<{ days: number; appointments: number }> {
    const [row]: { days: number; appointments: number }[] = await this.dataSource.query(
      `SELECT coalesce(sum(least(coalesce(ends_on, current_date), current_date) - starts_on + 1) FILTER (WHERE starts_on <= current_date), 0)::int AS days,
              count(*)::int AS appointments
         FROM appointment WHERE person_id = $1 AND kind = 'principal'`,
      [personId],
    );
    return row;
  }

  appointmentsOfPerson(ctx: RequestContext, personId: string): Promise<Appointment[]> {
    return ctx
      .loader<string, Appointment[]>('person.appointments', async (ids) => {
        const rows: Record<string, unknown>[] = await this.dataSource.query(
          `SELECT id, seat_id, person_id, kind, starts_on::text, ends_on::text, term_number, nomination_id, ended_reason, created_at
             FROM appointment WHERE person_id = ANY($1) ORDER BY starts_on DESC`,
          [ids],
        );
        const list = rows.map(toAppointment);
        return ids.map((id) => list.filter((a) => a.personId === id));
      })
      .load(personId);
  }

  statusOf(appointment: Appointment, holdoverAllowed = false): AppointmentStatus {
    const today = DateTime.now().toISODate()!;
    if (appointment.startsOn > today) return AppointmentStatus.FUTURE;
    if (!appointment.endsOn || appointment.endsOn >= today) return AppointmentStatus.CURRENT;
    return holdoverAllowed ? AppointmentStatus.HOLDOVER : AppointmentStatus.ENDED;
  }

  private async firstVacantSeat(
    manager: EntityManager,
    allocation: SeatAllocation,
    kind: AppointmentKind,
    startsOn: string,
    endsOn: string | null,
    organisationName: string,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `SELECT s.id FROM seat s
        WHERE s.allocation_id = $1 AND s.retired_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM appointment a
                           WHERE a.seat_id = s.id AND a.kind = $2
                             AND daterange(a.starts_on, a.ends_on, '[]') && daterange($3::date, $4::date, '[]'))
          AND ($2 = 'principal' OR EXISTS (SELECT 1 FROM appointment p
                           WHERE p.seat_id = s.id AND p.kind = 'principal'
                             AND daterange(p.starts_on, p.ends_on, '[]') && daterange($3::date, $4::date, '[]')))
        ORDER BY s.number LIMIT 1`,
      [allocation.id, kind, startsOn, endsOn],
    );
    if (rows.length === 0) throw new ConflictError('seats.noVacantSeat', { organisation: organisationName }, { allocationId: allocation.id });
    return rows[0].id;
  }

  /** The term number of a new principal appointment; refuses one over the allocation's limit. */
  private async nextTerm(manager: EntityManager, allocation: SeatAllocation, personId: string, name: string, startsOn: string): Promise<number> {
    const previous: { starts_on: string; ends_on: string | null }[] = await manager.query(
      `SELECT a.starts_on::text, a.ends_on::text FROM appointment a JOIN seat s ON s.id = a.seat_id
        WHERE s.allocation_id = $1 AND a.person_id = $2 AND a.kind = 'principal' AND a.starts_on < $3
        ORDER BY a.starts_on DESC`,
      [allocation.id, personId, startsOn],
    );
    let chain = 0;
    let nextStart = DateTime.fromISO(startsOn);
    for (const term of previous) {
      if (!term.ends_on) break;
      const gapDays = nextStart.diff(DateTime.fromISO(term.ends_on), 'days').days;
      if (gapDays > 1) break;
      chain += 1;
      nextStart = DateTime.fromISO(term.starts_on);
    }
    if (allocation.maxConsecutiveTerms && chain >= allocation.maxConsecutiveTerms) {
      throw new ConflictError('seats.termLimit', { person: name, terms: chain }, { personId });
    }
    return chain + 1;
  }
}
