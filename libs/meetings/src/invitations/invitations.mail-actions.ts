import type { EntityManager } from 'typeorm';
import { Locale, Translated, interpolate } from '@samverkan/core';
import { formatDateTime } from '@samverkan/mail';
import { registerMailAction } from '@samverkan/mail-actions';
import { KIND_LABEL, MEETING_RSVP_ACTION, RSVP_BUTTON_LABELS } from '../meeting-mail.templates';
import { MeetingStatus } from '../meeting.entity';
import { MeetingsService, seatSubstituteSql } from '../meetings.service';
import { RsvpAnswer } from './invitation.entity';
import { RsvpInput } from './invitation.inputs';

/** What an invitee sees of a meeting on the RSVP page (in their own time zone). */
export interface RsvpSubject {
  meetingId: string;
  title: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  status: MeetingStatus;
  sequence: number;
  commissionId: string;
  /** Null when the person is not (or no longer) invited. */
  rsvp: RsvpAnswer | null;
  /** The seat's substitute on the meeting's date, who comes when "my substitute attends" names nobody. */
  seatSubstitute: string | null;
  timeZone: string;
}

async function loadRsvpSubject(manager: EntityManager, meetingId: string, personId: string): Promise<RsvpSubject | undefined> {
  const [row] = await manager.query(
    `SELECT m.id AS "meetingId", m.title, m.kind, m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.place, m.online_url AS "onlineUrl",
            m.status, m.sequence, m.commission_id AS "commissionId", i.rsvp, coalesce(p.time_zone, m.time_zone) AS "timeZone",
            (SELECT sp.full_name FROM person sp
              WHERE sp.id = (${seatSubstituteSql('i.seat_id', '(m.starts_at AT TIME ZONE m.time_zone)::date', '$2')})) AS "seatSubstitute"
       FROM meeting m
       LEFT JOIN invitation i ON i.meeting_id = m.id AND i.person_id = $2
       LEFT JOIN person p ON p.id = $2
      WHERE m.id = $1`,
    [meetingId, personId],
  );
  return row;
}

const RSVP_TEXTS = {
  title: { sv: 'Svara: {title}', da: 'Svar: {title}', en: 'Answer: {title}' },
  when: { sv: '{kind}: {from} – {until}', da: '{kind}: {from} – {until}', en: '{kind}: {from} – {until}' },
  where: { sv: 'Plats: {place}', da: 'Sted: {place}', en: 'Where: {place}' },
  online: { sv: 'Länk: {url}', da: 'Link: {url}', en: 'Online: {url}' },
  current: { sv: 'Ditt svar hittills: {answer}.', da: 'Dit svar indtil nu: {answer}.', en: 'Your answer so far: {answer}.' },
  answer: { sv: 'Ditt svar', da: 'Dit svar', en: 'Your answer' },
  substituteName: { sv: 'Vem kommer i ditt ställe?', da: 'Hvem kommer i dit sted?', en: 'Who attends in your place?' },
  substituteHint: {
    sv: 'Bara om din ersättare kommer. Lämna tomt om platsens ersättare {name} kommer.',
    da: 'Kun hvis din suppleant kommer. Lad feltet stå tomt, hvis pladsens suppleant {name} kommer.',
    en: 'Only if your substitute attends. Leave empty if the seat’s substitute, {name}, attends.',
  },
  substituteHintNone: {
    sv: 'Bara om din ersättare kommer: skriv namnet på den som kommer i ditt ställe.',
    da: 'Kun hvis din suppleant kommer: skriv navnet på den, der kommer i dit sted.',
    en: 'Only if your substitute attends: the name of the person who attends in your place.',
  },
  submit: { sv: 'Skicka svaret', da: 'Send svaret', en: 'Send the answer' },
  done: {
    sv: 'Sekretariatet ser ditt svar. Du kan ändra det med knapparna i samma e-postmeddelande fram till mötet.',
    da: 'Sekretariatet kan se dit svar. Du kan ændre det med knapperne i den samme e-mail frem til mødet.',
    en: 'The secretariat can see your answer. You can change it with the buttons in the same email until the meeting.',
  },
  label: { sv: 'Svar på mötesinbjudan', da: 'Svar på mødeinvitation', en: 'Meeting invitation answer' },
} satisfies Record<string, Translated>;

const CURRENT_ANSWER: Record<RsvpAnswer, Translated> = {
  [RsvpAnswer.PENDING]: { sv: 'inte svarat', da: 'ikke svaret', en: 'not answered' },
  [RsvpAnswer.YES]: { sv: 'kommer', da: 'kommer', en: 'attending' },
  [RsvpAnswer.NO]: { sv: 'kommer inte', da: 'kommer ikke', en: 'not attending' },
  [RsvpAnswer.MAYBE]: { sv: 'kanske', da: 'måske', en: 'maybe' },
  [RsvpAnswer.SUBSTITUTE]: { sv: 'ersättaren kommer', da: 'suppleanten kommer', en: 'substitute attends' },
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The answer to a meeting invitation from the mail, as `rsvp` does. Not single
 * use (an answer may change), but the link carries the meeting's SEQUENCE and
 * status: a new time or place, or a cancellation, makes every earlier link stale.
 */
export const meetingRsvp = registerMailAction<RsvpSubject, RsvpInput, MeetingsService>({
  name: MEETING_RSVP_ACTION,
  subjectType: 'meeting',
  singleUse: false,
  async load(manager, meetingId, personId) {
    const subject = await loadRsvpSubject(manager, meetingId, personId);
    if (!subject) return undefined;
    return {
      subject,
      version: `${subject.sequence}|${subject.status === MeetingStatus.CANCELLED ? 'cancelled' : 'on'}`,
      commissionId: subject.commissionId,
      entitled: subject.rsvp !== null,
      open: subject.status !== MeetingStatus.CANCELLED && new Date(subject.endsAt).getTime() > Date.now(),
    };
  },
  title: (s, locale) => interpolate(RSVP_TEXTS.title[locale], { title: s.title }),
  intro(s, locale) {
    const kind = capitalise(KIND_LABEL[s.kind]?.[locale] ?? s.kind);
    return [
      interpolate(RSVP_TEXTS.when[locale], { kind, from: formatDateTime(new Date(s.startsAt), locale, s.timeZone), until: formatDateTime(new Date(s.endsAt), locale, s.timeZone) }),
      ...(s.place ? [interpolate(RSVP_TEXTS.where[locale], { place: s.place })] : []),
      ...(s.onlineUrl ? [interpolate(RSVP_TEXTS.online[locale], { url: s.onlineUrl })] : []),
      ...(s.rsvp ? [interpolate(RSVP_TEXTS.current[locale], { answer: CURRENT_ANSWER[s.rsvp][locale] })] : []),
    ];
  },
  fields: (s) => [
    {
      kind: 'radio',
      name: 'answer',
      label: RSVP_TEXTS.answer,
      required: true,
      options: (['yes', 'no', 'maybe', 'substitute'] as const).map((value) => ({ value, label: RSVP_BUTTON_LABELS[value] })),
    },
    {
      kind: 'text',
      name: 'substituteName',
      label: RSVP_TEXTS.substituteName,
      hint: s.seatSubstitute
        ? (Object.fromEntries((['sv', 'da', 'en'] as Locale[]).map((l) => [l, interpolate(RSVP_TEXTS.substituteHint[l], { name: s.seatSubstitute })])) as Translated)
        : RSVP_TEXTS.substituteHintNone,
      maxLength: 300,
    },
  ],
  submit: RSVP_TEXTS.submit,
  done: RSVP_TEXTS.done,
  label: RSVP_TEXTS.label,
  prefill: ['answer'],
  inputType: RsvpInput,
  parse(form) {
    const answer = (form.answer ?? '') as RsvpAnswer;
    const substituteName = answer === RsvpAnswer.SUBSTITUTE ? form.substituteName?.trim() || undefined : undefined;
    return { input: Object.assign(new RsvpInput(), { answer, substituteName }), fieldOf: (path) => (path === 'answer' || path === 'substituteName' ? path : undefined) };
  },
  service: () => MeetingsService,
  perform: (meetings, ctx, input, meetingId) => meetings.rsvp(ctx, meetingId, input),
  summarize: (input) => ({ answer: input.answer, substituteNamed: !!input.substituteName }),
  // Calendar replies are kept in the same shape ({ answer, via: 'calendar' }).
  describe: (summary, locale) => capitalise(CURRENT_ANSWER[summary.answer as RsvpAnswer]?.[locale] ?? String(summary.answer ?? '')),
});
