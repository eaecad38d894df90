import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { scaled, untilStalled } from './progress';

export interface ReceivedMail {
  parsed: ParsedMail;
  raw: string;
  envelopeTo: string[];
}

/**
 * An in-process SMTP server (smtp-server + mailparser) that tests read mail
 * from, as a mailbox would. `failNext` makes it answer 4xx or 5xx for a while.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private server?: SMTPServer;
  private failure?: { code: number; message: string; remaining: number };
  private waiters: (() => void)[] = [];
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 60 * 1024 * 1024,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          if (this.failure && this.failure.remaining !== 0) {
            this.failure.remaining -= 1;
            const error = new Error(this.failure.message) as Error & { responseCode: number };
            error.responseCode = this.failure.code;
            return callback(error);
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const parsed = await simpleParser(raw);
          this.mails.push({ parsed, raw, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
          this.waiters.splice(0).forEach((wake) => wake());
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Answers the next `count` messages (-1: until cleared) with `code`. */
  fail(code: number, count = -1, message = 'Temporary failure'): void {
    this.failure = { code, message, remaining: count };
  }

  clearFailure(): void {
    this.failure = undefined;
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.envelopeTo.includes(address.toLowerCase()) || mail.envelopeTo.includes(address));
  }

  /**
   * Waits until `predicate` holds. Fails only when no mail has arrived for
   * `stallMs` (scaled by how loaded the machine is) while the predicate still
   * does not hold: mail that keeps arriving, however slowly, is progress.
   */
  async waitFor(predicate: (mails: ReceivedMail[]) => boolean, stallMs = 15_000): Promise<ReceivedMail[]> {
    await untilStalled(
      async () => {
        const done = predicate(this.mails);
        if (!done) {
          await new Promise<void>((resolve) => {
            this.waiters.push(resolve);
            setTimeout(resolve, 200);
          });
        }
        return {
          done,
          progress: this.mails.length,
          status: `have ${this.mails.length} mails${this.mails.length ? `, the last to ${this.mails[this.mails.length - 1].envelopeTo.join(', ')}: "${this.mails[this.mails.length - 1].parsed.subject}"` : ''}`,
        };
      },
      { stallMs: scaled(stallMs), intervalMs: 0, what: 'mail' },
    );
    return this.mails;
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
