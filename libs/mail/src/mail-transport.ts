import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig, Locale, writeFileDurably } from '@samverkan/core';
import type { MailAttachment, MailCalendar } from './mail-template';
import { inboundAddress } from './inbound-address';

/** Exactly what goes on the wire, read from the outbox row. */
export interface OutgoingMail {
  id: string;
  from: string;
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
  /** A meeting's iCalendar, sent as a text/calendar alternative body (and as an .ics copy). */
  calendar?: MailCalendar | null;
  /** The language the mail is written in, as its Content-Language. */
  locale: Locale;
  messageId: string;
  ref: string;
  /** The Date header; now unless a stored copy is rewritten. */
  date?: Date;
}

/**
 * Sends rendered mail: over SMTP with a nodemailer pool when SMTP_URL is set,
 * else as one .eml file per outbox row under DATA_DIR/mail (a resend
 * overwrites the same file, as a mail server would dedupe by Message-ID).
 * A file is written durably or not at all (writeFileDurably): a full disk
 * (ENOSPC) fails the attempt like an SMTP 4xx, so the mail is retried later,
 * and never leaves a half .eml under the row's id.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private transporter?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Where mail goes, for the start-up line. */
  describe(): string {
    if (this.config.SMTP_URL) {
      const url = new URL(this.config.SMTP_URL);
      return `SMTP ${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 25)} (pool of ${this.config.MAIL_POOL_SIZE})`;
    }
    return `.eml files in ${this.mailDir()} (set SMTP_URL to send real mail)`;
  }

  mailDir(): string {
    return path.resolve(this.config.DATA_DIR, 'mail');
  }

  async send(mail: OutgoingMail): Promise<{ response: string }> {
    const info = await this.transport().sendMail(this.message(mail));
    if (this.config.SMTP_URL) return { response: String(info.response ?? '') };
    return { response: `written to ${await this.writeFile(mail.id, info.message as Buffer)}` };
  }

  /**
   * The file transport's copies after an erasure: the files of `removed`
   * outbox rows go; those of `rewritten` rows that exist are written again from
   * the (redacted) row, keeping their Message-ID and Date. Nothing to do when
   * mail goes over SMTP: what was delivered is in the receivers' mailboxes.
   */
  async redactFiles(removed: string[], rewritten: OutgoingMail[]): Promise<void> {
    if (this.config.SMTP_URL) return;
    for (const id of removed) rmSync(this.filePath(id), { force: true });
    for (const mail of rewritten) {
      if (!existsSync(this.filePath(mail.id))) continue;
      const info = await this.transport().sendMail(this.message(mail));
      await this.writeFile(mail.id, info.message as Buffer);
    }
  }

  private filePath(id: string): string {
    return path.join(this.mailDir(), `${id}.eml`);
  }

  private async writeFile(id: string, message: Buffer): Promise<string> {
    const file = this.filePath(id);
    await writeFileDurably(file, message);
    return file;
  }

  private message(mail: OutgoingMail): Parameters<Transporter['sendMail']>[0] {
    // With inbound mail on, the envelope sender names this outbox row (VERP), so a bounce finds its mail.
    const bounceTo = inboundAddress(this.config, 'bounce', mail.id);
    return {
      from: this.config.MAIL_FROM,
      ...(bounceTo ? { envelope: { from: bounceTo, to: mail.to.address } } : {}),
      to: { name: mail.to.name, address: mail.to.address },
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: mail.messageId,
      ...(mail.date ? { date: mail.date } : {}),
      headers: { 'Content-Language': mail.locale, 'Auto-Submitted': 'auto-generated', 'X-Samverkan-Ref': mail.ref },
      attachments: mail.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.contentBase64 !== undefined ? Buffer.from(a.contentBase64, 'base64') : (a.content ?? ''),
      })),
      // multipart/alternative: text/plain, text/html, text/calendar; method=…; plus the .ics as an attachment.
      ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: mail.calendar.filename, content: mail.calendar.content } } : {}),
      // We validated the address; never let nodemailer read files or URLs named in content.
      disableFileAccess: true,
      disableUrlAccess: true,
    };
  }

  private transport(): Transporter {
    if (!this.transporter) {
      this.transporter = this.config.SMTP_URL
        ? nodemailer.createTransport({
            url: this.config.SMTP_URL,
            pool: true,
            maxConnections: this.config.MAIL_POOL_SIZE,
            maxMessages: 1000,
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 30_000,
          } as Parameters<typeof nodemailer.createTransport>[0])
        : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
    return this.transporter;
  }

  onModuleDestroy(): void {
    this.transporter?.close();
    this.transporter = undefined;
    this.logger.debug('Mail transport closed');
  }
}
