import { Locale } from '@samverkan/core';

/** Who a mail goes to, and how they read: language and time zone. */
export interface Recipient {
  personId?: string | null;
  address: string;
  name?: string | null;
  locale: Locale;
  timeZone: string;
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

/** A file sent with a mail, e.g. an .ics invitation. Content is UTF-8 text or base64. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content?: string;
  contentBase64?: string;
}
