import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { APP_CONFIG, AppConfig } from '@samverkan/core';
import { InboundStore } from './inbound-store.service';

/**
 * The IMAP alternative (INBOUND_MAIL=imap): polls a hosted mailbox (IMAP_URL)
 * every IMAP_POLL_SECONDS for unseen mail, stores each as an inbound row, then
 * marks it \Seen. A poller killed between the two finds the mail again; its
 * Message-ID is already stored, so it is not stored twice. The recipient
 * addresses (our signed rsvp+/bounce+ addresses) are read from Delivered-To,
 * X-Original-To, To and Cc, as a hosted mailbox has no SMTP envelope.
 */
@Injectable()
export class InboundImapPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboundImapPoller.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly store: InboundStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  describe(): string | null {
    if (this.config.INBOUND_MAIL !== 'imap' || !this.config.IMAP_URL) return null;
    const url = new URL(this.config.IMAP_URL);
    return `IMAP ${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'imaps:' ? 993 : 143)}/${this.folder()} every ${this.config.IMAP_POLL_SECONDS} s for @${this.config.INBOUND_DOMAIN}`;
  }

  onApplicationBootstrap(): void {
    if (this.config.INBOUND_MAIL !== 'imap') return;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.pollOnce()
        .then((n) => (n > 0 ? this.logger.log(`Inbound mail: ${n} new from IMAP`) : undefined))
        .catch((error: Error) => this.logger.warn(`Inbound IMAP poll failed: ${error.message}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.config.IMAP_POLL_SECONDS * 1000);
        });
    };
    tick();
  }

  private folder(): string {
    const path = decodeURIComponent(new URL(this.config.IMAP_URL!).pathname.replace(/^\/+/, ''));
    return path || 'INBOX';
  }

  /** One poll: stores every unseen mail, then marks it seen. Returns how many were stored. */
  async pollOnce(): Promise<number> {
    const url = new URL(this.config.IMAP_URL!);
    const client = new ImapFlow({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'imaps:' ? 993 : 143),
      secure: url.protocol === 'imaps:',
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
      logger: false,
      // Plain imap:// is for local test servers; a hosted mailbox is imaps://.
      doSTARTTLS: url.protocol === 'imaps:' ? undefined : false,
    });
    await client.connect();
    let stored = 0;
    try {
      const lock = await client.getMailboxLock(this.folder());
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of uids) {
          const message = await client.fetchOne(String(uid), { uid: true, size: true, source: true, envelope: true, headers: ['delivered-to', 'x-original-to', 'return-path'] }, { uid: true });
          if (!message) continue;
          const raw = message.source ?? Buffer.alloc(0);
          const headers = message.headers?.toString('utf8') ?? '';
          const to = [
            ...headerAddresses(headers, 'delivered-to'),
            ...headerAddresses(headers, 'x-original-to'),
            ...(message.envelope?.to ?? []).map((a) => a.address ?? ''),
            ...(message.envelope?.cc ?? []).map((a) => a.address ?? ''),
          ].filter((a, i, all) => a && all.indexOf(a) === i);
          const from = headerAddresses(headers, 'return-path')[0] ?? null;
          const result = await this.store.accept(raw, { from, to }, 'imap');
          if (result.accepted && !result.duplicate) stored++;
          else if (!result.accepted && result.code === 451) continue; // over the sender's rate: left unseen, tried at a later poll
          else if (!result.accepted) this.logger.warn(`Inbound IMAP mail ${uid} skipped: ${result.message}`);
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    return stored;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}

function headerAddresses(headers: string, name: string): string[] {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const out: string[] = [];
  for (const line of unfolded.split(/\r?\n/)) {
    const m = new RegExp(`^${name}\\s*:\\s*(.*)$`, 'i').exec(line);
    if (!m) continue;
    for (const part of m[1].split(',')) {
      const address = (/<([^>]*)>/.exec(part)?.[1] ?? part).trim().toLowerCase();
      if (/^[^\s@]+@[^\s@]+$/.test(address)) out.push(address);
    }
  }
  return out;
}
