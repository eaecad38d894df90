import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AccessLevel, AccessService, sittingSql } from '@samverkan/access';
import { AuditService, BadInputError, ConflictError, ConnectionShape, ForbiddenError, NotFoundError, RequestContext, UnauthenticatedError, groupByKeys, inTimeZone, inTransaction, instantOf, oneByKeys, pageWindow, pageWithCount, entityFromJson, queryPrepared, toConnection } from '@samverkan/core';
import { OutboxService } from '@samverkan/mail';
import { PeopleService, Person } from '@samverkan/people';
import { WorkingGroup, WorkingGroupsService } from '@samverkan/working-groups';
import './meetings.messages';
import './meetings.reminders';
import { AgendaItem } from './agenda/agenda-item.entity';
import { AgendaItemInput, SetAgendaInput } from './agenda/agenda.inputs';
import { Invitation, RsvpAnswer } from './invitations/invitation.entity';
import { RsvpInput } from './invitations/invitation.inputs';
import { CARRIED_SQL, MeetingNotifier } from './meeting-notifier.service';
import { Meeting, MeetingStatus } from './meeting.entity';
import { CreateMeetingInput, UpdateMeetingInput } from './meeting.inputs';
import { DoubleBooking, MeetingListArgs, SchedulePayload } from './meeting.types';
import { ActionItem } from './minutes/action-item.entity';
import { primePersonVia } from './resolver-support';

/**
 * What a page of `meetingList` brings beside its meetings, in the same statement
 * (issue 20: My page's next meetings with their groups and the reader's
 * invitations): chosen by the resolver from what the operation selects.
 */
export interface MeetingListIncludes {
  workingGroup?: boolean;
  myInvitation?: boolean;
  /** The reader's invitation's seat substitute (with `myInvitation`). */
  seatSubstitute?: boolean;
}

/** Fields whose change moves the meeting in people's calendars: RSVPs are asked again. */
const RESCHEDULING_FIELDS = ['startsAt', 'endsAt', 'timeZone', 'place', 'onlineUrl'] as const;

/**
 * Meetings (and workshops, webinars, dialogues): scheduling, agenda,
 * invitations and RSVP, double-booking warnings (attendance and quorum:
 * attendance/attendance.service.ts).
 * Mails go through the outbox in the same transaction as the change.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly groups: WorkingGroupsService,
    private readonly people: PeopleService,
    private readonly notifier: MeetingNotifier,
    private readonly outbox: OutboxService,
  ) {}

  load(ctx: RequestContext, id: string): Promise<Meeting | undefined> {
    return ctx
      .loader<string, Meeting | undefined>('meeting.byId', async (ids) => oneByKeys(ids, await this.dataSource.getRepository(Meeting).findBy({ id: In([...ids]) }), (m) => m.id))
      .load(id);
  }

  /** The actor's own invitation to a meeting, if any (one statement per request). */
  myInvitation(ctx: RequestContext, meetingId: string): Promise<Invitation | undefined> {
    const personId = ctx.actor?.personId;
    if (!personId) return Promise.resolve(undefined);
    return this.myInvitations(ctx, personId).load(meetingId);
  }

  private myInvitations(ctx: RequestContext, personId: string) {
    return ctx.loader<string, Invitation | undefined>('meeting.myInvitation', async (ids) =>
      oneByKeys(ids, await this.dataSource.getRepository(Invitation).findBy({ meetingId: In([...ids]), personId }), (i) => i.meetingId),
    );
  }

  /**
   * A meeting the actor may see: anyone with a role in its commission, and
   * anyone invited (a guest from elsewhere). Managing needs the secretariat.
   */
  async get(ctx: RequestContext, id: string, level: AccessLevel = 'read'): Promise<Meeting> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const meeting = await this.load(ctx, id);
    if (!meeting) throw new NotFoundError('Meeting', id);
    if (level === 'read' && (await this.myInvitation(ctx, id))) return meeting;
    await this.access.require(ctx, meeting.commissionId, level, 'Meeting', id);
    return meeting;
  }

  /** A meeting the actor may schedule: its group's chair or the secretariat (libs/access `GroupAction`). */
  async getToSchedule(ctx: RequestContext, id: string): Promise<Meeting> {
    const meeting = await this.get(ctx, id);
    if (meeting.workingGroupId) await this.access.requireInGroup(ctx, { id: meeting.workingGroupId, commissionId: meeting.commissionId }, 'schedule', 'Meeting', id);
    else await this.access.require(ctx, meeting.commissionId, 'manage', 'Meeting', id);
    return meeting;
  }

  /**
   * A page of meetings and their count in one statement; with `include`, the
   * same statement joins each meeting's group, the reader's invitation and its
   * seat substitute (one row each at most), and hands them to the loaders the
   * field resolvers use (`workingGroup`, `myInvitation`, `seatSubstitute`).
   */
  async list(ctx: RequestContext, args: MeetingListArgs, include: MeetingListIncludes = {}): Promise<ConnectionShape<Meeting>> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const window = pageWindow(args);
    if (args.workingGroupId) await this.groups.get(ctx, args.workingGroupId);
    if (args.commissionId) await this.access.require(ctx, args.commissionId, 'read');
    const visible = await this.access.visibleCommissionIds(ctx);
    const qb = this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC');
    if (args.commissionId) qb.andWhere('m.commission_id = :commissionId', { commissionId: args.commissionId });
    if (args.workingGroupId) qb.andWhere('m.working_group_id = :groupId', { groupId: args.workingGroupId });
    if (args.from) qb.andWhere('m.ends_at >= :from', { from: instantOf(args.from, 'from') });
    if (visible !== 'all') {
      qb.andWhere(
        `(m.commission_id = ANY(:visible) OR EXISTS (SELECT 1 FROM invitation i WHERE i.meeting_id = m.id AND i.person_id = :me))`,
        { visible, me: ctx.actor.personId },
      );
    }
    if (!include.workingGroup && !include.myInvitation) return pageWithCount(qb, window);
    return this.pageWithListed(ctx, ctx.actor.personId, qb, window, include);
  }

  /**
   * The page (the list's own query: ids and the count, LIMIT before anything is
   * joined) with each meeting's row, group, the reader's invitation and its seat
   * substitute beside it, as JSON; the loaders get what came.
   */
  private async pageWithListed(
    ctx: RequestContext,
    personId: string,
    qb: SelectQueryBuilder<Meeting>,
    window: { offset: number; limit: number },
    include: MeetingListIncludes,
  ): Promise<ConnectionShape<Meeting>> {
    const [pageSql, params] = qb
      .clone()
      .select('m.id', 'id')
      .addSelect('count(*) OVER ()', 'total')
      .offset(window.offset)
      .limit(window.limit + 1)
      .getQueryAndParameters();
    const reader = `$${params.length + 1}`;
    const columns = ['to_json(lm) AS meeting', 'page.total'];
    const joins: string[] = [];
    if (include.workingGroup) columns.push('(SELECT to_json(lg) FROM working_group lg WHERE lg.id = lm.working_group_id) AS "group"');
    if (include.myInvitation) {
      columns.push('to_json(li) AS invitation');
      joins.push(`LEFT JOIN invitation li ON li.meeting_id = lm.id AND li.person_id = ${reader}`);
      if (include.seatSubstitute) {
        columns.push('(SELECT to_json(lsp) FROM person lsp WHERE lsp.id = lsub.person_id) AS "seatSubstitute"');
        joins.push(`LEFT JOIN LATERAL (${seatSubstituteSql('li.seat_id', '(lm.starts_at AT TIME ZONE lm.time_zone)::date', 'li.person_id')}) lsub ON li.seat_id IS NOT NULL`);
      }
    }
    const rows: { meeting: Record<string, unknown>; total: string; group?: Record<string, unknown> | null; invitation?: Record<string, unknown> | null; seatSubstitute?: Record<string, unknown> | null }[] =
      await queryPrepared(
        this.dataSource,
        `SELECT ${columns.join(', ')}
           FROM (${pageSql}) page
           JOIN meeting lm ON lm.id = page.id
           ${joins.join('\n           ')}
          ORDER BY lm.starts_at, lm.id`,
        [...params, personId],
      );
    const entity = <T extends object>(target: new () => T, row: Record<string, unknown> | null | undefined) => (row ? entityFromJson(this.dataSource, target, row) : undefined);
    const invitations = this.myInvitations(ctx, personId);
    const meetings = rows.map((row) => {
      const meeting = entity(Meeting, row.meeting)!;
      const group = entity(WorkingGroup, row.group);
      if (group) this.groups.prime(ctx, [group]);
      if (include.myInvitation) {
        const invitation = entity(Invitation, row.invitation);
        invitations.prime(meeting.id, invitation);
        if (include.seatSubstitute && invitation) {
          const substitute = entity(Person, row.seatSubstitute);
          this.seatSubstitutes(ctx).prime(invitation.id, substitute?.id ?? null);
          if (substitute) primePersonVia(ctx, this.people, 'seat-substitute', [substitute]);
        }
      }
      return meeting;
    });
    const total = rows.length ? Number(rows[0].total) : window.offset > 0 ? await qb.getCount() : 0;
    return toConnection(meetings, total, window);
  }

  /**
   * Schedules a meeting: checks the group and the times, writes the agenda,
   * invites the group's current members (and informs their substitutes) plus
   * any guests, mails each an invitation with the .ics, and returns the
   * invitees it double-books. `within` runs in the same transaction right after
   * the meeting is written (a date poll closes itself there).
   */
  async create(ctx: RequestContext, input: CreateMeetingInput, within?: (manager: EntityManager, meeting: Meeting) => Promise<void>): Promise<SchedulePayload> {
    const commissionId = await this.scopeOf(ctx, input.commissionId, input.workingGroupId);
    const startsAt = inTimeZone(input.startsAt, input.timeZone, 'startsAt');
    const endsAt = inTimeZone(input.endsAt, input.timeZone, 'endsAt');
    checkTimes(startsAt, endsAt);
    if (!input.isOpen && input.capacity) throw new BadInputError('meetings.capacityOnlyOpen');
    await this.checkPeople([...input.guestIds, ...input.agenda.map((a) => a.presenterPersonId).filter((id): id is string => !!id)]);
    const { payload, outboxIds } = await inTransaction(this.dataSource, async (manager) => {
      const meeting = await manager.save(
        manager.create(Meeting, {
          commissionId,
          workingGroupId: input.workingGroupId ?? null,
          kind: input.kind,
          title: input.title.trim(),
          description: input.description ?? null,
          startsAt,
          endsAt,
          timeZone: input.timeZone,
          place: input.place?.trim() ?? null,
          onlineUrl: input.onlineUrl ?? null,
          status: MeetingStatus.PLANNED,
          sequence: 0,
          organizerPersonId: ctx.actor?.personId ?? null,
          isOpen: input.isOpen,
          capacity: input.capacity ?? null,
          waitlistOpen: input.waitlistOpen,
        }),
      );
      await this.writeAgenda(manager, meeting.id, input.agenda);
      if (within) await within(manager, meeting);
      const invited = await this.invite(manager, meeting, input.inviteMembers, input.guestIds);
      await this.audit.record(manager, ctx, { entity: 'meeting', entityId: meeting.id, action: 'create', after: { ...meeting, agenda: input.agenda, invited: invited.length } });
      const outboxIds = await this.notifier.send(manager, meeting, 'invite');
      const doubleBookings = await this.doubleBookingsOf(ctx, manager, meeting);
      return { payload: { meeting, doubleBookings }, outboxIds };
    });
    await this.outbox.dispatch(outboxIds);
    return payload;
  }

  /**
   * Changes a meeting. A new time or place raises the SEQUENCE, asks every
   * invitee to answer again and mails them an update; a new title or
   * description raises the SEQUENCE and mails an update without resetting answers.
   */
  async update(ctx: RequestContext, input: UpdateMeetingInput): Promise<SchedulePayload> {
    const current = await this.getToSchedule(ctx, input.id);
    if (input.status === MeetingStatus.CANCELLED) throw new BadInputError('meetings.useCancel');
    if (current.status === MeetingStatus.CANCELLED) throw new ConflictError('meetings.cancelled');
    const { payload, outboxIds } = await inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(Meeting, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      const changes: Partial<Meeting> = {};
      for (const key of ['title', 'description', 'timeZone', 'place', 'onlineUrl', 'status', 'capacity', 'waitlistOpen'] as const) {
        const value = input[key];
        if (value !== undefined) (changes as Record<string, unknown>)[key] = typeof value === 'string' && key !== 'onlineUrl' ? value.trim() : value;
      }
      // A time without an offset is read in the meeting's time zone as it is after this change.
      const zone = changes.timeZone ?? before.timeZone;
      if (input.startsAt !== undefined) changes.startsAt = inTimeZone(input.startsAt, zone, 'startsAt');
      if (input.endsAt !== undefined) changes.endsAt = inTimeZone(input.endsAt, zone, 'endsAt');
      const after = { ...before, ...changes };
      checkTimes(after.startsAt, after.endsAt);
      const moved = RESCHEDULING_FIELDS.some((key) => !sameValue(before[key], after[key]));
      const retitled = !sameValue(before.title, after.title) || !sameValue(before.description, after.description);
      if (moved || retitled) after.sequence = before.sequence + 1;
      after.updatedAt = new Date();
      const saved = await manager.save(Meeting, after);
      if (moved) {
        await manager.query(
          `UPDATE invitation SET rsvp = 'pending', responded_at = NULL, substitute_person_id = NULL, substitute_name = NULL WHERE meeting_id = $1`,
          [saved.id],
        );
      }
      await this.audit.record(manager, ctx, { entity: 'meeting', entityId: saved.id, action: moved ? 'reschedule' : 'update', before, after: saved });
      const outboxIds = moved || retitled ? [...(await this.notifier.send(manager, saved, 'update')), ...(await this.notifier.sendToRegistrants(manager, saved, 'update'))] : [];
      const doubleBookings = moved ? await this.doubleBookingsOf(ctx, manager, saved) : [];
      return { payload: { meeting: saved, doubleBookings }, outboxIds };
    });
    await this.outbox.dispatch(outboxIds);
    return payload;
  }

  /** Cancels a meeting and mails every invitee METHOD:CANCEL with the next SEQUENCE. */
  async cancel(ctx: RequestContext, meetingId: string): Promise<Meeting> {
    await this.getToSchedule(ctx, meetingId);
    const { meeting, outboxIds } = await inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(Meeting, { where: { id: meetingId }, lock: { mode: 'pessimistic_write' } });
      if (before.status === MeetingStatus.CANCELLED) throw new ConflictError('meetings.cancelled');
      const after = await manager.save(Meeting, { ...before, status: MeetingStatus.CANCELLED, sequence: before.sequence + 1, updatedAt: new Date() });
      await this.audit.record(manager, ctx, { entity: 'meeting', entityId: meetingId, action: 'cancel', before, after });
      return { meeting: after, outboxIds: [...(await this.notifier.send(manager, after, 'cancel')), ...(await this.notifier.sendToRegistrants(manager, after, 'cancel'))] };
    });
    await this.outbox.dispatch(outboxIds);
    return meeting;
  }

  /** Replaces the agenda (in the order given). */
  async setAgenda(ctx: RequestContext, input: SetAgendaInput): Promise<AgendaItem[]> {
    const meeting = await this.getToSchedule(ctx, input.meetingId);
    await this.checkPeople(input.items.map((a) => a.presenterPersonId).filter((id): id is string => !!id));
    return inTransaction(this.dataSource, async (manager) => {
      await manager.findOneOrFail(Meeting, { where: { id: meeting.id }, lock: { mode: 'pessimistic_write' } });
      const before = await manager.find(AgendaItem, { where: { meetingId: meeting.id }, order: { position: 'ASC' } });
      // Items keep their ids (and the minutes notes tied to them) where the title stays.
      const kept = new Map(before.map((item) => [item.title, item]));
      const items: AgendaItem[] = [];
      const keepIds = new Set<string>();
      for (const [index, item] of input.items.entries()) {
        const previous = kept.get(item.title.trim());
        if (previous && !keepIds.has(previous.id)) {
          keepIds.add(previous.id);
          items.push(await manager.save(AgendaItem, { ...previous, ...agendaFields(item), position: index + 1 }));
        } else {
          items.push(await manager.save(manager.create(AgendaItem, { meetingId: meeting.id, ...agendaFields(item), position: index + 1 })));
        }
      }
      const dropped = before.filter((item) => !keepIds.has(item.id)).map((item) => item.id);
      if (dropped.length) await manager.delete(AgendaItem, { id: In(dropped) });
      await this.audit.record(manager, ctx, { entity: 'meeting', entityId: meeting.id, action: 'set-agenda', before: { agenda: before.map((i) => i.title) }, after: { agenda: items.map((i) => i.title) } });
      return items;
    });
  }

  agendaOf(ctx: RequestContext, meetingId: string): Promise<AgendaItem[]> {
    return ctx
      .loader<string, AgendaItem[]>('meeting.agenda', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(AgendaItem).find({ where: { meetingId: In([...ids]) }, order: { position: 'ASC' } }), (a) => a.meetingId),
      )
      .load(meetingId);
  }

  invitationsOf(ctx: RequestContext, meetingId: string): Promise<Invitation[]> {
    return ctx
      .loader<string, Invitation[]>('meeting.invitations', async (ids) => {
        const rows: Record<string, unknown>[] = await this.dataSource.query(
          `SELECT i.* FROM invitation i JOIN person p ON p.id = i.person_id
            WHERE i.meeting_id = ANY($1::uuid[])
            ORDER BY CASE i.role WHEN 'chair' THEN 0 WHEN 'member' THEN 1 WHEN 'substitute' THEN 2 ELSE 3 END, p.full_name, i.id`,
          [ids],
        );
        return groupByKeys(ids, rows.map(toInvitation), (i) => i.meetingId);
      })
      .load(meetingId);
  }

  carriedActionItems(ctx: RequestContext, meetingId: string): Promise<ActionItem[]> {
    return ctx
      .loader<string, ActionItem[]>('meeting.carried', async (ids) => {
        const rows: Record<string, unknown>[] = await this.dataSource.query(`${CARRIED_SQL} ORDER BY ai.due_on NULLS LAST, ai.created_at, ai.id`, [ids]);
        return groupByKeys(
          ids,
          rows.map((row) => ({ forMeetingId: row.for_meeting_id as string, item: Object.assign(toActionItem(row), { via: 'carried' }) })),
          (row) => row.forMeetingId,
        ).map((list) => list.map((row) => row.item));
      })
      .load(meetingId);
  }

  /** Invites more people (guests) to a meeting and mails them the invitation. */
  async addInvitees(ctx: RequestContext, meetingId: string, personIds: string[]): Promise<Invitation[]> {
    const meeting = await this.get(ctx, meetingId, 'manage');
    if (meeting.status === MeetingStatus.CANCELLED) throw new ConflictError('meetings.cancelled');
    await this.checkPeople(personIds);
    const { invitations, outboxIds } = await inTransaction(this.dataSource, async (manager) => {
      const added = await this.invite(manager, meeting, false, personIds);
      await this.audit.record(manager, ctx, { entity: 'meeting', entityId: meeting.id, action: 'invite', after: { personIds: added.map((i) => i.personId) } });
      return { invitations: added, outboxIds: await this.notifier.send(manager, meeting, 'invite', added.map((i) => i.personId)) };
    });
    await this.outbox.dispatch(outboxIds);
    return invitations;
  }

  /**
   * The acting person answers their invitation: yes, no, maybe, or "my
   * substitute comes" (defaulting to the seat's current substitute). Public for
   * the signed mail links: validates, audits and commits on its own.
   */
  async rsvp(ctx: RequestContext, meetingId: string, input: RsvpInput): Promise<Invitation> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const personId = ctx.actor.personId;
    const meeting = await this.load(ctx, meetingId);
    if (!meeting) throw new NotFoundError('Meeting', meetingId);
    const invitation = await this.myInvitation(ctx, meetingId);
    if (!invitation) {
      await this.access.require(ctx, meeting.commissionId, 'read', 'Meeting', meetingId);
      throw new ForbiddenError('meetings.notInvited');
    }
    if (meeting.status === MeetingStatus.CANCELLED) throw new ConflictError('meetings.cancelled');
    if (input.answer === RsvpAnswer.PENDING) throw new BadInputError('meetings.pendingNotAnAnswer');
    let substitutePersonId: string | null = null;
    let substituteName: string | null = null;
    if (input.answer === RsvpAnswer.SUBSTITUTE) {
      substituteName = input.substituteName?.trim() || null;
      substitutePersonId = input.substitutePersonId ?? null;
      if (substitutePersonId) await this.people.get(substitutePersonId);
      if (!substitutePersonId && !substituteName) substitutePersonId = await this.currentSubstitute(invitation, meeting);
      if (!substitutePersonId && !substituteName) throw new BadInputError('meetings.noSubstitute');
    }
    const { saved, outboxIds } = await inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(Invitation, { where: { id: invitation.id }, lock: { mode: 'pessimistic_write' } });
      const after = await manager.save(Invitation, { ...before, rsvp: input.answer, substitutePersonId, substituteName, respondedAt: new Date() });
      let mails: string[] = [];
      if (substitutePersonId && substitutePersonId !== personId) {
        // The substitute who comes is invited too (as a substitute), so they see the meeting,
        // and is told by mail, with the meeting for their calendar.
        await manager.query(
          `INSERT INTO invitation (meeting_id, person_id, role, seat_id) VALUES ($1, $2, 'substitute', $3) ON CONFLICT (meeting_id, person_id) DO NOTHING`,
          [meetingId, substitutePersonId, before.seatId],
        );
        mails = await this.notifier.send(manager, meeting, 'stand-in', [substitutePersonId]);
      }
      await this.audit.record(manager, ctx, { entity: 'invitation', entityId: before.id, action: 'rsvp', before, after });
      return { saved: after, outboxIds: mails };
    });
    await this.outbox.dispatch(outboxIds);
    return saved;
  }

  /**
   * Every pair of a person's invitations whose times overlap, across groups
   * and commissions, from now on. One statement over the span index.
   */
  async doubleBookingsOfPerson(ctx: RequestContext, personId: string): Promise<DoubleBooking[]> {
    if (!ctx.actor) throw new UnauthenticatedError();
    if (!(await this.access.privateDataVisible(ctx, personId))) throw new ForbiddenError();
    const rows: OverlapRow[] = await this.dataSource.query(
      `SELECT a.person_id, p.full_name, ma.id AS meeting_id, mb.id AS other_id, mb.title AS other_title, mb.commission_id AS other_commission_id,
              mb.starts_at AS other_starts_at, mb.ends_at AS other_ends_at
         FROM invitation a
         JOIN meeting ma ON ma.id = a.meeting_id AND ma.status <> 'cancelled' AND ma.ends_at >= now()
         JOIN invitation b ON b.person_id = a.person_id AND b.meeting_id <> a.meeting_id
         JOIN meeting mb ON mb.id = b.meeting_id AND mb.status <> 'cancelled'
         JOIN person p ON p.id = a.person_id
        WHERE a.person_id = $1
          AND tstzrange(ma.starts_at, ma.ends_at, '[)') && tstzrange(mb.starts_at, mb.ends_at, '[)')
        ORDER BY ma.starts_at, ma.id, mb.starts_at, mb.id`,
      [personId],
    );
    return this.toDoubleBookings(ctx, rows);
  }

  /** Invitees of `meeting` also invited to another meeting at an overlapping time. */
  private async doubleBookingsOf(ctx: RequestContext, manager: EntityManager, meeting: Meeting): Promise<DoubleBooking[]> {
    const rows: OverlapRow[] = await manager.query(
      `SELECT mine.person_id, p.full_name, mine.meeting_id, other.id AS other_id, other.title AS other_title, other.commission_id AS other_commission_id,
              other.starts_at AS other_starts_at, other.ends_at AS other_ends_at
         FROM meeting other
         JOIN invitation theirs ON theirs.meeting_id = other.id
         JOIN invitation mine ON mine.person_id = theirs.person_id AND mine.meeting_id = $1
         JOIN person p ON p.id = mine.person_id
        WHERE other.status <> 'cancelled' AND other.id <> $1
          AND tstzrange(other.starts_at, other.ends_at, '[)') && tstzrange($2::timestamptz, $3::timestamptz, '[)')
        ORDER BY p.full_name, other.starts_at, other.id`,
      [meeting.id, meeting.startsAt, meeting.endsAt],
    );
    return this.toDoubleBookings(ctx, rows);
  }

  private async toDoubleBookings(ctx: RequestContext, rows: OverlapRow[]): Promise<DoubleBooking[]> {
    const visible = await this.access.visibleCommissionIds(ctx);
    return rows.map((row) => doubleBookingOf(row, visible));
  }

  /** Whether the actor keeps the meeting's record (attendance, minutes): its commission's secretariat. */
  async mayManage(ctx: RequestContext, meeting: Meeting): Promise<boolean> {
    return (await this.access.levelIn(ctx, meeting.commissionId)) === 'manage';
  }

  /** The commission a new meeting or poll belongs to; the actor must manage it. */
  async scopeOf(ctx: RequestContext, commissionId: string | undefined, workingGroupId: string | undefined): Promise<string> {
    if (workingGroupId) {
      const group = await this.groups.get(ctx, workingGroupId);
      await this.access.requireInGroup(ctx, group, 'schedule');
      if (commissionId && commissionId !== group.commissionId) throw new BadInputError('meetings.groupElsewhere');
      return group.commissionId;
    }
    if (!commissionId) throw new BadInputError('meetings.groupOrCommission');
    await this.access.require(ctx, commissionId, 'manage');
    return commissionId;
  }

  /** NOT_FOUND naming the first of `ids` that is no person (a presenter, a guest). */
  async checkPeople(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await this.people.findByIds(unique);
    const missing = unique.find((_, index) => !found[index]);
    if (missing) throw new NotFoundError('Person', missing);
  }

  private async writeAgenda(manager: EntityManager, meetingId: string, items: AgendaItemInput[]): Promise<void> {
    if (items.length === 0) return;
    await manager.insert(
      AgendaItem,
      items.map((item, index) => ({ meetingId, ...agendaFields(item), position: index + 1 })),
    );
  }

  /**
   * Writes invitations in one statement: those who sit in the group (or in
   * every group of the commission, with its chairs and members) on the
   * meeting's local date, by the rule that gives access (`sittingSql` in
   * libs/access: a principal whose term runs that day; a holdover only where
   * the group allows it, nobody has succeeded them and the term was not ended
   * early; a substitute while a principal's term on the seat runs), principals
   * as members and substitutes as informed participants; plus guests. So a
   * former member is not invited, and a successor whose term starts on or
   * before the meeting's day is. Returns the invitations that are new.
   */
  private async invite(manager: EntityManager, meeting: Meeting, members: boolean, guestIds: string[]): Promise<Invitation[]> {
    const onDate = DateTime.fromJSDate(meeting.startsAt).setZone(meeting.timeZone).toISODate();
    const rows: Record<string, unknown>[] = await manager.query(
      `WITH seated AS (
         SELECT a.person_id, a.kind, a.seat_id
           FROM appointment a
           JOIN seat s ON s.id = a.seat_id AND s.retired_at IS NULL
           JOIN seat_allocation sa ON sa.id = s.allocation_id
           JOIN working_group g ON g.id = sa.working_group_id
          WHERE $4 AND g.commission_id = $5
            AND ($2::uuid IS NULL OR g.id = $2) AND g.status <> 'concluded'
            AND ${sittingSql('$3::date')}
       ), candidates AS (
         SELECT person_id, CASE kind WHEN 'principal' THEN 'member' ELSE 'substitute' END AS role, seat_id,
                CASE kind WHEN 'principal' THEN 1 ELSE 2 END AS rank
           FROM seated
         UNION ALL
         SELECT g.chair_person_id, 'chair', NULL, 0 FROM working_group g
          WHERE $4 AND g.commission_id = $5 AND ($2::uuid IS NULL OR g.id = $2) AND g.chair_person_id IS NOT NULL AND g.status <> 'concluded'
         UNION ALL
         SELECT cr.person_id, CASE cr.role WHEN 'chair' THEN 'chair' ELSE 'member' END, NULL, CASE cr.role WHEN 'chair' THEN 0 ELSE 1 END
           FROM commission_role cr WHERE $4 AND $2::uuid IS NULL AND cr.commission_id = $5 AND cr.role IN ('chair', 'member')
         UNION ALL
         SELECT unnest($6::uuid[]), 'guest', NULL, 3
       ), chosen AS (
         SELECT DISTINCT ON (c.person_id) c.person_id, c.role, c.seat_id
           FROM candidates c JOIN person p ON p.id = c.person_id AND p.erased_at IS NULL
          ORDER BY c.person_id, c.rank
       )
       INSERT INTO invitation (meeting_id, person_id, role, seat_id)
       SELECT $1, person_id, role, seat_id FROM chosen
       ON CONFLICT (meeting_id, person_id) DO NOTHING
       RETURNING *`,
      [meeting.id, meeting.workingGroupId, onDate, members, meeting.commissionId, guestIds],
    );
    return rows.map(toInvitation);
  }

  /**
   * The substitute on the invitee's seat on the meeting's local date (whom "my
   * substitute attends" names when the invitee names nobody, by the same rule as
   * `currentSubstitute`), for the invitee and the secretariat; null for anyone
   * else, and for an invitation without a seat. One statement per request for
   * every invitation asked about.
   */
  async seatSubstituteOf(ctx: RequestContext, invitation: Invitation): Promise<string | null> {
    if (!ctx.actor || !invitation.seatId) return null;
    if (ctx.actor.personId !== invitation.personId) {
      const meeting = await this.load(ctx, invitation.meetingId);
      if (!meeting || (await this.access.levelIn(ctx, meeting.commissionId)) !== 'manage') return null;
    }
    return this.seatSubstitutes(ctx).load(invitation.id);
  }

  private seatSubstitutes(ctx: RequestContext) {
    return ctx.loader<string, string | null>('invitation.seatSubstitute', async (ids) => {
      const rows: { invitation_id: string; person_id: string }[] = await this.dataSource.query(
        `SELECT i.id AS invitation_id, sub.person_id
           FROM invitation i
           JOIN meeting m ON m.id = i.meeting_id
          CROSS JOIN LATERAL (${seatSubstituteSql('i.seat_id', '(m.starts_at AT TIME ZONE m.time_zone)::date', 'i.person_id')}) sub
          WHERE i.id = ANY($1::uuid[])`,
        [ids],
      );
      const byInvitation = new Map(rows.map((row) => [row.invitation_id, row.person_id]));
      return ids.map((id) => byInvitation.get(id) ?? null);
    });
  }

  /**
   * The seat's substitute on the meeting's local date, who comes when "my
   * substitute attends" names nobody: one who sits that day by the access rule
   * (`seatSubstituteSql`: their own term runs and so does a principal's term on
   * the seat). None when the principal's term has run out (a holdover does not
   * carry the substitute with it) or the substitute's own term has.
   */
  async currentSubstitute(invitation: Pick<Invitation, 'seatId' | 'personId'>, meeting: Pick<Meeting, 'startsAt' | 'timeZone'>): Promise<string | null> {
    if (!invitation.seatId) return null;
    const onDate = DateTime.fromJSDate(meeting.startsAt).setZone(meeting.timeZone).toISODate();
    const [row]: { person_id: string }[] = await this.dataSource.query(`SELECT person_id FROM (${seatSubstituteSql('$1::uuid', '$2::date', '$3::uuid')}) sub`, [
      invitation.seatId,
      onDate,
      invitation.personId,
    ]);
    return row?.person_id ?? null;
  }
}

/**
 * SQL selecting `person_id` of the substitute who stands in on a seat on a day
 * (SQL expressions: the seat id, the date, and a person to leave out — the one
 * answering). The access rule decides (`sittingSql`); the latest appointed first.
 */
export function seatSubstituteSql(seat: string, day: string, except: string): string {
  return `SELECT a.person_id FROM appointment a
            JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
            JOIN working_group g ON g.id = sa.working_group_id
            JOIN person sp ON sp.id = a.person_id AND sp.erased_at IS NULL
           WHERE a.seat_id = ${seat} AND a.kind = 'substitute' AND a.person_id <> ${except} AND ${sittingSql(day)}
           ORDER BY a.starts_on DESC, a.id LIMIT 1`;
}

/** An invitee's other meeting at the same time, as the overlap queries return it. */
export interface OverlapRow {
  person_id: string;
  full_name: string;
  meeting_id: string;
  other_id: string;
  other_title: string;
  other_commission_id: string;
  other_starts_at: Date;
  other_ends_at: Date;
}

/** A double booking as the reader may see it: the other meeting's title and id only where its commission is visible to them. */
export function doubleBookingOf(row: OverlapRow, visible: 'all' | readonly string[]): DoubleBooking {
  const shown = visible === 'all' || visible.includes(row.other_commission_id);
  return {
    personId: row.person_id,
    personName: row.full_name,
    meetingId: row.meeting_id,
    otherMeetingId: shown ? row.other_id : null,
    otherTitle: shown ? row.other_title : null,
    otherStartsAt: row.other_starts_at,
    otherEndsAt: row.other_ends_at,
  };
}

export function checkTimes(startsAt: Date, endsAt: Date): void {
  if (!(endsAt.getTime() > startsAt.getTime())) throw new BadInputError('meetings.endBeforeStart', {}, { field: 'endsAt' });
  if (endsAt.getTime() - startsAt.getTime() > 14 * 86_400_000) throw new BadInputError('meetings.tooLong', {}, { field: 'endsAt' });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

export function agendaFields(item: AgendaItemInput): Partial<AgendaItem> {
  return {
    title: item.title.trim(),
    description: item.description ?? null,
    durationMinutes: item.durationMinutes ?? 0,
    presenterPersonId: item.presenterPersonId ?? null,
    presenterName: item.presenterName?.trim() ?? null,
    deliverableId: item.deliverableId ?? null,
    decisionExpected: item.decisionExpected ?? false,
  };
}

export function toActionItem(row: Record<string, unknown>): ActionItem {
  return Object.assign(new ActionItem(), {
    id: row.id,
    minutesId: row.minutes_id,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id ?? null,
    title: row.title,
    assigneePersonId: row.assignee_person_id ?? null,
    dueOn: row.due_on ?? null,
    status: row.status,
    doneAt: row.done_at ?? null,
    createdAt: row.created_at,
  });
}

export function toInvitation(row: Record<string, unknown>): Invitation {
  return Object.assign(new Invitation(), {
    id: row.id,
    meetingId: row.meeting_id,
    personId: row.person_id,
    role: row.role,
    seatId: row.seat_id ?? null,
    rsvp: row.rsvp,
    substitutePersonId: row.substitute_person_id ?? null,
    substituteName: row.substitute_name ?? null,
    respondedAt: row.responded_at ?? null,
    attendance: row.attendance ?? null,
    substitutedByPersonId: row.substituted_by_person_id ?? null,
    substitutedByName: row.substituted_by_name ?? null,
    invitedAt: row.invited_at,
  });
}
