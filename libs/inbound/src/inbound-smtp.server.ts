import { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { APP_CONFIG, AppConfig } from '@samverkan/core';
import { InboundStore } from './inbound-store.service';

/**
 * The inbound SMTP endpoint (INBOUND_MAIL=smtp), hosted by the worker: it
 * takes mail for INBOUND_DOMAIN only (no relaying, no authentication), refuses
 * a mail over INBOUND_MAX_BYTES and a sender over its hourly rate, and says
 * 250 only once the mail is a row in Postgres.
 */
@Injectable()
export class InboundSmtpServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboundSmtpServer.name);
  private server?: SMTPServer;
  private address?: AddressInfo;

  constructor(
    private readonly store: InboundStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Where it listens, for the start-up line; null when not running. */
  describe(): string | null {
    return this.address ? `SMTP ${this.address.address}:${this.address.port} for @${this.config.INBOUND_DOMAIN}` : null;
  }

  port(): number | null {
    return this.address?.port ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.INBOUND_MAIL !== 'smtp') return;
    const domain = this.config.INBOUND_DOMAIN!;
    const maxBytes = this.config.INBOUND_MAX_BYTES;
    const server = new SMTPServer({
      name: domain,
      banner: 'Samverkan inbound mail',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: maxBytes,
      maxClients: 50,
      socketTimeout: 60_000,
      logger: false,
      onMailFrom: (address, session, callback) => {
        this.store
          .withinRate(this.store.rateKey({ from: address.address || null, to: [] }))
          .then((ok) => callback(ok ? undefined : smtpError(451, 'Too many messages from this sender; try again later')))
          .catch(() => callback(smtpError(451, 'Temporary failure; try again later')));
      },
      onRcptTo: (address, session, callback) => {
        const at = address.address.lastIndexOf('@');
        const rcptDomain = address.address.slice(at + 1).toLowerCase();
        if (at < 1 || rcptDomain !== domain) return callback(smtpError(550, `Relay access denied: this server takes mail for @${domain} only`));
        if (session.envelope.rcptTo.length >= 20) return callback(smtpError(452, 'Too many recipients'));
        callback();
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        stream.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes <= maxBytes) chunks.push(chunk);
        });
        stream.on('error', (error) => callback(error));
        stream.on('end', () => {
          if (stream.sizeExceeded || bytes > maxBytes) return callback(smtpError(552, `Message exceeds the fixed maximum message size of ${maxBytes} bytes`));
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
          this.store
            .accept(Buffer.concat(chunks), { from, to: session.envelope.rcptTo.map((r) => r.address) }, 'smtp')
            .then((result) => (result.accepted ? callback(null, `Queued as ${result.id}`) : callback(smtpError(result.code, result.message))))
            .catch((error: Error) => {
              this.logger.warn(`Inbound mail not stored: ${error.message}`);
              callback(smtpError(451, 'Temporary failure; try again later'));
            });
        });
      },
    });
    server.on('error', (error) => this.logger.warn(`Inbound SMTP: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(new Error(`The inbound SMTP endpoint could not listen on ${this.config.INBOUND_SMTP_HOST}:${this.config.INBOUND_SMTP_PORT}: ${error.message} (set INBOUND_SMTP_PORT, or INBOUND_MAIL=off)`));
      server.server.once('error', onError);
      server.listen(this.config.INBOUND_SMTP_PORT, this.config.INBOUND_SMTP_HOST, () => {
        server.server.off('error', onError);
        resolve();
      });
    });
    this.server = server;
    this.address = server.server.address() as AddressInfo;
    this.logger.log(`Inbound mail: ${this.describe()}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.address = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}
