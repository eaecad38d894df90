import { Locale, Translated } from '@samverkan/core';
import { Recipient, defineMailTemplate, fill, formatDate, formatDateTime, html, layout, textFooter } from '@samverkan/mail';
import { mailButtons } from '@samverkan/mail-actions';
import { ReminderProps, reminderRule } from '../reminder-rule';

/** One reminder: its kind (for the texts), what it is about, and an absolute link. */
export interface ReminderMailProps extends ReminderProps {
  kind: string;
  url?: string;
  /** One-click answers (the rule's mail action), in every language; the reader's is shown. */
  buttons?: { label: Translated; url: string }[];
}

/** The buttons of one reminder in the reader's language, or nothing. */
export function reminderButtons(props: ReminderMailProps, locale: Locale) {
  return props.buttons?.length ? mailButtons(props.buttons.map((b) => ({ label: b.label[locale], url: b.url }))) : undefined;
}

const FALLBACK_SUBJECT: Translated = { sv: 'Påminnelse: {title}', da: 'Påmindelse: {title}', en: 'Reminder: {title}' };
const FALLBACK_LINE: Translated = { sv: 'Påminnelse om {title}.', da: 'Påmindelse om {title}.', en: 'A reminder about {title}.' };
const OPEN: Translated = { sv: 'Öppna i Samverkan', da: 'Åbn i Samverkan', en: 'Open in Samverkan' };
const GREETING: Translated = { sv: 'Hej {name},', da: 'Hej {name},', en: 'Hello {name},' };

/** The placeholders of a reminder's texts, formatted for the reader. */
export function reminderParams(props: ReminderMailProps, recipient: Recipient): Record<string, unknown> {
  return {
    title: props.title,
    date: props.date ? formatDate(props.date, recipient.locale) : '',
    at: props.at ? formatDateTime(props.at, recipient.locale, recipient.timeZone) : '',
    days: props.days ?? '',
  };
}

export function reminderTexts(kind: string): { subject: Translated; line: Translated } {
  const rule = reminderRule(kind);
  return { subject: rule?.subject ?? FALLBACK_SUBJECT, line: rule?.line ?? FALLBACK_LINE };
}

export function greeting(locale: Locale, name: string | null | undefined) {
  return name ? fill(GREETING, locale, { name }) : undefined;
}

/** A single reminder mail, in the reader's language and time zone. */
export const reminderTemplate = defineMailTemplate<ReminderMailProps>('reminder', (props, recipient) => {
  const { locale } = recipient;
  const texts = reminderTexts(props.kind);
  const params = reminderParams(props, recipient);
  const subject = fill(texts.subject, locale, params).text;
  const line = fill(texts.line, locale, params);
  const hello = greeting(locale, recipient.name);
  const buttons = reminderButtons(props, locale);
  const body = html`${hello ? html`<p>${hello.html}</p>` : ''}
<p>${line.html}</p>
${buttons ? buttons.html : ''}
${props.url ? html`<p><a href="${props.url}">${OPEN[locale]}</a></p>` : ''}`;
  const text = [hello?.text, line.text, buttons?.text, props.url ? `${OPEN[locale]}: ${props.url}` : undefined].filter(Boolean).join('\n\n') + textFooter(locale);
  return { subject, html: layout(locale, subject, body), text };
});
