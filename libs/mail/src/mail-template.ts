import { Locale } from '@samverkan/core';

/** Who a mail goes to, and how they read: language and time zone. */
export interface Recipient {
  personId?: string | null;
  address: string;
  name?: string | null;
  locale: Locale;
  timeZone: string;
  /** Our address (PUBLIC_URL), set by the outbox before rendering, for links such as the footer's settings. */
  baseUrl?: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/**
 * A typed mail template: one props type, rendered once into the outbox row as
 * HTML and plain text in the recipient's language and time zone.
 */
export interface MailTemplate<P> {
  readonly name: string;
  render(props: P, recipient: Recipient): RenderedMail;
}

export function defineMailTemplate<P>(name: string, render: (props: P, recipient: Recipient) => RenderedMail): MailTemplate<P> {
  return { name, render };
}

/**
 * An iCalendar object sent as part of the mail's body: a `text/calendar;
 * method=…` alternative beside the plain text and the HTML (what Outlook and
 * Gmail read to show accept/decline), and the same file as an .ics attachment
 * for clients that only offer attachments (nodemailer's `icalEvent`).
 */
export interface MailCalendar {
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  /** The .ics text (CRLF line ends, folded lines). */
  content: string;
  /** Name of the attached copy, e.g. `invite.ics`. */
  filename: string;
}

/** A file sent with a mail, e.g. a report. Content is UTF-8 text or base64. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content?: string;
  contentBase64?: string;
}
