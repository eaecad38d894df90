import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@samverkan/core';
import { escapeHtml } from './mail-format';
import type { MailAttachment, MailCalendar } from './mail-template';
import { MailTransport } from './mail-transport';
import { OutboxRow, outgoingMail } from './mail-sender.service';

/** Put where an erased person's address stood (the same as in their own erased mail rows). */
export const ERASED_ADDRESS = 'erased@erased.invalid';
/** Put where an erased person's name stood. */
export const ERASED_TEXT = '[erased]';

/** Who is erased, as the mail knew them. */
export interface ErasedPerson {
  id: string;
  fullName: string;
  email: string | null;
}

/** What the file transport's copies need once the erasure has committed. */
export interface MailFileRedaction {
  /** Mail to the person: the copies go. */
  removed: string[];
  /** Mail to others that named the person: the copies are written again from the redacted rows. */
  rewritten: string[];
}

/**
 * Erasure in the mail area beyond `mail.personal-data.ts` (which empties the
 * rows of mail *to* the person): mail to others that quoted the person's name
 * or address (an organizer in an invitation, a name in a reminder) has it
 * replaced in the subject, the text, the HTML, the calendar part and the text
 * attachments; and the .eml copies the file transport wrote under
 * DATA_DIR/mail follow the rows after commit (removed, or rewritten with the
 * same Message-ID and Date). Base64 attachments (PDFs) are not searched. Mail
 * delivered over SMTP is in the receivers' mailboxes, out of our reach: the
 * export says so. A namesake's mail loses the name too (as in the audit
 * trail): erasure errs on the side of removing.
 */
@Injectable()
export class MailErasure {
  private readonly logger = new Logger(MailErasure.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Inside the erasure transaction, before the areas' erase statements run:
   * redacts the mail to others that names the person, and returns which
   * files to remove and rewrite after commit (`redactFiles`).
   */
  async redactMentions(manager: EntityManager, person: ErasedPerson): Promise<MailFileRedaction> {
    const own: { id: string }[] = await manager.query(
      `SELECT id FROM mail_outbox WHERE person_id = $1 OR ($2::text IS NOT NULL AND lower(to_address) = lower($2))`,
      [person.id, person.email],
    );
    const redactor = mentionRedactor(person);
    if (!redactor) return { removed: own.map((row) => row.id), rewritten: [] };
    // A scan of the outbox, as for the audit trail: erasure is rare. Folded calendar lines are unfolded first.
    const rows: Pick<OutboxRow, 'id' | 'subject' | 'html' | 'text_body' | 'attachments' | 'calendar'>[] = await manager.query(
      `SELECT m.id, m.subject, m.html, m.text_body, m.attachments, m.calendar
         FROM mail_outbox m
        WHERE NOT (m.id = ANY($1::uuid[]))
          AND EXISTS (
            SELECT 1 FROM unnest($2::text[]) AS term
             WHERE strpos(lower(concat_ws(' ', m.subject, m.html, m.text_body,
                     regexp_replace(m.calendar->>'content', E'\\r?\\n[ \\t]', '', 'g'),
                     (SELECT string_agg(regexp_replace(a->>'content', E'\\r?\\n[ \\t]', '', 'g'), ' ') FROM jsonb_array_elements(m.attachments) a))), term) > 0)
        FOR UPDATE`,
      [own.map((row) => row.id), redactor.searchTerms],
    );
    for (const row of rows) {
      await manager.query(`UPDATE mail_outbox SET subject = $2, html = $3, text_body = $4, attachments = $5::jsonb, calendar = $6::jsonb WHERE id = $1`, [
        row.id,
        redactor.text(row.subject).slice(0, 500) || '-',
        redactor.html(row.html),
        redactor.text(row.text_body),
        JSON.stringify((row.attachments ?? []).map((a: MailAttachment) => (a.content === undefined ? a : { ...a, content: a.contentType.startsWith('text/calendar') ? redactor.calendar(a.content) : redactor.text(a.content) }))),
        row.calendar ? JSON.stringify({ ...row.calendar, content: redactor.calendar(row.calendar.content) } satisfies MailCalendar) : null,
      ]);
    }
    return { removed: own.map((row) => row.id), rewritten: rows.map((row) => row.id) };
  }

  /** After commit: the file transport's copies follow the rows. A failure is logged, not thrown (the erasure stands). */
  async redactFiles(plan: MailFileRedaction): Promise<void> {
    if (this.config.SMTP_URL || (plan.removed.length === 0 && plan.rewritten.length === 0)) return;
    try {
      const rows: OutboxRow[] = plan.rewritten.length
        ? await this.dataSource.query(
            `SELECT id, attempts, to_address, to_name, locale, subject, html, text_body, attachments, calendar, headers, message_id, dedupe_key, sent_at
               FROM mail_outbox WHERE id = ANY($1::uuid[])`,
            [plan.rewritten],
          )
        : [];
      await this.transport.redactFiles(
        plan.removed,
        rows.map((row) => ({ ...outgoingMail(row, this.config.MAIL_FROM), date: row.sent_at ?? undefined })),
      );
    } catch (error) {
      this.logger.error(`Erasure: the mail files of ${plan.removed.length + plan.rewritten.length} mails under ${this.transport.mailDir()} could not all be redacted: ${String(error)}`);
    }
  }
}

interface MentionRedactor {
  /** Lower-case forms to look for in the stored rows. */
  searchTerms: string[];
  text(value: string): string;
  html(value: string): string;
  calendar(value: string): string;
}

/** Replaces the person's address and name (as written in text, HTML and iCalendar) in stored mail. */
export function mentionRedactor(person: Pick<ErasedPerson, 'fullName' | 'email'>): MentionRedactor | null {
  const name = person.fullName.trim();
  const email = person.email?.trim() || null;
  const names = name.length >= 3 ? [name, escapeHtml(name), icalText(name)] : [];
  if (!email && names.length === 0) return null;
  const emailPattern = email ? new RegExp(escapeRegExp(email), 'gi') : null;
  const namePattern = names.length ? new RegExp([...new Set(names)].map(escapeRegExp).join('|'), 'gi') : null;
  const replace = (value: string, erasedName: string): string => {
    let out = value;
    if (emailPattern) out = out.replace(emailPattern, ERASED_ADDRESS);
    if (namePattern) out = out.replace(namePattern, erasedName);
    return out;
  };
  return {
    searchTerms: [...new Set([...(email ? [email] : []), ...names].map((term) => term.toLowerCase()))],
    text: (value) => replace(value, ERASED_TEXT),
    html: (value) => replace(value, escapeHtml(ERASED_TEXT)),
    calendar: (value) => foldIcal(replace(unfoldIcal(value), ERASED_TEXT)),
  };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name as an iCalendar TEXT value writes it. */
function icalText(value: string): string {
  return value.replace(/([\\;,])/g, '\\$1');
}

function unfoldIcal(text: string): string {
  return text.replace(/\r?\n[ \t]/g, '');
}

/** Folds content lines longer than 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldIcal(text: string): string {
  return text
    .split(/\r\n/)
    .map((line) => {
      if (Buffer.byteLength(line) <= 75) return line;
      const parts: string[] = [];
      let current = '';
      let size = 0;
      for (const char of line) {
        const bytes = Buffer.byteLength(char);
        const limit = parts.length === 0 ? 75 : 74;
        if (size + bytes > limit) {
          parts.push(current);
          current = '';
          size = 0;
        }
        current += char;
        size += bytes;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}
