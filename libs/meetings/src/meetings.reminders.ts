import { registerReminderRule } from '@samverkan/notifications';
import { MEETING_RSVP_ACTION, MINUTES_APPROVAL_ACTION, RSVP_BUTTON_LABELS } from './meeting-mail.templates';
import { mailPathSql } from '@samverkan/mail';

/** The answers as buttons in a reminder to answer an invitation (the same link as in the invitation's buttons). */
const RSVP_ACTION = {
  name: MEETING_RSVP_ACTION,
  buttons: (['yes', 'no', 'maybe', 'substitute'] as const).map((answer) => ({ label: RSVP_BUTTON_LABELS[answer], prefill: { answer } })),
};
/** "Approve the minutes" in the request to an adjuster and in its reminders. */
const APPROVE_ACTION = {
  name: MINUTES_APPROVAL_ACTION,
  buttons: [{ label: { sv: 'Justera protokollet', da: 'Godkend referatet', en: 'Approve the minutes' } }],
};

/**
 * Reminders owed from the meetings area, each one set-based query. The dedupe
 * keys hold the moment they are about (the start, or when the minutes were sent),
 * so a moved meeting cancels the old reminders and owes new ones.
 */

// A week and a day before: to everyone invited who has not declined.
registerReminderRule({
  kind: 'meeting.upcoming',
  label: { sv: 'Kommande möte', da: 'Kommende møde', en: 'Upcoming meeting' },
  optOutAllowed: true,
  subject: { sv: 'Påminnelse: {title} {at}', da: 'Påmindelse: {title} {at}', en: 'Reminder: {title} {at}' },
  line: {
    sv: '{title} börjar {at} ({when}).',
    da: '{title} begynder {at} ({when}).',
    en: '{title} starts {at} ({when}).',
  },
  owedSql: `
    SELECT i.person_id, 'meeting' AS subject_type, m.id AS subject_id,
           m.starts_at - make_interval(days => o.days) AS due_at,
           'meeting.upcoming:' || m.id || ':' || to_char(m.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') || ':' || o.days || ':' || i.person_id AS dedupe_key,
           jsonb_build_object('title', m.title, 'at', m.starts_at, 'days', o.days, 'path', ${mailPathSql('meeting', 'm.id')}, 'commissionId', m.commission_id) AS props
      FROM meeting m
      CROSS JOIN (VALUES (7), (1)) AS o(days)
      JOIN invitation i ON i.meeting_id = m.id AND i.rsvp <> 'no'
     WHERE m.status <> 'cancelled'
       AND m.starts_at >= (:from) AND m.starts_at < (:until) + interval '7 days'`,
});

// Invitees who have not answered (or must answer again after a change): three days before.
registerReminderRule({
  kind: 'meeting.rsvp-missing',
  action: RSVP_ACTION,
  label: { sv: 'Svar på inbjudan saknas', da: 'Svar på invitation mangler', en: 'Invitation not answered' },
  optOutAllowed: false,
  subject: { sv: 'Svara på inbjudan: {title} {at}', da: 'Svar på invitationen: {title} {at}', en: 'Please answer: {title} {at}' },
  line: {
    sv: 'Du har inte svarat på inbjudan till {title} {at}. Svara ja, nej, kanske eller att din ersättare kommer.',
    da: 'Du har ikke svaret på invitationen til {title} {at}. Svar ja, nej, måske eller at din stedfortræder kommer.',
    en: 'You have not answered the invitation to {title} {at}. Answer yes, no, maybe, or that your substitute comes.',
  },
  owedSql: `
    SELECT i.person_id, 'meeting' AS subject_type, m.id AS subject_id,
           m.starts_at - interval '3 days' AS due_at,
           'meeting.rsvp-missing:' || m.id || ':' || m.sequence || ':' || to_char(m.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') || ':' || i.person_id AS dedupe_key,
           jsonb_build_object('title', m.title, 'at', m.starts_at, 'path', ${mailPathSql('meeting', 'm.id')}, 'commissionId', m.commission_id) AS props
      FROM meeting m
      JOIN invitation i ON i.meeting_id = m.id AND i.rsvp = 'pending' AND i.role <> 'substitute'
     WHERE m.status <> 'cancelled'
       AND m.starts_at >= (:from) AND m.starts_at < (:until) + interval '3 days'`,
});

// Minutes sent for approval and not approved: to each adjuster who has not, 3 and 7 days after sending.
registerReminderRule({
  kind: 'minutes.unapproved',
  action: APPROVE_ACTION,
  label: { sv: 'Protokoll att justera', da: 'Referat til godkendelse', en: 'Minutes to approve' },
  optOutAllowed: false,
  subject: { sv: 'Justera protokollet: {title}', da: 'Godkend referatet: {title}', en: 'Approve the minutes: {title}' },
  line: {
    sv: 'Protokollet från {title} ({at}) väntar på din justering.',
    da: 'Referatet fra {title} ({at}) venter på din godkendelse.',
    en: 'The minutes of {title} ({at}) are waiting for your approval.',
  },
  owedSql: `
    SELECT a.person_id, 'minutes' AS subject_type, mi.id AS subject_id,
           mi.sent_for_approval_at + make_interval(days => o.days) AS due_at,
           'minutes.unapproved:' || mi.id || ':' || to_char(mi.sent_for_approval_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || ':' || o.days || ':' || a.person_id AS dedupe_key,
           jsonb_build_object('title', m.title, 'at', m.starts_at, 'path', ${mailPathSql('meetingMinutes', 'm.id')}, 'commissionId', m.commission_id) AS props
      FROM minutes mi
      CROSS JOIN (VALUES (3), (7)) AS o(days)
      JOIN minutes_adjuster a ON a.minutes_id = mi.id AND a.approved_at IS NULL
      JOIN meeting m ON m.id = mi.meeting_id
     WHERE mi.status = 'in_approval'
       AND mi.sent_for_approval_at >= (:from) - interval '7 days' AND mi.sent_for_approval_at < (:until)`,
});

// Written by MinutesService when the minutes are sent (no SQL: the engine leaves these rows alone).
registerReminderRule({
  kind: 'minutes.approval-requested',
  action: APPROVE_ACTION,
  label: { sv: 'Protokoll skickat för justering', da: 'Referat sendt til godkendelse', en: 'Minutes sent for approval' },
  optOutAllowed: false,
  subject: { sv: 'Protokoll att justera: {title}', da: 'Referat til godkendelse: {title}', en: 'Minutes to approve: {title}' },
  line: {
    sv: 'Du är justerare av protokollet från {title} ({at}). Läs och justera det.',
    da: 'Du skal godkende referatet fra {title} ({at}). Læs og godkend det.',
    en: 'You are an adjuster of the minutes of {title} ({at}). Please read and approve them.',
  },
});
