import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ICalCalendarMethod } from 'ical-generator';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig, AuditService, BadInputError, ConflictError, NotFoundError, RateLimitedError, RequestContext, Translated, csvDocument, enumLabel, groupByKeys, hashSecret, inTransaction, publicUrl } from '@samverkan/core';
import { OutboxService, mailPaths, mailUrl } from '@samverkan/mail';
import { calendarFor } from '../calendar/meeting-ical';
import { meetingMailTemplate } from '../meeting-mail.templates';
import { MeetingNotifier, toLocale } from '../meeting-notifier.service';
import { Meeting, MeetingStatus } from '../meeting.entity';
import { MeetingsService } from '../meetings.service';
import { Registration, RegistrationStatus } from './registration.entity';
import { RegisterForEventInput } from './registration.inputs';
import { RegistrationResult } from './registration.types';

/**
 * Registrations for open events (a webinar presenting a report): no account,
 * up to the capacity, then a waitlist promoted in order when someone cancels.
 * Each decision happens under a lock on the meeting row, and a trigger refuses
 * a confirmation over capacity whatever the code does.
 */
const REGISTRATION_CSV_HEADERS = {
  name: { sv: 'Namn', da: 'Navn', en: 'Name' },
  email: { sv: 'E-post', da: 'E-mail', en: 'E-mail' },
  organisation: { sv: 'Organisation', da: 'Organisation', en: 'Organisation' },
  status: { sv: 'Status', da: 'Status', en: 'Status' },
  registered: { sv: 'Anmäld (UTC)', da: 'Tilmeldt (UTC)', en: 'Registered (UTC)' },
  confirmed: { sv: 'Bekräftad (UTC)', da: 'Bekræftet (UTC)', en: 'Confirmed (UTC)' },
} satisfies Record<string, Translated>;

@Injectable()
export class RegistrationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly meetings: MeetingsService,
    private readonly notifier: MeetingNotifier,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Registers someone; the same email address twice is one registration (the first answer is given again). */
  async register(ctx: RequestContext, input: RegisterForEventInput): Promise<RegistrationResult> {
    const meeting = await this.dataSource.getRepository(Meeting).findOneBy({ id: input.meetingId });
    // Meetings that are not open events are not there for the public.
    if (!meeting || !meeting.isOpen) throw new NotFoundError('Event', input.meetingId);
    if (meeting.status === MeetingStatus.CANCELLED) throw new ConflictError('meetings.cancelled');
    if (meeting.endsAt.getTime() < Date.now()) throw new ConflictError('meetings.notOpenEvent');
    await this.limitAnonymous(ctx);
    const { result, outboxIds } = await inTransaction(this.dataSource, async (manager) => {
      const locked = await manager.findOneOrFail(Meeting, { where: { id: meeting.id }, lock: { mode: 'pessimistic_write' } });
      const [existing]: Record<string, unknown>[] = await manager.query(
        `SELECT * FROM registration WHERE meeting_id = $1 AND email_key = lower(btrim($2))`,
        [meeting.id, input.email],
      );
      if (existing && existing.status !== RegistrationStatus.CANCELLED) {
        return { result: await this.resultOf(manager, existing.id as string), outboxIds: [] as string[] };
      }
      const [{ confirmed }] = await manager.query(`SELECT count(*)::int AS confirmed FROM registration WHERE meeting_id = $1 AND status = 'confirmed'`, [meeting.id]);
      const status =
        locked.capacity === null || confirmed < locked.capacity ? RegistrationStatus.CONFIRMED : locked.waitlistOpen ? RegistrationStatus.WAITLISTED : undefined;
      if (!status) throw new ConflictError('meetings.full');
      const token = randomBytes(24).toString('base64url');
      const fields = {
        fullName: input.fullName.trim(),
        email: input.email.trim(),
        organisation: input.organisation?.trim() || null,
        locale: input.locale ?? ctx.locale,
        status,
        cancelTokenHash: hashSecret(token),
        registeredFrom: ctx.actor ? null : (ctx.ip?.slice(0, 100) ?? null),
        confirmedAt: status === RegistrationStatus.CONFIRMED ? new Date() : null,
        cancelledAt: null,
      };
      const registration = existing
        ? await manager.save(Registration, { ...(await manager.findOneByOrFail(Registration, { id: existing.id as string })), ...fields, createdAt: new Date() })
        : await manager.save(manager.create(Registration, { meetingId: meeting.id, ...fields }));
      await this.audit.record(manager, ctx, { entity: 'registration', entityId: registration.id, action: existing ? 'register-again' : 'register', after: registration });
      const outboxIds = [await this.mail(manager, locked, registration, token)];
      return { result: await this.resultOf(manager, registration.id), outboxIds };
    });
    await this.outbox.dispatch(outboxIds);
    return result;
  }

  /** One client address may register anonymously only so often (each registration sends a mail). */
  private async limitAnonymous(ctx: RequestContext): Promise<void> {
    if (ctx.actor || !ctx.ip) return;
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM registration WHERE registered_from = $1 AND created_at > now() - interval '10 minutes'`,
      [ctx.ip.slice(0, 100)],
    );
    if (n >= this.config.REGISTRATIONS_PER_ADDRESS) throw new RateLimitedError(10);
  }

  /** What a cancellation secret from a confirmation mail is for (the event, and the mail's language), while the place still stands. */
  async describeCancel(token: string): Promise<{ title: string; startsAt: Date; timeZone: string; locale: string } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT m.title, m.starts_at AS "startsAt", m.time_zone AS "timeZone", r.locale
         FROM registration r JOIN meeting m ON m.id = r.meeting_id
        WHERE r.cancel_token_hash = $1 AND r.status <> 'cancelled'`,
      [hashSecret(token)],
    );
    return row;
  }

  /** Cancels by the secret from the confirmation mail, and promotes the first on the waitlist. */
  async cancel(ctx: RequestContext, token: string): Promise<RegistrationResult> {
    const registration = await this.dataSource.getRepository(Registration).findOneBy({ cancelTokenHash: hashSecret(token) });
    if (!registration || registration.status === RegistrationStatus.CANCELLED) throw new BadInputError('meetings.registrationToken');
    const { result, outboxIds } = await inTransaction(this.dataSource, async (manager) => {
      const meeting = await manager.findOneOrFail(Meeting, { where: { id: registration.meetingId }, lock: { mode: 'pessimistic_write' } });
      const before = await manager.findOneOrFail(Registration, { where: { id: registration.id } });
      if (before.status === RegistrationStatus.CANCELLED) throw new BadInputError('meetings.registrationToken');
      const after = await manager.save(Registration, { ...before, status: RegistrationStatus.CANCELLED, cancelledAt: new Date() });
      await this.audit.record(manager, ctx, { entity: 'registration', entityId: before.id, action: 'cancel', before, after });
      const outboxIds: string[] = [];
      if (before.status === RegistrationStatus.CONFIRMED) outboxIds.push(...(await this.promote(manager, ctx, meeting)));
      return { result: { registrationId: after.id, status: after.status, waitlistPosition: null }, outboxIds };
    });
    await this.outbox.dispatch(outboxIds);
    return result;
  }

  /** Registrations of an open event, in order (secretariat). */
  /**
   * The registrant list as CSV for Excel in Sweden and Denmark (UTF-8 with BOM, `;`
   * between cells, as the other exports), in registration order, labels in the
   * reader's language: the secretariat's (the list's own access).
   */
  async csv(ctx: RequestContext, meetingId: string): Promise<{ name: string; body: string }> {
    const registrations = await this.list(ctx, meetingId);
    const meeting = await this.meetings.get(ctx, meetingId, 'manage');
    const locale = ctx.locale;
    const headers = Object.values(REGISTRATION_CSV_HEADERS).map((h) => h[locale]);
    const rows = registrations.map((r) => [
      r.fullName,
      r.email,
      r.organisation,
      enumLabel('RegistrationStatus', r.status.toUpperCase(), locale),
      new Date(r.createdAt).toISOString(),
      r.confirmedAt ? new Date(r.confirmedAt).toISOString() : null,
    ]);
    const slug = meeting.title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'event';
    return { name: `registrations-${slug}.csv`, body: csvDocument([headers, ...rows], { separator: ';' }) };
  }

  async list(ctx: RequestContext, meetingId: string): Promise<Registration[]> {
    await this.meetings.get(ctx, meetingId, 'manage');
    return ctx
      .loader<string, Registration[]>('meeting.registrations', async (ids) =>
        groupByKeys(
          ids,
          await this.dataSource.getRepository(Registration).createQueryBuilder('r').where('r.meeting_id IN (:...ids)', { ids }).orderBy('r.created_at').addOrderBy('r.id').getMany(),
          (r) => r.meetingId,
        ),
      )
      .load(meetingId);
  }

  /** Confirms waitlisted registrations in order while there is room. */
  private async promote(manager: EntityManager, ctx: RequestContext, meeting: Meeting): Promise<string[]> {
    const promoted: Registration[] = await manager.query(
      `WITH room AS (
         SELECT CASE WHEN $2::int IS NULL THEN 1000000 ELSE greatest(0, $2::int - count(*)::int) END AS n
           FROM registration WHERE meeting_id = $1 AND status = 'confirmed'
       ), next AS (
         SELECT r.id FROM registration r WHERE r.meeting_id = $1 AND r.status = 'waitlisted'
          ORDER BY r.created_at, r.id LIMIT (SELECT n FROM room)
       )
       UPDATE registration r SET status = 'confirmed', confirmed_at = now()
         FROM next WHERE r.id = next.id
       RETURNING r.id`,
      [meeting.id, meeting.capacity],
    ).then(async ([rows]: [{ id: string }[]]) =>
      rows.length ? manager.find(Registration, { where: { id: In(rows.map((r) => r.id)) }, order: { createdAt: 'ASC', id: 'ASC' } }) : [],
    );
    const ids: string[] = [];
    for (const registration of promoted) {
      // A fresh cancellation secret goes with the new confirmation.
      const token = randomBytes(24).toString('base64url');
      await manager.update(Registration, { id: registration.id }, { cancelTokenHash: hashSecret(token) });
      await this.audit.record(manager, ctx, { entity: 'registration', entityId: registration.id, action: 'promote', before: { status: 'waitlisted' }, after: { status: 'confirmed' } });
      ids.push(await this.mail(manager, meeting, { ...registration, cancelTokenHash: hashSecret(token) }, token));
    }
    return ids;
  }

  private async mail(manager: EntityManager, meeting: Meeting, registration: Registration, token: string): Promise<string> {
    const confirmed = registration.status === RegistrationStatus.CONFIRMED;
    const organizer = await this.notifier.organizerOf(manager, meeting);
    const props = await this.notifier.mailProps(manager, meeting);
    const { id } = await this.outbox.enqueue(manager, {
      template: meetingMailTemplate,
      props: { ...props, carried: [], reason: confirmed ? 'registered' : 'waitlisted', cancelUrl: mailUrl(publicUrl(this.config), mailPaths.registrationCancel(token)) },
      recipient: { address: registration.email, name: registration.fullName, locale: toLocale(registration.locale), timeZone: meeting.timeZone },
      dedupeKey: `registration:${registration.id}:${registration.status}:${registration.cancelTokenHash.slice(0, 16)}`,
      calendar: confirmed ? calendarFor(ICalCalendarMethod.PUBLISH, { meeting, organizer }, null, 'event.ics') : undefined,
      commissionId: meeting.commissionId,
    });
    return id;
  }

  private async resultOf(manager: EntityManager, id: string): Promise<RegistrationResult> {
    const [row]: { id: string; status: RegistrationStatus; position: number | null }[] = await manager.query(
      `SELECT r.id, r.status,
              CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*)::int FROM registration w
                     WHERE w.meeting_id = r.meeting_id AND w.status = 'waitlisted' AND (w.created_at, w.id) <= (r.created_at, r.id)) END AS position
         FROM registration r WHERE r.id = $1`,
      [id],
    );
    return { registrationId: row.id, status: row.status, waitlistPosition: row.position };
  }
}
