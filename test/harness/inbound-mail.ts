import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { eventually } from './test-worker';

/**
 * Helpers for inbound mail tests (issue 21): fixtures filled in, mail sent
 * over SMTP to the worker's inbound endpoint, and an outgoing sink that also
 * records the envelope sender (the VERP address).
 */

const FIXTURES = path.resolve(__dirname, '../fixtures/inbound');

/** A fixture with its `{{NAME}}` placeholders filled, base64 blocks encoded, CRLF line ends. */
export function fixture(name: string, values: Record<string, string | number>): Buffer {
  let text = readFileSync(path.join(FIXTURES, name), 'utf8');
  text = text.replace(/\{\{([A-Z0-9_]+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : key.startsWith('BASE64') ? whole : ''));
  text = text.replace(/\{\{BASE64-BEGIN\}\}\n([\s\S]*?)\{\{BASE64-END\}\}\n/g, (_, body: string) => {
    const encoded = Buffer.from(body.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64');
    return `${encoded.replace(/(.{76})/g, '$1\n')}\n`;
  });
  return Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');
}

/** iCalendar UTC date-time, e.g. 20261210T090000Z. */
export function icalUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export type SendResult = { ok: true; id: string } | { ok: false; code: number | undefined; message: string };

/** Delivers a raw mail to the inbound endpoint as a mail server would (the envelope given apart from the headers). */
export async function deliver(port: number, raw: Buffer, envelope: { from: string; to: string[] }): Promise<SendResult> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 10_000, socketTimeout: 60_000 });
  try {
    const info = await transport.sendMail({ envelope: { from: envelope.from, to: envelope.to }, raw });
    const id = /Queued as ([0-9a-f-]{36})/.exec(String(info.response))?.[1];
    if (!id) throw new Error(`no inbound id in ${info.response}`);
    return { ok: true, id };
  } catch (error) {
    const e = error as { responseCode?: number; message: string };
    return { ok: false, code: e.responseCode, message: e.message };
  } finally {
    transport.close();
  }
}

export interface InboundRow {
  state: string;
  kind: string | null;
  result: string | null;
  detail: Record<string, any>;
  attempts: number;
}

/** Waits until the worker processed the row. */
export function processed(db: DataSource, id: string): Promise<InboundRow> {
  return eventually(async () => {
    const [row]: InboundRow[] = await db.query(`SELECT state, kind, result, detail, attempts FROM inbound_mail WHERE id = $1`, [id]);
    return row?.state === 'done' ? row : undefined;
  }, 20_000, `inbound mail ${id} processed`);
}

export interface SentMail {
  mailFrom: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/** The outgoing SMTP server of a test app that keeps the envelope sender too. */
export class EnvelopeSink {
  readonly mails: SentMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks);
          this.mails.push({ mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw, parsed: await simpleParser(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string, subject?: RegExp): SentMail[] {
    return this.mails.filter((m) => m.to.includes(address.toLowerCase()) && (!subject || subject.test(m.parsed.subject ?? '')));
  }

  wait(address: string, subject: RegExp, count = 1): Promise<SentMail[]> {
    return eventually(async () => {
      const found = this.to(address, subject);
      return found.length >= count ? found : undefined;
    }, 20_000, `${count} mail(s) to ${address} matching ${subject}`);
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/** The calendar body part of an outgoing mail: its ORGANIZER address, UID and SEQUENCE. */
export function invitationCalendar(mail: SentMail): { organizer: string; uid: string; sequence: number; text: string } {
  const part = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar' && !a.filename);
  if (!part) throw new Error(`no text/calendar part in "${mail.parsed.subject}"`);
  const text = part.content.toString('utf8').replace(/\r?\n[ \t]/g, '');
  const organizer = /^ORGANIZER[^:]*:mailto:(.+)$/im.exec(text)?.[1].trim() ?? '';
  const uid = /^UID:(.+)$/m.exec(text)?.[1].trim() ?? '';
  const sequence = Number(/^SEQUENCE:(\d+)/m.exec(text)?.[1] ?? 0);
  return { organizer, uid, sequence, text };
}
