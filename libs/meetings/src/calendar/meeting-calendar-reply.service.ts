import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError, RequestContext, inTransaction, publicUrl } from '@samverkan/core';
import { OutboxService, mailPaths, mailUrl } from '@samverkan/mail';
import { MailLinkService } from '@samverkan/mail-actions';
import { RsvpAnswer } from '../invitations/invitation.entity';
import { RsvpInput } from '../invitations/invitation.inputs';
import { MEETING_RSVP_ACTION } from '../meeting-mail.templates';
import { toLocale } from '../meeting-notifier.service';
import { MeetingStatus } from '../meeting.entity';
import { MeetingsService } from '../meetings.service';
import { calendarReplyStaleTemplate } from './meeting-calendar-reply.template';
import { meetingUid } from './meeting-ical';

/** A calendar's answer as read from the mail (libs/inbound): one attendee's line of a REPLY or COUNTER. */
export interface CalendarReplyInput {
  method: 'REPLY' | 'COUNTER';
  uid: string;
  sequence: number;
  attendeeEmail: string | null;
  partstat: string | null;
  delegatedTo: string | null;
  proposedStart: Date | null;
  proposedEnd: Date | null;
  comment: string | null;
}

/** What came of a calendar answer; the inbound mail row records it. */
export interface CalendarReplyOutcome {
  result:
    | 'applied'
    | 'counter-recorded'
    | 'stale-sequence'
    | 'invitation-gone'
    | 'uid-mismatch'
    | 'attendee-mismatch'
    | 'no-answer'
    | 'delegate-not-substitute'
    | 'meeting-closed'
    | 'refused';
  meetingId: string | null;
  personId: string | null;
  commissionId: string | null;
  detail: Record<string, unknown>;
}

/**
 * Where the answer came from, for the change it makes: the inbound mail's id,
 * and `finish`, which records the outcome on the inbound row inside the
 * transaction of the change and throws when the row is no longer ours (a
 * worker whose lease was taken over), so an answer is applied at most once.
 */
export interface CalendarReplyOrigin {
  inboundId: string;
  finish(manager: EntityManager, outcome: CalendarReplyOutcome): Promise<void>;
}

const PARTSTAT_ANSWER: Record<string, RsvpAnswer> = {
  ACCEPTED: RsvpAnswer.YES,
  DECLINED: RsvpAnswer.NO,
  TENTATIVE: RsvpAnswer.MAYBE,
};

interface InvitationRow {
  id: string;
  meeting_id: string;
  person_id: string;
  seat_id: string | null;
  sequence: number;
  status: MeetingStatus;
  commission_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  email: string | null;
  full_name: string;
  locale: string;
  person_zone: string | null;
  erased: boolean;
}

/**
 * Applies a calendar's answer to an invitation named by a signed address
 * (`rsvp+<token>@`, meeting-notifier). The token names the invitation; the
 * UID must be that meeting's and the ATTENDEE that person's address, so a mail
 * can change nothing the token does not name. An answer is the same `rsvp`
 * call the mutation makes, audited with origin `calendar-reply` and listed
 * with the answers given from mail.
 */
@Injectable()
export class MeetingCalendarReplies {
  private readonly logger = new Logger(MeetingCalendarReplies.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly outbox: OutboxService,
    private readonly links: MailLinkService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async answer(invitationId: string, reply: CalendarReplyInput, origin: CalendarReplyOrigin): Promise<CalendarReplyOutcome> {
    const [row]: InvitationRow[] = await this.dataSource.query(
      `SELECT i.id, i.meeting_id, i.person_id, i.seat_id, m.sequence, m.status, m.commission_id, m.title, m.starts_at, m.ends_at, m.time_zone,
              p.email, p.full_name, p.locale, p.time_zone AS person_zone, p.erased_at IS NOT NULL AS erased
         FROM invitation i JOIN meeting m ON m.id = i.meeting_id JOIN person p ON p.id = i.person_id
        WHERE i.id = $1`,
      [invitationId],
    );
    const base = { meetingId: row?.meeting_id ?? null, personId: row?.person_id ?? null, commissionId: row?.commission_id ?? null };
    const record = (result: CalendarReplyOutcome['result'], detail: Record<string, unknown> = {}): Promise<CalendarReplyOutcome> =>
      this.finishAlone(origin, { ...base, result, detail: { method: reply.method, sequence: reply.sequence, partstat: reply.partstat, ...detail } });

    if (!row || row.erased) return this.finishAlone(origin, { meetingId: null, personId: null, commissionId: null, result: 'invitation-gone', detail: {} });
    if (reply.uid !== meetingUid(row.meeting_id)) return record('uid-mismatch', { uid: reply.uid });
    if (!row.email || reply.attendeeEmail !== row.email.trim().toLowerCase()) return record('attendee-mismatch', { attendee: reply.attendeeEmail });
    if (row.status === MeetingStatus.CANCELLED || row.ends_at.getTime() < Date.now()) return record('meeting-closed');

    if (reply.sequence < row.sequence) {
      // The member answered an older version: not applied; they are told once per version that it changed.
      const outcome: CalendarReplyOutcome = { ...base, result: 'stale-sequence', detail: { method: reply.method, sequence: reply.sequence, current: row.sequence, partstat: reply.partstat } };
      const ids = await inTransaction(this.dataSource, async (manager) => {
        await origin.finish(manager, outcome);
        const { id, created } = await this.outbox.enqueue(manager, {
          template: calendarReplyStaleTemplate,
          props: { title: row.title, startsAt: row.starts_at.toISOString(), url: mailUrl(publicUrl(this.config), mailPaths.meeting(row.meeting_id)) },
          recipient: { personId: row.person_id, address: row.email!, name: row.full_name, locale: toLocale(row.locale), timeZone: row.person_zone ?? row.time_zone },
          dedupeKey: `calendar-stale:${row.id}:${row.sequence}`,
          commissionId: row.commission_id,
        });
        return created ? [id] : [];
      });
      await this.outbox.dispatch(ids);
      return outcome;
    }

    if (reply.method === 'COUNTER') {
      return record('counter-recorded', {
        proposedStart: reply.proposedStart?.toISOString() ?? null,
        proposedEnd: reply.proposedEnd?.toISOString() ?? null,
        comment: reply.comment,
      });
    }

    let input: RsvpInput;
    if (reply.partstat === 'DELEGATED') {
      const substituteId = await this.meetings.currentSubstitute({ seatId: row.seat_id, personId: row.person_id }, { startsAt: row.starts_at, timeZone: row.time_zone });
      const [substitute]: { email: string | null }[] = substituteId ? await this.dataSource.query(`SELECT email FROM person WHERE id = $1`, [substituteId]) : [];
      if (!substituteId || !substitute?.email || substitute.email.trim().toLowerCase() !== reply.delegatedTo) {
        return record('delegate-not-substitute', { delegatedTo: reply.delegatedTo });
      }
      input = Object.assign(new RsvpInput(), { answer: RsvpAnswer.SUBSTITUTE, substitutePersonId: substituteId });
    } else {
      const answer = reply.partstat ? PARTSTAT_ANSWER[reply.partstat] : undefined;
      if (!answer) return record('no-answer');
      input = Object.assign(new RsvpInput(), { answer });
    }

    const outcome: CalendarReplyOutcome = { ...base, result: 'applied', detail: { method: reply.method, sequence: reply.sequence, partstat: reply.partstat, answer: input.answer } };
    const ctx = RequestContext.system(`calendar-reply:${origin.inboundId}`);
    ctx.locale = toLocale(row.locale);
    ctx.actor = { personId: row.person_id, accountId: '', sessionId: '', isAdmin: false, locale: ctx.locale };
    ctx.via = {
      channel: 'calendar-reply',
      linkId: origin.inboundId,
      action: MEETING_RSVP_ACTION,
      subjectType: 'meeting',
      subjectId: row.meeting_id,
      // Inside rsvp's transaction: the inbound row is marked done with the answer, or neither commits.
      enlist: async (manager) => {
        await origin.finish(manager, outcome);
        await this.links.recordCalendarReply(manager, ctx, {
          replyId: origin.inboundId,
          action: MEETING_RSVP_ACTION,
          personId: row.person_id,
          subjectId: row.meeting_id,
          commissionId: row.commission_id,
          answer: { answer: input.answer, via: 'calendar' },
        });
      },
    };
    try {
      await this.meetings.rsvp(ctx, row.meeting_id, input);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The service refused (e.g. the meeting was cancelled meanwhile): recorded, nothing changed.
      return record('refused', { code: error.code, reason: error.message.slice(0, 300) });
    }
    return outcome;
  }

  private async finishAlone(origin: CalendarReplyOrigin, outcome: CalendarReplyOutcome): Promise<CalendarReplyOutcome> {
    await inTransaction(this.dataSource, (manager) => origin.finish(manager, outcome));
    return outcome;
  }
}
