import { Translated } from '@samverkan/core';
import { defineMailTemplate, fill, formatDateTime, html, layout, textFooter } from '@samverkan/mail';

export interface CalendarReplyStaleProps {
  title: string;
  startsAt: string;
  url: string;
}

const SUBJECT: Translated = {
  sv: 'Ditt svar gällde en äldre version: {title}',
  da: 'Dit svar gjaldt en ældre version: {title}',
  en: 'Your answer was to an older version: {title}',
};
const BODY: Translated = {
  sv: 'Din kalender svarade på en tidigare version av {title}. Mötet har ändrats sedan dess (nu {at}), så svaret registrerades inte. Svara på den senaste inbjudan, i kalendern eller med knapparna i den.',
  da: 'Din kalender svarede på en tidligere version af {title}. Mødet er ændret siden (nu {at}), så svaret blev ikke registreret. Svar på den seneste invitation, i kalenderen eller med knapperne i den.',
  en: 'Your calendar answered an earlier version of {title}. The meeting has changed since (now {at}), so the answer was not recorded. Please answer the latest invitation, in your calendar or with its buttons.',
};
const OPEN: Translated = { sv: 'Öppna mötet i Samverkan', da: 'Åbn mødet i Samverkan', en: 'Open the meeting in Samverkan' };

/** Sent once per meeting version to a member whose calendar answered an invitation that was since changed. */
export const calendarReplyStaleTemplate = defineMailTemplate<CalendarReplyStaleProps>('calendar-reply-stale', (props, recipient) => {
  const { locale } = recipient;
  const params = { title: props.title, at: formatDateTime(props.startsAt, locale, recipient.timeZone) };
  const subject = fill(SUBJECT, locale, params).text;
  const body = fill(BODY, locale, params);
  return {
    subject,
    html: layout(recipient, subject, html`<p>${body.html}</p><p><a href="${props.url}">${OPEN[locale]}</a></p>`),
    text: `${body.text}\n\n${OPEN[locale]}: ${props.url}${textFooter(recipient)}`,
  };
});
