import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { AuditService, ConflictError, NotFoundError, RequestContext, csvDocument, enumLabel, inTransaction, oneByKeys } from '@samverkan/core';
import { MailOutbox, MailType, OutboxService } from '@samverkan/mail';
import { MailLinkService } from '@samverkan/mail-actions';
import { OrganisationsService } from '@samverkan/organisations';
import { PeopleService, Person } from '@samverkan/people';
import { WorkingGroupsService } from '@samverkan/working-groups';
import { SeatAllocation } from '../allocations/seat-allocation.entity';
import { Appointment } from '../appointments/appointment.entity';
import { NominationRequest, NominationRequestStatus } from '../nominations/nomination-request.entity';
import { NOMINATION_REPLY, loadNominationSubject } from '../nominations/nomination-subject';
import { nominationRequestTemplate } from '../nominations/nominations.mails';
import { SeatsService, toAppointment } from '../seats.service';
import { CSV_HEADERS, NO, YES } from './seat-grid.messages';

/** Days before a term's end when the grid and its CSV call it "ending" (as the term-ending reminder's first mail). */
export const ENDING_WITHIN_DAYS = 60;

/** The dedupe key of the n-th reminder of a nomination request (n from 1): one mail per press of the button. */
export const reminderKey = (requestId: string, n: number) => `nomination-reminder:${requestId}:${n}`;

/**
 * What the secretariat's seat pages need beyond the seats area's core: one
 * allocation by id, every appointment of a seat (the history), a request's contact,
 * its mails and reminders, the reminder button, the vacancy notice an ended term
 * sent, and the grid as CSV. Each list field is one statement per request (a
 * DataLoader over the parents' ids).
 */
@Injectable()
export class SeatGridService {
  private readonly logger = new Logger(SeatGridService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: SeatsService,
    private readonly groups: WorkingGroupsService,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly links: MailLinkService,
  ) {}

  /** One allocation, for anyone who may read its group (its nomination requests stay the secretariat's). */
  allocation(ctx: RequestContext, id: string): Promise<SeatAllocation> {
    return this.seats.getAllocation(ctx, id, 'read');
  }

  /**
   * Requires the secretariat of a seat's group, from loaders only (seat, allocation,
   * group, the actor's roles): a check per seat or appointment in a list adds no statement.
   */
  async requireManageSeat(ctx: RequestContext, seatId: string): Promise<void> {
    const seat = await this.seats.loadSeat(ctx, seatId);
    if (!seat) throw new NotFoundError('Seat', seatId);
    await this.requireManageAllocation(ctx, seat.allocationId);
  }

  /** The same for an allocation (a nomination request's mails: its contact reads the request, not the secretariat's mail log). */
  async requireManageAllocation(ctx: RequestContext, allocationId: string): Promise<void> {
    const allocation = await this.seats.loadAllocation(ctx, allocationId);
    if (!allocation) throw new NotFoundError('SeatAllocation', allocationId);
    await this.groups.get(ctx, allocation.workingGroupId, 'manage');
  }

  /**
   * Every appointment of a seat, principals first, newest first; the one sitting now
   * carries the seat's own status (CURRENT or HOLDOVER, as `occupancy` decides), so
   * a principal holding over is not shown as ended.
   */
  async history(ctx: RequestContext, seatId: string): Promise<Appointment[]> {
    const [list, occupancy] = await Promise.all([this.allOf(ctx, seatId), this.seats.occupancy(ctx, seatId)]);
    const sitting = new Map([occupancy.principal, occupancy.substitute].filter((a) => !!a).map((a) => [a!.id, a!.status]));
    return list.map((a) => (sitting.has(a.id) ? Object.assign(Object.create(Object.getPrototypeOf(a)), a, { status: sitting.get(a.id) }) : a));
  }

  private allOf(ctx: RequestContext, seatId: string): Promise<Appointment[]> {
    return ctx
      .loader<string, Appointment[]>('seat.history', async (ids) => {
        const rows: Record<string, unknown>[] = await this.dataSource.query(
          `SELECT id, seat_id, person_id, kind, starts_on::text, ends_on::text, term_number, nomination_id, ended_reason, created_at
             FROM appointment WHERE seat_id = ANY($1::uuid[]) ORDER BY kind, starts_on DESC, id`,
          [ids],
        );
        const list = rows.map(toAppointment);
        return ids.map((id) => list.filter((a) => a.seatId === id));
      })
      .load(seatId);
  }

  contact(ctx: RequestContext, request: NominationRequest): Promise<Person | undefined> | null {
    return request.contactPersonId ? this.people.load(ctx, request.contactPersonId) : null;
  }

  /** The request's own mail and each reminder, oldest first (the secretariat of its group). */
  async mailsOf(ctx: RequestContext, request: NominationRequest): Promise<MailType[]> {
    await this.requireManageAllocation(ctx, request.allocationId);
    const requestId = request.id;
    return ctx
      .loader<string, MailType[]>('nomination-request.mails', async (ids) => {
        const keys = ids.map((id) => `nomination-request:${id}`);
        const patterns = ids.map((id) => `nomination-reminder:${id}:%`);
        const rows = await this.dataSource
          .getRepository(MailOutbox)
          .createQueryBuilder('m')
          .where('m.dedupe_key = ANY(:keys) OR m.dedupe_key LIKE ANY(:patterns)', { keys, patterns })
          .orderBy('m.created_at', 'ASC')
          .addOrderBy('m.id', 'ASC')
          .getMany();
        return ids.map((id) => rows.filter((m) => m.dedupeKey === `nomination-request:${id}` || m.dedupeKey.startsWith(`nomination-reminder:${id}:`)).map(MailType.from));
      })
      .load(requestId);
  }

  /** The mail that told the nominating organisation's contact that the seat of an ended term falls vacant. */
  vacancyNotice(ctx: RequestContext, appointment: Appointment): Promise<MailType | null> {
    if (appointment.kind !== 'principal' || !appointment.endsOn) return Promise.resolve(null);
    const key = `seat.vacancy:${appointment.id}:${appointment.endsOn}`;
    return ctx
      .loader<string, MailType | null>('appointment.vacancy-notice', async (keys) => {
        const rows = await this.dataSource.getRepository(MailOutbox).createQueryBuilder('m').where('m.dedupe_key = ANY(:keys)', { keys }).getMany();
        return oneByKeys(keys, rows, (m) => m.dedupeKey).map((m) => (m ? MailType.from(m) : null));
      })
      .load(key);
  }

  /**
   * Sends the request's contact a reminder now: one mail per call (its dedupe key
   * counts the reminders, so two presses send two mails and a retried request
   * cannot send a third), recorded in the audit trail and the mail log.
   */
  async remind(ctx: RequestContext, requestId: string): Promise<NominationRequest> {
    const request = await this.dataSource.getRepository(NominationRequest).findOneBy({ id: requestId });
    if (!request) throw new NotFoundError('NominationRequest', requestId);
    await this.seats.getAllocation(ctx, request.allocationId, 'manage');
    const { locked, outboxId } = await inTransaction(this.dataSource, async (manager) => {
      const locked = await manager.findOneOrFail(NominationRequest, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
      if (locked.status !== NominationRequestStatus.SENT) throw new ConflictError('seats.requestClosed');
      const subject = await loadNominationSubject(manager, requestId);
      const contact = subject?.contactPersonId ? await manager.findOneBy(Person, { id: subject.contactPersonId }) : null;
      if (!subject || !contact?.email || contact.erasedAt) throw new ConflictError('seats.noContact', {}, { requestId });
      const [{ sent }]: { sent: number }[] = await manager.query(`SELECT count(*)::int AS sent FROM mail_outbox WHERE dedupe_key LIKE $1`, [`nomination-reminder:${requestId}:%`]);
      const nominateUrl = await this.links.url(manager, NOMINATION_REPLY, contact.id, requestId);
      const { id } = await this.outbox.enqueue(manager, {
        template: nominationRequestTemplate,
        props: { subject, nominateUrl, reminder: { sentAt: new Date(locked.sentAt).toISOString() } },
        recipient: { personId: contact.id, address: contact.email, name: contact.fullName, locale: contact.locale, timeZone: contact.timeZone },
        dedupeKey: reminderKey(requestId, sent + 1),
        commissionId: subject.commissionId,
      });
      await this.audit.record(manager, ctx, { entity: 'nomination_request', entityId: requestId, action: 'remind', after: { reminder: sent + 1, mailId: id } });
      return { locked, outboxId: id };
    });
    await this.outbox.dispatch([outboxId]).catch((error) => this.logger.warn(`Mail ${outboxId} left for the sweep: ${String(error)}`));
    return locked;
  }

  /**
   * The seat grid as CSV for Excel in Sweden and Denmark: UTF-8 with BOM and `;`
   * between cells (the list separator of sv and da Windows, so a double-click opens
   * it in columns), one row per seat, labels in the reader's language. Gender only
   * where the reader may see it (as the Person.gender field).
   */
  async csv(ctx: RequestContext, groupId: string): Promise<{ name: string; body: string }> {
    const group = await this.groups.get(ctx, groupId, 'oversee');
    const locale = ctx.locale;
    const today = new Date().toISOString().slice(0, 10);
    const limit = new Date(Date.now() + ENDING_WITHIN_DAYS * 86_400_000).toISOString().slice(0, 10);
    const allocations = await this.seats.allocationsOf(ctx, groupId);
    // Every level in Promise.all, so each loader sees all the group's seats at once: statements do not grow with the grid.
    const perAllocation = await Promise.all(
      allocations.map(async (a) => {
        const [organisation, nominating, seats] = await Promise.all([this.organisations.load(ctx, a.organisationId), this.organisations.load(ctx, a.nominatingOrganisationId), this.seats.seatsOf(ctx, a.id)]);
        return Promise.all(
          seats.map(async (seat): Promise<(string | number | null)[]> => {
            const occupancy = await this.seats.occupancy(ctx, seat.id);
            const p = occupancy.principal;
            const s = occupancy.substitute;
            const [principal, substitute] = await Promise.all([p ? this.person(ctx, p.personId) : null, s ? this.person(ctx, s.personId) : null]);
            const ending = occupancy.status === 'filled' && !!p?.endsOn && p.endsOn >= today && p.endsOn <= limit;
            return [
              organisation?.name ?? '',
              nominating?.name ?? '',
              seat.number,
              enumLabel('SeatRole', a.role.toUpperCase(), locale),
              a.requiredPerspective,
              enumLabel('SeatStatus', occupancy.status.toUpperCase(), locale),
              (ending ? YES : NO)[locale],
              principal?.name ?? null,
              principal?.gender ? enumLabel('Gender', principal.gender.toUpperCase(), locale) : null,
              p?.startsOn ?? null,
              p?.endsOn ?? null,
              p?.termNumber ?? null,
              substitute?.name ?? null,
              substitute?.gender ? enumLabel('Gender', substitute.gender.toUpperCase(), locale) : null,
            ];
          }),
        );
      }),
    );
    const lines = perAllocation.flat();
    const headers = Object.values(CSV_HEADERS).map((h) => h[locale]);
    const slug = group.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'group';
    return { name: `seats-${slug}.csv`, body: csvDocument([headers, ...lines], { separator: ';' }) };
  }

  private async person(ctx: RequestContext, id: string): Promise<{ name: string; gender: string | null } | null> {
    const person = await this.people.load(ctx, id);
    if (!person) return null;
    const visible = await this.access.privateDataVisible(ctx, id);
    return { name: person.erasedAt ? `– ${id.slice(0, 8)}` : person.fullName, gender: visible ? person.gender : null };
  }
}
