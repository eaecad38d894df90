import { Translated } from '@samverkan/core';
import { defineMailTemplate, fill, formatDateTime, html, layout, textFooter } from '@samverkan/mail';
import { mailButtons } from '@samverkan/mail-actions';

/** The mail action of a date poll vote (registered in meetings.mail-actions.ts; named here so the service needs no import of it). */
export const DATE_POLL_VOTE_ACTION = 'date-poll.vote';

export interface DatePollMailProps {
  title: string;
  place: string | null;
  onlineUrl: string | null;
  options: { startsAt: string; endsAt: string }[];
  /** The poll's page in the web app. */
  url: string;
  /** The signed vote page: answers without signing in. */
  voteUrl: string;
}

const SUBJECT: Translated = { sv: 'När passar det? {title}', da: 'Hvornår passer det? {title}', en: 'When suits you? {title}' };
const INTRO: Translated = {
  sv: 'Sekretariatet söker en tid för {title}. Svara ja, om det behövs eller nej för varje förslag:',
  da: 'Sekretariatet søger et tidspunkt for {title}. Svar ja, om nødvendigt eller nej til hvert forslag:',
  en: 'The secretariat is looking for a time for {title}. Answer yes, if need be or no for each option:',
};
const WHERE: Translated = { sv: 'Plats: {place}', da: 'Sted: {place}', en: 'Where: {place}' };
const ONLINE: Translated = { sv: 'Online', da: 'Online', en: 'Online' };
const VOTE: Translated = { sv: 'Svara', da: 'Svar', en: 'Answer' };
const NOTE: Translated = {
  sv: 'Knappen öppnar en sida där du svarar utan att logga in. Länken gäller bara för dig; du kan ändra ditt svar tills tiden är bestämd.',
  da: 'Knappen åbner en side, hvor du svarer uden at logge ind. Linket gælder kun for dig; du kan ændre dit svar, indtil tidspunktet er fastlagt.',
  en: 'The button opens a page where you answer without signing in. The link is for you only; you can change your answer until the time is chosen.',
};
const OPEN: Translated = { sv: 'Öppna i Samverkan', da: 'Åbn i Samverkan', en: 'Open in Samverkan' };

/** The invitation to answer a date poll, to everyone the poll asks. */
export const datePollInvitationTemplate = defineMailTemplate<DatePollMailProps>('date-poll.invitation', (props, recipient) => {
  const { locale, timeZone } = recipient;
  const subject = fill(SUBJECT, locale, { title: props.title }).text;
  const intro = fill(INTRO, locale, { title: props.title });
  const options = props.options.map((o) => `${formatDateTime(o.startsAt, locale, timeZone)} – ${formatDateTime(o.endsAt, locale, timeZone)}`);
  const where = props.place ? fill(WHERE, locale, { place: props.place }) : props.onlineUrl ? fill(WHERE, locale, { place: ONLINE[locale] }) : undefined;
  const button = mailButtons([{ label: VOTE[locale], url: props.voteUrl }]);
  const body = html`<p>${intro.html}</p>
<ul>${options.map((o) => html`<li>${o}</li>`)}</ul>
${where ? html`<p>${where.html}</p>` : ''}
${button.html}<p style="font-size: 0.9em; color: #4a4a4a;">${NOTE[locale]}</p>
<p><a href="${props.url}">${OPEN[locale]}</a></p>`;
  const text =
    [intro.text, options.map((o) => `- ${o}`).join('\n'), where?.text, `${button.text}\n\n${NOTE[locale]}`, `${OPEN[locale]}: ${props.url}`].filter(Boolean).join('\n\n') +
    textFooter(recipient);
  return { subject, html: layout(recipient, subject, body), text };
});
