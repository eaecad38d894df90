import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { MailCalendar } from '@samverkan/mail';
import { InvitationRole, RsvpAnswer } from '../invitations/invitation.entity';
import { Meeting, MeetingStatus } from '../meeting.entity';

/*
 * Whose addresses a calendar shows (one policy for every path):
 * - an invitation, update or cancellation mail lists the ORGANIZER and the
 *   recipient as the only ATTENDEE (iTIP needs the recipient's own line for a
 *   client to offer accept/decline; nobody else's address goes to them);
 * - the per-person and per-group feeds list the reader only (their PARTSTAT);
 * - open events (PUBLISH, registrations) list no attendee at all;
 * - in GraphQL a person's e-mail is visible to the person, the secretariat of
 *   a commission they take part in, and administrators (Person.email); the
 *   other members see names and answers, not addresses.
 * Who is invited, and their answers, stay visible to members in GraphQL.
 */

export interface IcalPerson {
  name: string;
  email: string;
}

export interface IcalAttendee extends IcalPerson {
  rsvp: RsvpAnswer | 'accepted';
  role: InvitationRole;
}

export interface IcalEvent {
  meeting: Meeting;
  organizer: IcalPerson;
  attendees: IcalAttendee[];
  /** A link to the meeting in the app. */
  url?: string;
}

const PARTSTAT: Record<IcalAttendee['rsvp'], ICalAttendeeStatus> = {
  pending: ICalAttendeeStatus.NEEDSACTION,
  yes: ICalAttendeeStatus.ACCEPTED,
  accepted: ICalAttendeeStatus.ACCEPTED,
  no: ICalAttendeeStatus.DECLINED,
  maybe: ICalAttendeeStatus.TENTATIVE,
  substitute: ICalAttendeeStatus.DELEGATED,
};

/** The calendar of one recipient's mail: the event with the organizer and that recipient only. */
export function calendarFor(method: ICalCalendarMethod.REQUEST | ICalCalendarMethod.CANCEL | ICalCalendarMethod.PUBLISH, event: Omit<IcalEvent, 'attendees'>, recipient: IcalAttendee | null, filename: string): MailCalendar {
  return { method, filename, content: buildCalendar(method, [{ ...event, attendees: recipient ? [recipient] : [] }]).toString() };
}

/** The UID every calendar knows the meeting by; it never changes, whatever changes in the meeting. */
export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@samverkan`;
}

/**
 * VTIMEZONE blocks from timezones-ical-library. It answers an aliased zone
 * with its canonical twin (Europe/Copenhagen comes back as Europe/Berlin, same
 * rules), so the TZID is rewritten to the name the events use; otherwise a
 * client would not find the zone the DTSTART names.
 */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  const text = Array.isArray(block) ? block[0] : '';
  if (!text) return null;
  return text.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
}

/**
 * Builds a calendar with ical-generator. Start and end are luxon DateTimes in
 * the meeting's own zone (a plain Date would be written in the server's zone),
 * and each zone used gets its VTIMEZONE. No calendar-wide zone is set, so
 * DTSTAMP stays in UTC as RFC 5545 requires.
 */
export function buildCalendar(method: ICalCalendarMethod | null, events: IcalEvent[], name?: string): ICalCalendar {
  const calendar = ical({
    prodId: { company: 'Samverkan', product: 'Samverkan', language: 'EN' },
    timezone: { name: null, generator: vtimezone },
    ...(method ? { method } : {}),
    ...(name ? { name } : {}),
  });
  for (const { meeting, organizer, attendees, url } of events) {
    const zone = vtimezone(meeting.timeZone) ? meeting.timeZone : 'UTC';
    const event = calendar.createEvent({
      id: meetingUid(meeting.id),
      sequence: meeting.sequence,
      start: DateTime.fromJSDate(meeting.startsAt).setZone(zone),
      end: DateTime.fromJSDate(meeting.endsAt).setZone(zone),
      timezone: zone,
      stamp: DateTime.fromJSDate(meeting.updatedAt ?? new Date()).toUTC(),
      summary: meeting.title,
      description: meeting.description ?? undefined,
      location: [meeting.place, meeting.onlineUrl].filter(Boolean).join(' – ') || undefined,
      url: url ?? meeting.onlineUrl ?? undefined,
      status: meeting.status === MeetingStatus.CANCELLED || method === ICalCalendarMethod.CANCEL ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: { name: organizer.name, email: organizer.email },
    });
    for (const attendee of attendees) {
      event.createAttendee({
        name: attendee.name,
        email: attendee.email,
        status: PARTSTAT[attendee.rsvp],
        role: attendee.role === InvitationRole.CHAIR ? ICalAttendeeRole.CHAIR : attendee.role === InvitationRole.SUBSTITUTE ? ICalAttendeeRole.OPT : ICalAttendeeRole.REQ,
        rsvp: attendee.rsvp === RsvpAnswer.PENDING,
      });
    }
  }
  return calendar;
}
