import { DateTime } from 'luxon';
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

/**
 * Whole days from the reader's today to the day a reminder is about (`date`, or
 * the local day of `at`), both in the reader's time zone, counted when the mail
 * is rendered — never the offset the rule scheduled it at, which is stale when
 * the reminder went out late or was written after its moment (issue 16).
 */
export function daysUntil(props: Pick<ReminderProps, 'date' | 'at'>, timeZone: string, now: Date = new Date()): number | undefined {
  const zone = DateTime.now().setZone(timeZone).isValid ? timeZone : 'UTC';
  const today = DateTime.fromJSDate(now).setZone(zone).startOf('day');
  const day = props.date
    ? DateTime.fromISO(props.date, { zone })
    : props.at
      ? DateTime.fromISO(props.at, { setZone: false }).setZone(zone)
      : undefined;
  if (!day?.isValid) return undefined;
  return Math.round(day.startOf('day').diff(today, 'days').days);
}

const WHEN: Record<'today' | 'one' | 'many' | 'oneAgo' | 'manyAgo', Translated> = {
  today: { sv: 'i dag', da: 'i dag', en: 'today' },
  one: { sv: 'om 1 dag', da: 'om 1 dag', en: 'in 1 day' },
  many: { sv: 'om {n} dagar', da: 'om {n} dage', en: 'in {n} days' },
  oneAgo: { sv: 'för 1 dag sedan', da: 'for 1 dag siden', en: '1 day ago' },
  manyAgo: { sv: 'för {n} dagar sedan', da: 'for {n} dage siden', en: '{n} days ago' },
};

/** "in 1 day", "om 3 dagar", "i dag", "for 2 dage siden": a day count as words, singular and plural right. */
export function relativeDays(days: number, locale: Locale): string {
  const n = Math.abs(days);
  const key = days === 0 ? 'today' : days > 0 ? (n === 1 ? 'one' : 'many') : n === 1 ? 'oneAgo' : 'manyAgo';
  return WHEN[key][locale].replace('{n}', String(n));
}

/**
 * The placeholders of a reminder's texts, formatted for the reader. `{when}` is
 * the relative phrase ("in 7 days") and `{days}` its number, both computed now
 * from the date the reminder is about; the rule's own offset (`props.days`) only
 * said when to send it.
 */
export function reminderParams(props: ReminderMailProps, recipient: Recipient, now: Date = new Date()): Record<string, unknown> {
  const days = daysUntil(props, recipient.timeZone, now);
  return {
    title: props.title,
    date: props.date ? formatDate(props.date, recipient.locale) : '',
    at: props.at ? formatDateTime(props.at, recipient.locale, recipient.timeZone) : '',
    days: days ?? '',
    when: days === undefined ? '' : relativeDays(days, recipient.locale),
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
  const text = [hello?.text, line.text, buttons?.text, props.url ? `${OPEN[locale]}: ${props.url}` : undefined].filter(Boolean).join('\n\n') + textFooter(recipient);
  return { subject, html: layout(recipient, subject, body), text };
});
