import { mailRouteOf } from '@samverkan/mail';
import type { ReceivedMail } from './smtp-sink';

/** One link to our own host found in a received mail. */
export interface MailLink {
  subject: string;
  to: string[];
  /** Where in the mail: an HTML href, a URL in the plain text, or the List-Unsubscribe header. */
  source: 'html' | 'text' | 'header';
  url: string;
  /** Path and query, e.g. `/meetings/…` or `/mail-actions/…?answer=yes`. */
  path: string;
}

function decode(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The raw header block's value of `name`, unfolded. */
function rawHeader(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return head
    .split(/\r?\n/)
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
}

/**
 * Every link to `origin` (our PUBLIC_URL) in a mail: the HTML part's hrefs,
 * the URLs in the plain-text part and the List-Unsubscribe header. Links to
 * other hosts (a meeting's online address) are not ours to check.
 */
export function ownLinks(mail: ReceivedMail, origin: string): MailLink[] {
  const found: { source: MailLink['source']; url: string }[] = [];
  const htmlPart = typeof mail.parsed.html === 'string' ? mail.parsed.html : '';
  for (const match of htmlPart.matchAll(/href="([^"]+)"/g)) found.push({ source: 'html', url: decode(match[1]) });
  for (const match of (mail.parsed.text ?? '').matchAll(/https?:\/\/[^\s<>"')]+/g)) found.push({ source: 'text', url: match[0].replace(/[.,;:]+$/, '') });
  for (const match of (rawHeader(mail.raw, 'List-Unsubscribe') ?? '').matchAll(/<(https?:\/\/[^>]+)>/g)) found.push({ source: 'header', url: match[1] });
  const subject = mail.parsed.subject ?? '';
  return found
    .filter((link) => link.url.startsWith(`${origin}/`) || link.url === origin)
    .map((link) => {
      const parsed = new URL(link.url);
      return { subject, to: mail.envelopeTo, source: link.source, url: link.url, path: `${parsed.pathname}${parsed.search}` };
    });
}

/** The links among `links` that lead nowhere a mail may send its reader (see libs/mail/src/links.ts). */
export function unroutedLinks(links: MailLink[]): MailLink[] {
  return links.filter((link) => !mailRouteOf(link.path));
}
