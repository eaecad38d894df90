import { Locale, Translated } from '@samverkan/core';
import { Recipient, SafeHtml, defineMailTemplate, fill, formatDateTime, html, layout, textFooter } from '@samverkan/mail';
import { mailButtons } from '@samverkan/mail-actions';

/** What every meeting mail shows; times are rendered in the reader's language and zone. */
export interface MeetingMailProps {
  title: string;
  kindLabel: Translated;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  agenda: { position: number; title: string; durationMinutes: number }[];
  carried: { title: string; dueOn: string | null }[];
  /** invite: first invitation; update: time, place or title changed (answer again); informed: you are a substitute. */
  reason: 'invite' | 'update' | 'informed' | 'cancel' | 'registered' | 'waitlisted' | 'event-changed' | 'stand-in' | 'remind';
  url?: string;
  cancelUrl?: string;
  /** One-click answers (invitations and updates to those who answer): one signed link, an answer preselected per button. */
  rsvpButtons?: { answer: RsvpButtonAnswer; url: string }[];
  /** Whether an answer given in the calendar (Accept / Decline) reaches us: inbound mail is on (docs/inbound-mail.md). */
  calendarReplies?: boolean;
}

/**
 * The mail actions of this area (registered in meetings.mail-actions.ts, which
 * imports the services; the services name the actions by these constants).
 */
export const MEETING_RSVP_ACTION = 'meeting.rsvp';
export const MINUTES_APPROVAL_ACTION = 'minutes.approve';

export type RsvpButtonAnswer = 'yes' | 'no' | 'maybe' | 'substitute';

/** The answers a meeting mail offers as buttons, and the same words on the page behind them. */
export const RSVP_BUTTON_LABELS: Record<RsvpButtonAnswer, Translated> = {
  yes: { sv: 'Jag kommer', da: 'Jeg kommer', en: 'I will attend' },
  no: { sv: 'Jag kommer inte', da: 'Jeg kommer ikke', en: 'I will not attend' },
  maybe: { sv: 'Kanske', da: 'Måske', en: 'Maybe' },
  substitute: { sv: 'Min ersättare kommer', da: 'Min suppleant kommer', en: 'My substitute attends' },
};
const RSVP_NOTE: Translated = {
  sv: 'Knapparna öppnar en sida där du bekräftar ditt svar; du behöver inte logga in. Du kan ändra svaret senare med samma knappar.',
  da: 'Knapperne åbner en side, hvor du bekræfter dit svar; du skal ikke logge ind. Du kan ændre svaret senere med de samme knapper.',
  en: 'The buttons open a page where you confirm your answer; no sign-in needed. You can change your answer later with the same buttons.',
};

/** Beside the buttons: whether the calendar's own Accept / Decline is an answer too. */
const CALENDAR_REPLY_NOTE: Record<'on' | 'off', Translated> = {
  on: {
    sv: 'Du kan också svara direkt i din kalender (Acceptera, Avböj, Kanske); svaret registreras på samma sätt.',
    da: 'Du kan også svare direkte i din kalender (Accepter, Afvis, Måske); svaret registreres på samme måde.',
    en: 'You can also answer in your calendar (Accept, Decline, Tentative); the answer is recorded the same way.',
  },
  off: {
    sv: 'Svara med knapparna: ett svar från din kalender når inte fram till oss.',
    da: 'Svar med knapperne: et svar fra din kalender når ikke frem til os.',
    en: 'Answer with the buttons: an answer given in your calendar does not reach us.',
  },
};

const SUBJECT: Record<MeetingMailProps['reason'], Translated> = {
  invite: { sv: 'Inbjudan: {title}, {at}', da: 'Invitation: {title}, {at}', en: 'Invitation: {title}, {at}' },
  update: { sv: 'Ändrat: {title}, {at}', da: 'Ændret: {title}, {at}', en: 'Changed: {title}, {at}' },
  informed: { sv: 'För kännedom (ersättare): {title}, {at}', da: 'Til orientering (stedfortræder): {title}, {at}', en: 'For information (substitute): {title}, {at}' },
  cancel: { sv: 'Inställt: {title}, {at}', da: 'Aflyst: {title}, {at}', en: 'Cancelled: {title}, {at}' },
  registered: { sv: 'Anmälan bekräftad: {title}, {at}', da: 'Tilmelding bekræftet: {title}, {at}', en: 'Registration confirmed: {title}, {at}' },
  waitlisted: { sv: 'Väntelista: {title}, {at}', da: 'Venteliste: {title}, {at}', en: 'Waitlist: {title}, {at}' },
  'event-changed': { sv: 'Ändrat: {title}, {at}', da: 'Ændret: {title}, {at}', en: 'Changed: {title}, {at}' },
  'stand-in': { sv: 'Du kommer som ersättare: {title}, {at}', da: 'Du deltager som stedfortræder: {title}, {at}', en: 'You attend as substitute: {title}, {at}' },
  remind: { sv: 'Svara på inbjudan: {title}, {at}', da: 'Svar på invitationen: {title}, {at}', en: 'Please answer: {title}, {at}' },
};

const LEAD: Record<MeetingMailProps['reason'], Translated> = {
  invite: {
    sv: 'Du är inbjuden till {kind} {title}. Svara ja, nej, kanske eller att din ersättare kommer.',
    da: 'Du er inviteret til {kind} {title}. Svar ja, nej, måske eller at din stedfortræder kommer.',
    en: 'You are invited to the {kind} {title}. Answer yes, no, maybe, or that your substitute comes.',
  },
  update: {
    sv: '{kind} {title} har ändrats. Kontrollera tid och plats och svara igen.',
    da: '{kind} {title} er ændret. Kontrollér tid og sted, og svar igen.',
    en: 'The {kind} {title} has changed. Check the time and place and answer again.',
  },
  informed: {
    sv: 'För kännedom: du är ersättare och kan behöva komma till {kind} {title} om ledamoten får förhinder.',
    da: 'Til orientering: du er stedfortræder og kan blive bedt om at deltage i {kind} {title}, hvis medlemmet får forfald.',
    en: 'For your information: you are a substitute and may be asked to attend the {kind} {title} if the member cannot.',
  },
  cancel: {
    sv: '{kind} {title} är inställt.',
    da: '{kind} {title} er aflyst.',
    en: 'The {kind} {title} is cancelled.',
  },
  registered: {
    sv: 'Tack för din anmälan till {kind} {title}. Du har en plats.',
    da: 'Tak for din tilmelding til {kind} {title}. Du har en plads.',
    en: 'Thank you for registering for the {kind} {title}. You have a place.',
  },
  waitlisted: {
    sv: '{kind} {title} är fullt. Du står på väntelistan och får ett nytt besked om en plats blir ledig.',
    da: '{kind} {title} er fuldt. Du er på ventelisten og får besked, hvis en plads bliver ledig.',
    en: 'The {kind} {title} is full. You are on the waitlist and will hear from us if a place comes free.',
  },
  'stand-in': {
    sv: 'Ledamoten har meddelat att du kommer i hens ställe till {kind} {title}. Mötet finns nu i din kalender.',
    da: 'Medlemmet har meddelt, at du deltager i stedet til {kind} {title}. Mødet er nu i din kalender.',
    en: 'The member has told us that you attend the {kind} {title} in their place. The meeting is now in your calendar.',
  },
  remind: {
    sv: 'Sekretariatet påminner: du har inte svarat på inbjudan till {kind} {title}. Svara ja, nej, kanske eller att din ersättare kommer.',
    da: 'Sekretariatet minder om: du har ikke svaret på invitationen til {kind} {title}. Svar ja, nej, måske eller at din stedfortræder kommer.',
    en: 'A reminder from the secretariat: you have not answered the invitation to the {kind} {title}. Answer yes, no, maybe, or that your substitute comes.',
  },
  'event-changed': {
    sv: '{kind} {title} som du är anmäld till har ändrats. Kontrollera tid och plats; din plats gäller.',
    da: '{kind} {title}, som du er tilmeldt, er ændret. Kontrollér tid og sted; din plads gælder stadig.',
    en: 'The {kind} {title} you registered for has changed. Check the time and place; your place still stands.',
  },
};

const WHEN: Translated = { sv: 'Tid', da: 'Tid', en: 'When' };
const WHERE: Translated = { sv: 'Plats', da: 'Sted', en: 'Where' };
const ONLINE: Translated = { sv: 'Länk', da: 'Link', en: 'Online' };
const AGENDA: Translated = { sv: 'Dagordning', da: 'Dagsorden', en: 'Agenda' };
const CARRIED: Translated = { sv: 'Öppna åtgärdspunkter från tidigare möten', da: 'Åbne opfølgningspunkter fra tidligere møder', en: 'Open action items from earlier meetings' };
const MINUTES_SHORT: Translated = { sv: 'min', da: 'min.', en: 'min' };
const OPEN: Translated = { sv: 'Öppna i Samverkan', da: 'Åbn i Samverkan', en: 'Open in Samverkan' };
const CANCEL_LINK: Translated = { sv: 'Avboka din plats', da: 'Afmeld din plads', en: 'Cancel your place' };
const CALENDAR: Translated = {
  sv: 'Kalenderfilen (.ics) är bifogad.',
  da: 'Kalenderfilen (.ics) er vedhæftet.',
  en: 'The calendar file (.ics) is attached.',
};

export const KIND_LABEL: Record<string, Translated> = {
  meeting: { sv: 'mötet', da: 'mødet', en: 'meeting' },
  workshop: { sv: 'workshopen', da: 'workshoppen', en: 'workshop' },
  webinar: { sv: 'webbinariet', da: 'webinaret', en: 'webinar' },
  dialogue: { sv: 'dialogmötet', da: 'dialogmødet', en: 'dialogue' },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Invitations, updates, cancellations and registration answers for meetings and open events. */
export const meetingMailTemplate = defineMailTemplate<MeetingMailProps>('meeting', (props, recipient: Recipient) => {
  const locale: Locale = recipient.locale;
  const at = formatDateTime(props.startsAt, locale, recipient.timeZone);
  const until = formatDateTime(props.endsAt, locale, recipient.timeZone);
  const kind = props.kindLabel[locale];
  const subject = fill(SUBJECT[props.reason], locale, { title: props.title, at }).text;
  const leadText = fill(LEAD[props.reason], locale, { title: props.title, kind });
  const lead = { text: capitalise(leadText.text), html: new SafeHtml(capitalise(leadText.html.value)) };
  const withIcs = props.reason !== 'waitlisted';
  const agenda = props.agenda.map((item) => `${item.position}. ${item.title}${item.durationMinutes ? ` (${item.durationMinutes} ${MINUTES_SHORT[locale]})` : ''}`);
  const carried = props.carried.map((item) => `– ${item.title}${item.dueOn ? ` (${item.dueOn})` : ''}`);
  const buttons = props.rsvpButtons?.length ? mailButtons(props.rsvpButtons.map((b) => ({ label: RSVP_BUTTON_LABELS[b.answer][locale], url: b.url }))) : undefined;
  const replyNote = CALENDAR_REPLY_NOTE[props.calendarReplies ? 'on' : 'off'][locale];
  const body = html`<p>${lead.html}</p>
<dl>
<dt>${WHEN[locale]}</dt><dd>${at} – ${until}</dd>
${props.place ? html`<dt>${WHERE[locale]}</dt><dd>${props.place}</dd>` : ''}
${props.onlineUrl ? html`<dt>${ONLINE[locale]}</dt><dd><a href="${props.onlineUrl}">${props.onlineUrl}</a></dd>` : ''}
</dl>
${buttons ? html`${buttons.html}<p style="font-size: 0.9em; color: #4a4a4a;">${RSVP_NOTE[locale]}</p><p style="font-size: 0.9em; color: #4a4a4a;">${replyNote}</p>` : ''}
${agenda.length && props.reason !== 'cancel' ? html`<h2>${AGENDA[locale]}</h2><ol>${props.agenda.map((item) => html`<li>${item.title}${item.durationMinutes ? ` (${item.durationMinutes} ${MINUTES_SHORT[locale]})` : ''}</li>`)}</ol>` : ''}
${carried.length && props.reason !== 'cancel' ? html`<h2>${CARRIED[locale]}</h2><ul>${props.carried.map((item) => html`<li>${item.title}${item.dueOn ? ` (${item.dueOn})` : ''}</li>`)}</ul>` : ''}
${withIcs ? html`<p>${CALENDAR[locale]}</p>` : ''}
${props.url ? html`<p><a href="${props.url}">${OPEN[locale]}</a></p>` : ''}
${props.cancelUrl ? html`<p><a href="${props.cancelUrl}">${CANCEL_LINK[locale]}</a></p>` : ''}`;
  const text =
    [
      lead.text,
      `${WHEN[locale]}: ${at} – ${until}`,
      props.place ? `${WHERE[locale]}: ${props.place}` : undefined,
      props.onlineUrl ? `${ONLINE[locale]}: ${props.onlineUrl}` : undefined,
      buttons ? `${buttons.text}\n\n${RSVP_NOTE[locale]}\n${replyNote}` : undefined,
      agenda.length && props.reason !== 'cancel' ? `${AGENDA[locale]}:\n${agenda.join('\n')}` : undefined,
      carried.length && props.reason !== 'cancel' ? `${CARRIED[locale]}:\n${carried.join('\n')}` : undefined,
      withIcs ? CALENDAR[locale] : undefined,
      props.url ? `${OPEN[locale]}: ${props.url}` : undefined,
      props.cancelUrl ? `${CANCEL_LINK[locale]}: ${props.cancelUrl}` : undefined,
    ]
      .filter(Boolean)
      .join('\n\n') + textFooter(recipient);
  return { subject, html: layout(recipient, subject, body), text };
});
