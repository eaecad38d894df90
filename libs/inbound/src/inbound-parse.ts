import ical from 'node-ical';
import { ParsedMail, simpleParser } from 'mailparser';
import type { CalendarReplyInput } from '@samverkan/meetings';

/**
 * Reading an inbound mail: what it is (a bounce, an auto-reply, a mail of
 * ours come back, a calendar answer, or anything else) and the parts that
 * matter. Pure functions over the raw source; nothing here trusts the From
 * header, renders HTML, or follows anything the mail names.
 */

export type InboundKind = 'calendar-reply' | 'calendar-counter' | 'bounce' | 'auto-reply' | 'loop' | 'other';

/** One recipient's line of a delivery status notification (RFC 3464 §2.3). */
export interface DeliveryStatus {
  recipient: string | null;
  action: string | null;
  status: string | null;
  diagnostic: string | null;
  kind: 'hard' | 'soft';
  reason: string;
}

/** The one attendee line a calendar answer carries (RFC 5546 §3.2.3: a REPLY names its sender only): what libs/meetings applies. */
export type CalendarAnswer = CalendarReplyInput;

export interface ReadMail {
  kind: InboundKind;
  sender: string | null;
  subject: string | null;
  messageId: string | null;
  /** Why it was classed so (the header or part that decided). */
  because: string;
  bounces: DeliveryStatus[];
  calendar: CalendarAnswer | null;
  /** A part could not be read (broken MIME, a calendar that does not parse). */
  problems: string[];
}

const OOO_SUBJECT =
  /^\s*(auto(matic|matisk)?[\s_-]*(reply|response|svar|antwort)|auto:|out of (the )?office|ooo\b|autosvar|automatiskt svar|frånvaro|fraværende|ikke til stede|abwesen|absence|i am (currently )?(away|out))/i;

/** Reads the raw source. Never throws: an unreadable mail is `other` with its problem. */
export async function readMail(raw: Buffer): Promise<ReadMail> {
  let parsed: ParsedMail;
  const problems: string[] = [];
  try {
    parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, maxHtmlLengthToParse: 0 });
  } catch (error) {
    return { kind: 'other', sender: null, subject: null, messageId: null, because: 'unparsable', bounces: [], calendar: null, problems: [`unparsable: ${short((error as Error).message)}`] };
  }
  const header = (name: string): string | null => {
    const value = parsed.headers.get(name);
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && 'value' in (value as object)) return String((value as { value: unknown }).value);
    return String(value);
  };
  const sender = parsed.from?.value?.[0]?.address?.toLowerCase().slice(0, 500) ?? null;
  const subject = parsed.subject ? short(parsed.subject.replace(/[\r\n]+/g, ' '), 500) : null;
  const messageId = parsed.messageId ? short(parsed.messageId, 500) : null;
  const base = { sender, subject, messageId, problems };

  // A mail of ours that came back (forwarded to our own address, an alias loop): never acted on.
  if (header('x-samverkan-ref')) return { ...base, kind: 'loop', because: 'X-Samverkan-Ref', bounces: [], calendar: null };

  const contentType = (header('content-type') ?? '').toLowerCase();
  const reportType = /report-type\s*=\s*"?([a-z-]+)/.exec(contentType)?.[1] ?? (parsed.headers.get('content-type') as { params?: Record<string, string> } | undefined)?.params?.['report-type'];
  const statusPart = deliveryStatusPart(raw);
  if (statusPart !== null || (contentType.startsWith('multipart/report') && reportType === 'delivery-status')) {
    const bounces = statusPart !== null ? parseDeliveryStatus(statusPart) : [];
    if (bounces.length === 0) problems.push('delivery report without a readable per-recipient status');
    return { ...base, kind: 'bounce', because: 'multipart/report; report-type=delivery-status', bounces, calendar: null };
  }

  const auto = autoReplyReason(header);
  if (auto) return { ...base, kind: 'auto-reply', because: auto, bounces: [], calendar: null };
  if (subject && OOO_SUBJECT.test(subject)) return { ...base, kind: 'auto-reply', because: 'subject', bounces: [], calendar: null };

  const calendarParts = parsed.attachments.filter((a) => /^(text\/calendar|application\/ics)$/i.test(a.contentType));
  for (const part of calendarParts) {
    const answer = readCalendar(part.content.toString('utf8'), problems);
    if (answer) return { ...base, kind: answer.method === 'COUNTER' ? 'calendar-counter' : 'calendar-reply', because: `text/calendar; method=${answer.method}`, bounces: [], calendar: answer };
  }
  return { ...base, kind: 'other', because: calendarParts.length ? 'calendar without a REPLY or COUNTER' : 'no calendar, report or auto-reply', bounces: [], calendar: null };
}

/**
 * The body of the message/delivery-status part, read from the source: mail
 * parsers fold it into the text. Delivery status is 7bit (RFC 3464 §2.1;
 * the global form 8bit), so the part's body is taken as it stands.
 */
export function deliveryStatusPart(raw: Buffer): string | null {
  const text = raw.subarray(0, 2 * 1024 * 1024).toString('utf8');
  const header = /^content-type:[ \t]*message\/(global-)?delivery-status\b[^\n]*(\r?\n[ \t][^\n]*)*\r?\n/im.exec(text);
  if (!header) return null;
  const rest = text.slice(header.index + header[0].length);
  const bodyStart = /\r?\n\r?\n/.exec(rest);
  const headerBlock = bodyStart ? rest.slice(0, bodyStart.index) : '';
  if (/^[A-Za-z-]+:/.test(headerBlock) || headerBlock === '') {
    const body = bodyStart ? rest.slice(bodyStart.index + bodyStart[0].length) : rest;
    const end = /^--/m.exec(body);
    return end ? body.slice(0, end.index) : body;
  }
  // No further part headers: the body starts right after the Content-Type line.
  const end = /^--/m.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

/** RFC 3834 and the headers the common auto-responders set; null for a mail written by a person. */
export function autoReplyReason(header: (name: string) => string | null): string | null {
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted.trim().toLowerCase() !== 'no') return `Auto-Submitted: ${short(autoSubmitted, 40)}`;
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponse']) if (header(name)) return name;
  const precedence = header('precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return `Precedence: ${precedence}`;
  if (header('list-id') || header('list-unsubscribe')) return 'mailing list';
  return null;
}

/**
 * The per-recipient fields of a message/delivery-status body. Status 5.x.x is
 * hard (the address will not take mail), 4.x.x soft, as is an Action of
 * `delayed`; an Action of `delivered`, `relayed` or `expanded` is no bounce.
 */
export function parseDeliveryStatus(body: string): DeliveryStatus[] {
  const unfolded = body.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ');
  const groups = unfolded.split(/\n\s*\n/).map((group) => {
    const fields = new Map<string, string>();
    for (const line of group.split('\n')) {
      const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
      if (m && !fields.has(m[1].toLowerCase())) fields.set(m[1].toLowerCase(), m[2].trim());
    }
    return fields;
  });
  const out: DeliveryStatus[] = [];
  for (const fields of groups) {
    const recipientField = fields.get('final-recipient') ?? fields.get('original-recipient');
    const action = fields.get('action')?.toLowerCase() ?? null;
    if (!recipientField && !action) continue;
    if (action && ['delivered', 'relayed', 'expanded'].includes(action)) continue;
    const status = /\b([245])\.\d{1,3}\.\d{1,3}\b/.exec(fields.get('status') ?? '')?.[0] ?? null;
    const diagnostic = fields.get('diagnostic-code') ?? null;
    const recipient = recipientField ? recipientField.replace(/^[a-z0-9-]+\s*;\s*/i, '').replace(/[<>]/g, '').trim().toLowerCase() : null;
    const kind: 'hard' | 'soft' = status?.startsWith('5') && action !== 'delayed' ? 'hard' : 'soft';
    const reason = short([status, diagnostic?.replace(/^smtp\s*;\s*/i, '')].filter(Boolean).join(' ') || action || 'no reason given', 1000);
    out.push({ recipient, action, status, diagnostic: diagnostic ? short(diagnostic, 1000) : null, kind, reason });
  }
  return out;
}

/** The REPLY or COUNTER in an iCalendar text, or null (a REQUEST forwarded to us, a PUBLISH, junk). */
export function readCalendar(text: string, problems: string[] = []): CalendarAnswer | null {
  if (text.length > 200_000) {
    problems.push('calendar part too large');
    return null;
  }
  let data: ReturnType<typeof ical.sync.parseICS>;
  try {
    data = ical.sync.parseICS(text);
  } catch (error) {
    problems.push(`calendar does not parse: ${short((error as Error).message)}`);
    return null;
  }
  const calendarMethod = String((data.vcalendar as { method?: unknown } | undefined)?.method ?? '').toUpperCase();
  const events = Object.values(data).filter((c): c is ical.VEvent => !!c && (c as { type?: string }).type === 'VEVENT');
  if (events.length !== 1) {
    if (events.length > 1) problems.push('more than one event in a calendar answer');
    return null;
  }
  const event = events[0] as ical.VEvent & Record<string, unknown>;
  const method = (calendarMethod || String(event.method ?? '')).toUpperCase();
  if (method !== 'REPLY' && method !== 'COUNTER') return null;
  const attendees = ([] as unknown[]).concat(event.attendee ?? []);
  const attendee = attendees[0] as { params?: Record<string, unknown>; val?: string } | string | undefined;
  if (attendees.length > 1) problems.push('more than one ATTENDEE; the first is read');
  const params = typeof attendee === 'object' && attendee ? (attendee.params ?? {}) : {};
  const uid = typeof event.uid === 'string' ? event.uid : '';
  const sequence = Number(event.sequence ?? 0);
  return {
    method,
    uid: short(uid, 300),
    sequence: Number.isInteger(sequence) && sequence >= 0 ? sequence : 0,
    attendeeEmail: mailto(typeof attendee === 'string' ? attendee : attendee?.val),
    partstat: typeof params.PARTSTAT === 'string' ? params.PARTSTAT.toUpperCase() : null,
    delegatedTo: mailto(typeof params['DELEGATED-TO'] === 'string' ? params['DELEGATED-TO'] : Array.isArray(params['DELEGATED-TO']) ? String(params['DELEGATED-TO'][0]) : undefined),
    proposedStart: method === 'COUNTER' && event.start instanceof Date && !Number.isNaN(event.start.getTime()) ? event.start : null,
    proposedEnd: method === 'COUNTER' && event.end instanceof Date && !Number.isNaN(event.end.getTime()) ? event.end : null,
    comment: typeof event.comment === 'string' ? short(event.comment, 1000) : null,
  };
}

function mailto(value: string | undefined): string | null {
  if (!value) return null;
  const address = value.trim().replace(/^"|"$/g, '').replace(/^mailto:/i, '').trim().toLowerCase();
  return /^[^\s@]{1,200}@[^\s@]{1,200}$/.test(address) ? address : null;
}

function short(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
