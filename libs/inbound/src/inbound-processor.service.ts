import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, JobOutcome, QueueService, inTransaction } from '@samverkan/core';
import { OutboxService, readInboundAddress } from '@samverkan/mail';
import { CalendarReplyOutcome, MeetingCalendarReplies } from '@samverkan/meetings';
import { InboundKind, ReadMail, readMail } from './inbound-parse';
import { inboundJobId } from './inbound.jobs';

/** Attempts at one inbound mail before it is recorded as failed. */
const MAX_ATTEMPTS = 5;

/** The row a worker holds: fenced by its attempt number, as outbox rows are. */
interface Claim {
  id: string;
  attempts: number;
}

interface Outcome {
  kind: InboundKind;
  result: string;
  detail: Record<string, unknown>;
  commissionId?: string | null;
  meetingId?: string | null;
  personId?: string | null;
  outboxId?: string | null;
}

/** Thrown inside a transaction whose inbound row another worker took over: the transaction rolls back. */
export class InboundLeaseLost extends Error {
  constructor(id: string) {
    super(`Inbound mail ${id} was taken over by another worker`);
  }
}

/**
 * Processes one inbound mail per job. Claiming is a conditional UPDATE (a row
 * received, or one whose lease expired), and every effect commits in the same
 * transaction as the row's `done` mark, fenced by the attempt number: a worker
 * killed mid-way applied nothing, and its row is taken over when the lease
 * expires; a worker that lost its row applies nothing.
 */
@Injectable()
export class InboundProcessor {
  private readonly logger = new Logger(InboundProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly outbox: OutboxService,
    private readonly replies: MeetingCalendarReplies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(id: string): Promise<JobOutcome> {
    const [rows]: [{ id: string; attempts: number; raw: Buffer | null; envelope_to: string[] }[], number] = await this.dataSource.query(
      `UPDATE inbound_mail SET state = 'processing', attempts = attempts + 1, lease_until = now() + make_interval(secs => $2)
        WHERE id = $1 AND (state = 'received' OR (state = 'processing' AND lease_until < now()))
        RETURNING id, attempts, raw, envelope_to`,
      [id, this.config.INBOUND_LEASE_SECONDS],
    );
    const row = rows[0];
    if (!row) return { status: 'skipped', reason: 'already processed, or being processed by another worker' };
    const claim: Claim = { id: row.id, attempts: row.attempts };
    const read = await readMail(row.raw ?? Buffer.alloc(0));
    const headers = { sender: read.sender, subject: read.subject, messageId: read.messageId };
    try {
      const outcome = await this.handle(claim, read, row.envelope_to);
      if (outcome) await inTransaction(this.dataSource, (manager) => this.finish(manager, claim, outcome, headers));
    } catch (error) {
      // A mail that fails every time (a bug, not the machine) must not be retried for ever: after
      // MAX_ATTEMPTS it is recorded as failed, with nothing applied. Until then the lease expires and the sweep retries.
      if (error instanceof InboundLeaseLost || claim.attempts < MAX_ATTEMPTS) throw error;
      this.logger.error(`Inbound mail ${claim.id} failed ${claim.attempts} times; recorded as failed: ${(error as Error).message}`);
      await inTransaction(this.dataSource, (manager) =>
        this.finish(manager, claim, { kind: read.kind, result: 'failed', detail: { error: String((error as Error).message).slice(0, 300) } }, headers),
      );
    }
    return { status: 'done', kind: read.kind };
  }

  /** What the mail is and does. Returns the outcome to record, or null when a domain call recorded it in its own transaction. */
  private async handle(claim: Claim, read: ReadMail, envelopeTo: string[]): Promise<Outcome | null> {
    const targets = envelopeTo.map((address) => ({ address, check: readInboundAddress(this.config, address) }));
    const signed = targets.find((t) => t.check.ok);
    const target = signed?.check.ok ? signed.check.target : undefined;
    const refusedTokens = targets.filter((t) => !t.check.ok && t.check.reason === 'bad-signature').length;
    const problems = read.problems.length ? { problems: read.problems } : {};
    const context = await this.contextOf(target);

    switch (read.kind) {
      case 'loop':
        return { kind: 'loop', result: 'ignored', detail: { because: read.because, ...problems }, ...context };
      case 'auto-reply':
        // Recorded for the secretariat; never answered, never an RSVP.
        return { kind: 'auto-reply', result: 'recorded', detail: { because: read.because, ...problems }, ...context };
      case 'other':
        return { kind: 'other', result: 'ignored', detail: { because: read.because, ...problems }, ...context };
      case 'bounce': {
        if (target?.kind !== 'bounce') return { kind: 'bounce', result: 'unmatched', detail: { because: refusedTokens ? 'altered bounce address' : 'not sent to a bounce address of ours', ...problems } };
        const status = read.bounces.find((b) => b.kind === 'hard') ?? read.bounces[0];
        if (!status) return { kind: 'bounce', result: 'unreadable-report', detail: problems, outboxId: target.id, ...context };
        return { kind: 'bounce', result: 'bounce-recorded', detail: { bounce: status.kind, reason: status.reason, status: status.status, ...problems }, outboxId: target.id, ...context };
      }
      case 'calendar-reply':
      case 'calendar-counter': {
        if (target?.kind !== 'rsvp' || !read.calendar) {
          return { kind: read.kind, result: 'unmatched', detail: { because: refusedTokens ? 'altered token' : 'not sent to an rsvp address of ours', ...problems } };
        }
        const kind = read.kind;
        await this.replies.answer(target.id, read.calendar, {
          inboundId: claim.id,
          finish: (manager, outcome: CalendarReplyOutcome) =>
            this.finish(manager, claim, { kind, result: outcome.result, detail: { ...outcome.detail, ...problems }, meetingId: outcome.meetingId, personId: outcome.personId, commissionId: outcome.commissionId }, {
              sender: read.sender,
              subject: read.subject,
              messageId: read.messageId,
            }),
        });
        return null;
      }
    }
  }

  /** The commission (and person or meeting) a signed address leads to, so the secretariat sees the mail in its log. */
  private async contextOf(target: { kind: 'rsvp' | 'bounce'; id: string } | undefined): Promise<Pick<Outcome, 'commissionId' | 'meetingId' | 'personId'>> {
    if (!target) return {};
    if (target.kind === 'rsvp') {
      const [row]: { meeting_id: string; person_id: string; commission_id: string }[] = await this.dataSource.query(
        `SELECT i.meeting_id, i.person_id, m.commission_id FROM invitation i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = $1`,
        [target.id],
      );
      return row ? { meetingId: row.meeting_id, personId: row.person_id, commissionId: row.commission_id } : {};
    }
    const [row]: { person_id: string | null; commission_id: string | null }[] = await this.dataSource.query(`SELECT person_id, commission_id FROM mail_outbox WHERE id = $1`, [target.id]);
    return row ? { personId: row.person_id, commissionId: row.commission_id } : {};
  }

  /**
   * Marks the row done with its outcome, in the transaction of the outcome's
   * effects (a bounce's marks here; an RSVP's in the meeting service). Fenced
   * by the attempt: a worker that lost its row throws and rolls back.
   */
  private async finish(manager: EntityManager, claim: Claim, outcome: Outcome, headers: { sender: string | null; subject: string | null; messageId: string | null }): Promise<void> {
    const [updated]: [{ id: string }[], number] = await manager.query(
      `UPDATE inbound_mail
          SET state = 'done', lease_until = NULL, processed_at = now(), kind = $3, result = $4, detail = $5::jsonb,
              sender = $6, subject = $7, message_id = $8, commission_id = $9, meeting_id = $10, person_id = $11, outbox_id = $12
        WHERE id = $1 AND state = 'processing' AND attempts = $2
        RETURNING id`,
      [
        claim.id,
        claim.attempts,
        outcome.kind,
        outcome.result,
        JSON.stringify(outcome.detail),
        headers.sender,
        headers.subject,
        headers.messageId,
        outcome.commissionId ?? null,
        outcome.meetingId ?? null,
        outcome.personId ?? null,
        outcome.outboxId ?? null,
      ],
    );
    if (updated.length === 0) throw new InboundLeaseLost(claim.id);
    if (outcome.kind === 'bounce' && outcome.result === 'bounce-recorded' && outcome.outboxId) {
      const bounce = outcome.detail.bounce as 'hard' | 'soft';
      const reason = String(outcome.detail.reason ?? '');
      const marked = await this.outbox.markBounced(manager, outcome.outboxId, bounce, reason);
      if (marked?.newlyHard) {
        // Counted once per mail (the outbox row is marked hard once); flagged after INBOUND_HARD_BOUNCES_TO_FLAG.
        await manager.query(
          `INSERT INTO mail_address_flag AS f (address, hard_bounces, last_bounce_at, last_reason, flagged_at)
           VALUES ($1, 1, now(), $2, CASE WHEN 1 >= $3 THEN now() END)
           ON CONFLICT (address) DO UPDATE
             SET hard_bounces = f.hard_bounces + 1, last_bounce_at = now(), last_reason = $2,
                 flagged_at = coalesce(f.flagged_at, CASE WHEN f.hard_bounces + 1 >= $3 THEN now() END)`,
          [marked.address.trim().toLowerCase().slice(0, 320), reason.slice(0, 1000), this.config.INBOUND_HARD_BOUNCES_TO_FLAG],
        );
      }
    }
  }

  /**
   * Re-queues what is owed: rows received and not yet taken (their job lost
   * with Redis), and rows whose worker died (lease expired). Drops raw sources
   * past INBOUND_RAW_RETENTION_DAYS.
   */
  async sweep(): Promise<JobOutcome> {
    const owed: { id: string; attempts: number }[] = await this.dataSource.query(
      `SELECT id, attempts FROM inbound_mail
        WHERE (state = 'received' AND received_at < now() - interval '5 seconds') OR (state = 'processing' AND lease_until < now())
        ORDER BY received_at LIMIT 1000`,
    );
    await this.queues.add('inbound.process', owed.map((row) => ({ jobId: inboundJobId(row.id, row.attempts), data: { id: row.id } })));
    const [, purged]: [unknown, number] = await this.dataSource.query(
      `UPDATE inbound_mail SET raw = NULL, raw_purged_at = now()
        WHERE raw IS NOT NULL AND state = 'done' AND received_at < now() - make_interval(days => $1)`,
      [this.config.INBOUND_RAW_RETENTION_DAYS],
    );
    return { status: 'done', requeued: owed.length, rawPurged: purged };
  }
}
