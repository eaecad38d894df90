import { Inject, Injectable } from '@nestjs/common';
import { ICalCalendarMethod } from 'ical-generator';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, Locale, isLocale, publicUrl } from '@samverkan/core';
import { OutboxService, inboundAddress, inboundEnabled, mailPaths, mailUrl } from '@samverkan/mail';
import { MailLinkService } from '@samverkan/mail-actions';
import { calendarFor, IcalPerson } from './calendar/meeting-ical';
import { InvitationRole, RsvpAnswer } from './invitations/invitation.entity';
import { KIND_LABEL, MEETING_RSVP_ACTION, MeetingMailProps, meetingMailTemplate, RsvpButtonAnswer } from './meeting-mail.templates';
import { Meeting } from './meeting.entity';

const RSVP_BUTTONS: RsvpButtonAnswer[] = ['yes', 'no', 'maybe', 'substitute'];

interface InviteeRow {
  invitation_id: string;
  person_id: string;
  full_name: string;
  email: string | null;
  locale: string;
  time_zone: string;
  role: InvitationRole;
  rsvp: RsvpAnswer;
}

export type MeetingMailReason = 'invite' | 'update' | 'cancel' | 'stand-in' | 'remind';

/**
 * Writes the mails about a meeting into the outbox, inside the caller's
 * transaction: one per invitee with an email address, each carrying the
 * meeting's iCalendar (METHOD:REQUEST, or CANCEL) as a text/calendar part of
 * the body and as an .ics, deduped per person and SEQUENCE so a retried
 * request never mails twice. Each recipient's calendar names the organizer
 * and that recipient only (the policy is in meeting-ical.ts).
 */
@Injectable()
export class MeetingNotifier {
  constructor(
    private readonly outbox: OutboxService,
    private readonly links: MailLinkService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  meetingUrl(meetingId: string): string {
    return mailUrl(publicUrl(this.config), mailPaths.meeting(meetingId));
  }

  async organizerOf(manager: EntityManager, meeting: Meeting): Promise<IcalPerson> {
    if (meeting.organizerPersonId) {
      const [row]: { full_name: string; email: string | null }[] = await manager.query(`SELECT full_name, email FROM person WHERE id = $1`, [meeting.organizerPersonId]);
      if (row?.email) return { name: row.full_name, email: row.email };
    }
    const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(this.config.MAIL_FROM);
    return match ? { name: match[1] || 'Samverkan', email: match[2] } : { name: 'Samverkan', email: this.config.MAIL_FROM };
  }

  /** Invitees of a meeting with what the calendar and the mail need. */
  async invitees(manager: EntityManager, meetingId: string, personIds?: string[]): Promise<InviteeRow[]> {
    return manager.query(
      `SELECT i.id AS invitation_id, i.person_id, p.full_name, p.email, p.locale, p.time_zone, i.role, i.rsvp
         FROM invitation i JOIN person p ON p.id = i.person_id
        WHERE i.meeting_id = $1 AND p.erased_at IS NULL AND ($2::uuid[] IS NULL OR i.person_id = ANY($2::uuid[]))
        ORDER BY p.full_name, p.id`,
      [meetingId, personIds ?? null],
    );
  }

  /**
   * Mails the meeting to its invitees (all, or `personIds`). Returns the outbox
   * ids to dispatch after commit. Nothing for a meeting that has already ended.
   */
  async send(manager: EntityManager, meeting: Meeting, reason: MeetingMailReason, personIds?: string[], remindedAt?: Date): Promise<string[]> {
    // A meeting that is over is recorded (minutes, demo data), not announced.
    if (meeting.endsAt.getTime() < Date.now()) return [];
    const everyone = await this.invitees(manager, meeting.id);
    const recipients = personIds ? everyone.filter((row) => personIds.includes(row.person_id)) : everyone;
    if (recipients.length === 0) return [];
    const organizer = await this.organizerOf(manager, meeting);
    const method = reason === 'cancel' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
    const event = { meeting, organizer, url: this.meetingUrl(meeting.id) };
    const props = await this.mailProps(manager, meeting);
    const ids: string[] = [];
    for (const row of recipients) {
      if (!row.email) continue;
      // With inbound mail on, the ORGANIZER is an address of ours naming this invitation, so the
      // calendar's Accept / Decline comes back to us (a REPLY, RFC 6047) and is matched by what we signed.
      const replyTo = inboundAddress(this.config, 'rsvp', row.invitation_id);
      const rowEvent = replyTo ? { ...event, organizer: { name: organizer.name, email: replyTo } } : event;
      const calendar = calendarFor(method, rowEvent, { name: row.full_name, email: row.email, rsvp: row.rsvp, role: row.role }, reason === 'cancel' ? 'cancel.ics' : 'invite.ics');
      const mailReason: MeetingMailProps['reason'] = reason === 'invite' && row.role === InvitationRole.SUBSTITUTE ? 'informed' : reason;
      // Those who are asked to answer get the answers as buttons: one link bound to them and to this SEQUENCE.
      const asked = (reason === 'invite' || reason === 'update' || reason === 'remind') && row.role !== InvitationRole.SUBSTITUTE;
      const urls = asked ? await this.links.urls(manager, MEETING_RSVP_ACTION, row.person_id, meeting.id, RSVP_BUTTONS.map((answer) => ({ answer }))) : [];
      const { id, created } = await this.outbox.enqueue(manager, {
        template: meetingMailTemplate,
        props: { ...props, reason: mailReason, url: this.meetingUrl(meeting.id), rsvpButtons: urls.map((url, i) => ({ answer: RSVP_BUTTONS[i], url })), calendarReplies: inboundEnabled(this.config) },
        recipient: { personId: row.person_id, address: row.email, name: row.full_name, locale: toLocale(row.locale), timeZone: row.time_zone },
        // A reminder is keyed by its minute: a second press in the same minute sends nothing more.
        dedupeKey:
          reason === 'remind'
            ? `remind:${meeting.id}:${row.person_id}:${meeting.sequence}:${(remindedAt ?? new Date()).toISOString().slice(0, 16)}`
            : `${reason === 'cancel' || reason === 'stand-in' ? reason : 'invite'}:${meeting.id}:${row.person_id}:${meeting.sequence}`,
        calendar,
        commissionId: meeting.commissionId,
      });
      if (created) ids.push(id);
    }
    return ids;
  }

  /**
   * Tells the people registered for an open event (confirmed, and for a
   * cancellation also the waitlist) that it changed or was cancelled, with the
   * .ics (PUBLISH with the new SEQUENCE, or CANCEL). One mail per registration
   * and SEQUENCE.
   */
  async sendToRegistrants(manager: EntityManager, meeting: Meeting, reason: 'update' | 'cancel'): Promise<string[]> {
    if (!meeting.isOpen || meeting.endsAt.getTime() < Date.now()) return [];
    const rows: { id: string; full_name: string; email: string; locale: string }[] = await manager.query(
      `SELECT id, full_name, email, locale FROM registration
        WHERE meeting_id = $1 AND (status = 'confirmed' OR ($2 AND status = 'waitlisted'))
        ORDER BY created_at, id`,
      [meeting.id, reason === 'cancel'],
    );
    if (rows.length === 0) return [];
    const organizer = await this.organizerOf(manager, meeting);
    const method = reason === 'cancel' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH;
    const calendar = calendarFor(method, { meeting, organizer }, null, reason === 'cancel' ? 'cancel.ics' : 'event.ics');
    const props = await this.mailProps(manager, meeting);
    const ids: string[] = [];
    for (const row of rows) {
      const { id, created } = await this.outbox.enqueue(manager, {
        template: meetingMailTemplate,
        props: { ...props, reason: reason === 'cancel' ? 'cancel' : 'event-changed' },
        recipient: { address: row.email, name: row.full_name, locale: toLocale(row.locale), timeZone: meeting.timeZone },
        dedupeKey: `registration-${reason}:${row.id}:${meeting.sequence}`,
        calendar,
        commissionId: meeting.commissionId,
      });
      if (created) ids.push(id);
    }
    return ids;
  }

  /** What the mail lists besides the time: the agenda and the action items carried to it. */
  async mailProps(manager: EntityManager, meeting: Meeting): Promise<Omit<MeetingMailProps, 'reason'>> {
    const agenda: { position: number; title: string; duration_minutes: number }[] = await manager.query(
      `SELECT position, title, duration_minutes FROM agenda_item WHERE meeting_id = $1 ORDER BY position`,
      [meeting.id],
    );
    const carried: { title: string; due_on: string | null }[] = await manager.query(`${CARRIED_SQL} ORDER BY ai.due_on NULLS LAST, ai.created_at`, [[meeting.id]]);
    return {
      title: meeting.title,
      kindLabel: KIND_LABEL[meeting.kind],
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      place: meeting.place,
      onlineUrl: meeting.onlineUrl,
      agenda: agenda.map((row) => ({ position: row.position, title: row.title, durationMinutes: row.duration_minutes })),
      carried: carried.map((row) => ({ title: row.title, dueOn: row.due_on })),
    };
  }
}

export function toLocale(value: string): Locale {
  return isLocale(value) ? value : 'sv';
}

/**
 * Action items decided at earlier meetings of the same group (or of the whole
 * commission) that were not done when the meeting ($1: meeting ids) starts:
 * they come back on its agenda until done. Only from approved minutes: what a
 * draft lists has not been decided yet (the reports follow the same rule).
 */
export const CARRIED_SQL = `
  SELECT m.id AS for_meeting_id, ai.id, ai.minutes_id, ai.meeting_id, ai.agenda_item_id, ai.title, ai.assignee_person_id,
         ai.due_on::text AS due_on, ai.status, ai.done_at, ai.created_at
    FROM meeting m
    JOIN meeting prev ON prev.commission_id = m.commission_id
                     AND prev.working_group_id IS NOT DISTINCT FROM m.working_group_id
                     AND prev.starts_at < m.starts_at
    JOIN action_item ai ON ai.meeting_id = prev.id
    JOIN minutes mi ON mi.id = ai.minutes_id AND mi.status = 'approved'
   WHERE m.id = ANY($1::uuid[])
     AND (ai.status IN ('open', 'in_progress') OR ai.done_at > m.starts_at)`;
