import { Translated } from '@samverkan/core';
import { defineMailTemplate, fill, formatDate, html, layout, textFooter } from '@samverkan/mail';
import { mailButtons } from '@samverkan/mail-actions';
import type { NominationSubject } from './nomination-subject';

export interface NominationMailProps {
  subject: NominationSubject;
  nominateUrl: string;
  /** For a vacancy notice: the seat that falls vacant and from when. */
  vacancy?: { seat: string; from: string };
  /** For a reminder (the secretariat's button): when the request was first sent. */
  reminder?: { sentAt: string };
}

const GREETING: Translated = { sv: 'Hej {name},', da: 'Hej {name},', en: 'Hello {name},' };
const REQUEST_SUBJECT: Translated = {
  sv: 'Nominera till {group} senast {date}',
  da: 'Indstil til {group} senest {date}',
  en: 'Nominate for {group} by {date}',
};
const REQUEST_LINE: Translated = {
  sv: '{organisation} ombeds föreslå {count} person(er) till {group} ({commission}). Svara senast {date}.',
  da: '{organisation} bedes indstille {count} person(er) til {group} ({commission}). Svar senest {date}.',
  en: '{organisation} is asked to propose {count} person(s) for {group} ({commission}). Please answer by {date}.',
};
const VACANCY_SUBJECT: Translated = {
  sv: 'Vakant plats i {group}: nominera senast {date}',
  da: 'Ledig plads i {group}: indstil senest {date}',
  en: 'Vacant seat in {group}: nominate by {date}',
};
const VACANCY_LINE: Translated = {
  sv: 'Platsen {seat} i {group} ({commission}) är vakant från {from}. {organisation} ombeds föreslå en ny ledamot senast {date}.',
  da: 'Pladsen {seat} i {group} ({commission}) er ledig fra {from}. {organisation} bedes indstille et nyt medlem senest {date}.',
  en: 'The seat {seat} in {group} ({commission}) is vacant from {from}. {organisation} is asked to propose a new member by {date}.',
};
const GENDER_RULE: Translated = {
  sv: 'Föreslå lika många kvinnor som män ({count} av varje), eller ange skälet till att det inte går.',
  da: 'Indstil lige mange kvinder og mænd ({count} af hver, ligestillingsloven §§ 8–9), eller angiv begrundelsen for, at det ikke er muligt.',
  en: 'Propose as many women as men ({count} of each), or state why that is not possible.',
};
const REMINDER_SUBJECT: Translated = { sv: 'Påminnelse: {subject}', da: 'Påmindelse: {subject}', en: 'Reminder: {subject}' };
const REMINDER_LINE: Translated = {
  sv: 'Det här är en påminnelse: vi har ännu inte fått något svar på vår begäran från {sent}.',
  da: 'Dette er en påmindelse: vi har endnu ikke modtaget svar på vores anmodning fra {sent}.',
  en: 'This is a reminder: we have not yet had an answer to our request of {sent}.',
};
const MESSAGE: Translated = { sv: 'Meddelande från sekretariatet:', da: 'Besked fra sekretariatet:', en: 'Message from the secretariat:' };
const NOMINATE: Translated = { sv: 'Nominera', da: 'Indstil', en: 'Nominate' };
const LINK_NOTE: Translated = {
  sv: 'Knappen öppnar en sida där du fyller i namnen; du behöver inte logga in. Länken gäller bara för dig.',
  da: 'Knappen åbner en side, hvor du udfylder navnene; du skal ikke logge ind. Linket gælder kun for dig.',
  en: 'The button opens a page where you enter the names; no sign-in needed. The link is for you only.',
};

/** To a nominating organisation's contact: a nomination request, or a vacancy notice, with a "Nominate" button. */
export const nominationRequestTemplate = defineMailTemplate<NominationMailProps>('nomination-request', (props, recipient) => {
  const { locale } = recipient;
  const s = props.subject;
  const params = {
    organisation: s.organisationName,
    group: s.groupName,
    commission: s.commissionTitle,
    count: s.seatsRequested,
    date: formatDate(s.deadline, locale),
    seat: props.vacancy?.seat ?? '',
    from: props.vacancy ? formatDate(props.vacancy.from, locale) : '',
  };
  const asked = fill(props.vacancy ? VACANCY_SUBJECT : REQUEST_SUBJECT, locale, params).text;
  // A reminder says so in the subject and first line, in the recipient's language.
  const subject = props.reminder ? fill(REMINDER_SUBJECT, locale, { subject: asked }).text : asked;
  const reminded = props.reminder ? fill(REMINDER_LINE, locale, { sent: formatDate(props.reminder.sentAt.slice(0, 10), locale) }) : undefined;
  const hello = recipient.name ? fill(GREETING, locale, { name: recipient.name }) : undefined;
  const line = fill(props.vacancy ? VACANCY_LINE : REQUEST_LINE, locale, params);
  const rule = s.requiresGenderPair ? fill(GENDER_RULE, locale, params) : undefined;
  const buttons = mailButtons([{ label: NOMINATE[locale], url: props.nominateUrl }]);
  const body = html`${hello ? html`<p>${hello.html}</p>` : ''}
${reminded ? html`<p><strong>${reminded.html}</strong></p>` : ''}
<p>${line.html}</p>
${rule ? html`<p>${rule.html}</p>` : ''}
${s.message ? html`<p>${MESSAGE[locale]}</p><blockquote style="margin: 0 0 1em 1em; padding-left: 1em; border-left: 3px solid #ccc;">${s.message}</blockquote>` : ''}
${buttons.html}
<p style="font-size: 0.9em; color: #4a4a4a;">${LINK_NOTE[locale]}</p>`;
  const text = [hello?.text, reminded?.text, line.text, rule?.text, s.message ? `${MESSAGE[locale]}\n${s.message}` : undefined, buttons.text, LINK_NOTE[locale]].filter(Boolean).join('\n\n') + textFooter(recipient);
  return { subject, html: layout(recipient, subject, body), text };
});
