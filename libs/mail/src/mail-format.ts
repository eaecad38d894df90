import { DateTime } from 'luxon';
import { Locale, Translated, interpolate } from '@samverkan/core';
import { mailPaths, mailUrl } from './links';
import type { Recipient } from './mail-template';

const LOCALE_TAGS: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/** Marks a string as HTML that is already safe; anything else is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Tagged template for mail HTML: every interpolated value is escaped unless it
 * is SafeHtml (or an array of them), so user text cannot inject markup.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, index) => {
    out += toHtml(value) + strings[index + 1];
  });
  return new SafeHtml(out);
}

function toHtml(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(toHtml).join('');
  return escapeHtml(value);
}

/** A translated text with {placeholders}, as plain text and as escaped HTML. */
export function fill(texts: Translated, locale: Locale, params: Record<string, unknown>): { text: string; html: SafeHtml } {
  const escaped = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, escapeHtml(value)]));
  return { text: interpolate(texts[locale], params), html: new SafeHtml(interpolate(escapeHtml(texts[locale]), escaped)) };
}

export function t(texts: Translated, locale: Locale): string {
  return texts[locale];
}

/** Text for one header line: no CR, LF or other control characters, at most `max` characters. */
export function headerText(value: string, max = 500): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * An address we are willing to put in an envelope: one mailbox, no display
 * name, no control characters, nothing a header parser could split.
 */
export function isSafeAddress(address: string): boolean {
  return address.length <= 320 && /^[^\s@<>,;"()[\]\\:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(address);
}

/** A calendar date ("2025-03-14") in the reader's language; dates have no time zone. */
export function formatDate(date: string, locale: Locale): string {
  const parsed = DateTime.fromISO(date, { zone: 'UTC' });
  return parsed.isValid ? parsed.setLocale(LOCALE_TAGS[locale]).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }) : date;
}

/** A moment in the reader's language and time zone, with the zone named. */
export function formatDateTime(instant: string | Date, locale: Locale, timeZone: string): string {
  const parsed = instant instanceof Date ? DateTime.fromJSDate(instant) : DateTime.fromISO(instant, { setZone: false });
  if (!parsed.isValid) return String(instant);
  return parsed
    .setZone(timeZone)
    .setLocale(LOCALE_TAGS[locale])
    .toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
}

const FOOTER: Translated = {
  sv: 'Det här är ett automatiskt meddelande från Samverkan. Du kan ändra vilka påminnelser du får och hur ofta i dina inställningar:',
  da: 'Dette er en automatisk besked fra Samverkan. Du kan ændre, hvilke påmindelser du får og hvor ofte, i dine indstillinger:',
  en: 'This is an automatic message from Samverkan. You can change which reminders you get, and how often, in your settings:',
};
const SETTINGS: Translated = { sv: 'Inställningar', da: 'Indstillinger', en: 'Settings' };

/** Where a reader's settings are: the outbox gives every recipient our address (`baseUrl`) before rendering. */
function settingsUrl(recipient: Recipient): string {
  return mailUrl(recipient.baseUrl ?? '', mailPaths.settings());
}

/** The frame every mail shares: language attribute, readable width, the footer with a link to the reader's settings. */
export function layout(recipient: Recipient, title: string, body: SafeHtml): string {
  const { locale } = recipient;
  return html`<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 40em; margin: 0 auto; padding: 1em;">
${body}
<hr style="border: none; border-top: 1px solid #ccc; margin-top: 2em;">
<p style="font-size: 0.85em; color: #555;">${FOOTER[locale]} <a href="${settingsUrl(recipient)}">${SETTINGS[locale]}</a></p>
</body>
</html>`.value;
}

export function textFooter(recipient: Recipient): string {
  return `\n\n-- \n${FOOTER[recipient.locale]} ${settingsUrl(recipient)}\n`;
}
