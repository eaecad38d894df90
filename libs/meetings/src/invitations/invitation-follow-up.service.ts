import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { AuditService, ConflictError, ForbiddenError, RequestContext, groupByKeys, inTransaction } from '@samverkan/core';
import { OutboxService } from '@samverkan/mail';
import { MeetingNotifier } from '../meeting-notifier.service';
import { Meeting, MeetingStatus } from '../meeting.entity';
import { DoubleBooking } from '../meeting.types';
import { MeetingsService, OverlapRow, doubleBookingOf } from '../meetings.service';
import './invitation-follow-up.messages';
import { InvitationReminderResult } from './invitation-follow-up.types';

/**
 * The secretariat's follow-up of a meeting's invitations: who may schedule it,
 * which invitees it double-books, and a reminder to those who have not answered.
 */
@Injectable()
export class InvitationFollowUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly meetings: MeetingsService,
    private readonly notifier: MeetingNotifier,
    private readonly outbox: OutboxService,
  ) {}

  /** Whether the actor may change the meeting, its agenda and its invitations (its group's chair or the secretariat). */
  async maySchedule(ctx: RequestContext, meeting: Meeting): Promise<boolean> {
    if (!ctx.actor) return false;
    if (meeting.workingGroupId) return this.access.mayInGroup(ctx, { id: meeting.workingGroupId, commissionId: meeting.commissionId }, 'schedule');
    return (await this.access.levelIn(ctx, meeting.commissionId)) === 'manage';
  }

  /**
   * Invitees of the meeting also invited to another meeting (of any group or
   * commission) at an overlapping time; the other meeting's title only where
   * the actor may see it. For those who may schedule the meeting. One statement
   * for every meeting in the request.
   */
  async doubleBookings(ctx: RequestContext, meeting: Meeting): Promise<DoubleBooking[]> {
    if (!(await this.maySchedule(ctx, meeting))) throw new ForbiddenError();
    const visible = await this.access.visibleCommissionIds(ctx);
    return ctx
      .loader<string, DoubleBooking[]>('meeting.doubleBookings', async (ids) => {
        const rows: OverlapRow[] = await this.dataSource.query(
          `SELECT mine.person_id, p.full_name, m.id AS meeting_id, other.id AS other_id, other.title AS other_title, other.commission_id AS other_commission_id,
                  other.starts_at AS other_starts_at, other.ends_at AS other_ends_at
             FROM meeting m
             JOIN invitation mine ON mine.meeting_id = m.id
             JOIN invitation theirs ON theirs.person_id = mine.person_id AND theirs.meeting_id <> m.id
             JOIN meeting other ON other.id = theirs.meeting_id AND other.status <> 'cancelled'
             JOIN person p ON p.id = mine.person_id AND p.erased_at IS NULL
            WHERE m.id = ANY($1::uuid[]) AND m.status <> 'cancelled'
              AND tstzrange(other.starts_at, other.ends_at, '[)') && tstzrange(m.starts_at, m.ends_at, '[)')
            ORDER BY m.id, p.full_name, mine.person_id, other.starts_at, other.id`,
          [ids],
        );
        return groupByKeys(
          ids,
          rows.map((row) => doubleBookingOf(row, visible)),
          (row) => row.meetingId,
        );
      })
      .load(meeting.id);
  }

  /**
   * Mails the invitees who have not answered (members, chair and guests; not
   * the informed substitutes) a reminder with the answer buttons, now. Each
   * mail is keyed by the minute it is sent in, so a double press sends once.
   */
  async remind(ctx: RequestContext, meetingId: string): Promise<InvitationReminderResult> {
    const meeting = await this.meetings.getToSchedule(ctx, meetingId);
    if (meeting.status === MeetingStatus.CANCELLED) throw new ConflictError('meetings.cancelled');
    if (meeting.endsAt.getTime() < Date.now()) throw new ConflictError('meetings.remindAfterEnd');
    const now = new Date();
    const { result, outboxIds } = await inTransaction(this.dataSource, async (manager) => {
      const rows: { person_id: string }[] = await manager.query(
        `SELECT i.person_id FROM invitation i JOIN person p ON p.id = i.person_id AND p.erased_at IS NULL
          WHERE i.meeting_id = $1 AND i.rsvp = 'pending' AND i.role <> 'substitute'`,
        [meeting.id],
      );
      const personIds = rows.map((row) => row.person_id);
      const outboxIds = personIds.length ? await this.notifier.send(manager, meeting, 'remind', personIds, now) : [];
      if (outboxIds.length) await this.audit.record(manager, ctx, { entity: 'meeting', entityId: meeting.id, action: 'remind-invitees', after: { personIds, sent: outboxIds.length } });
      return { result: { unanswered: personIds.length, sent: outboxIds.length }, outboxIds };
    });
    await this.outbox.dispatch(outboxIds);
    return result;
  }
}
