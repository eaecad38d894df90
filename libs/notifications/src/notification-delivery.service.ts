import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, JobOutcome, Locale, inTransaction, isLocale, publicUrl } from '@samverkan/core';
import { InvalidMailAddressError, OutboxService, Recipient, mailUrl } from '@samverkan/mail';
import { MailLinkService } from '@samverkan/mail-actions';
import { DeliveryMode } from './notification.entity';
import { ReminderProps, reminderRule } from './reminder-rule';
import { SUPERSEDED_REASON, supersededSql } from './superseded';
import { digestTemplate } from './templates/digest.template';
import { UnsubscribeLinkService } from './unsubscribe/unsubscribe-link.service';
import { ReminderMailProps, reminderTemplate } from './templates/reminder.template';

interface OwedRow {
  id: string;
  kind: string;
  props: ReminderProps;
  subject_id: string;
  person_id: string;
  email: string | null;
  full_name: string;
  locale: string;
  time_zone: string;
  erased_at: Date | null;
  delivery: DeliveryMode;
  opted_out_kinds: string[];
  superseded: boolean;
}

/**
 * The last digest moment at or before `now` for a person: DIGEST_HOUR local time
 * today (daily) or on Monday (weekly), as SQL over a delivery and a time zone.
 */
export function digestSlotSql(delivery: string, timeZone: string, now: string, hour: string): string {
  const local = `((${now}) AT TIME ZONE ${timeZone}) - make_interval(hours => ${hour})`;
  return `(CASE ${delivery}
      WHEN 'daily' THEN (date_trunc('day', ${local}) + make_interval(hours => ${hour})) AT TIME ZONE ${timeZone}
      WHEN 'weekly' THEN (date_trunc('week', ${local}) + make_interval(hours => ${hour})) AT TIME ZONE ${timeZone}
    END)`;
}

/**
 * Turns owed notifications into outbox mail: one mail per reminder for people
 * who want them at once, one digest per slot for the others. Each runs in one
 * transaction that locks the notifications it takes (SKIP LOCKED), writes the
 * mail and marks them queued, so two workers never take the same reminder.
 */
@Injectable()
export class NotificationDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly links: MailLinkService,
    private readonly unsubscribeLinks: UnsubscribeLinkService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(notificationId: string): Promise<JobOutcome> {
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const [row]: OwedRow[] = await manager.query(
        `${OWED_SELECT} WHERE n.id = $1 AND n.status = 'owed' AND n.due_at <= now() FOR UPDATE OF n SKIP LOCKED`,
        [notificationId],
      );
      if (!row) return { status: 'skipped', reason: 'not owed now, or taken by another worker' } as const;
      if (row.delivery !== 'immediate') return { status: 'skipped', reason: `goes into the ${row.delivery} digest` } as const;
      const refusal = this.refusal(row);
      if (refusal) {
        await this.cancel(manager, [row.id], refusal);
        return { status: 'done', cancelled: refusal } as const;
      }
      try {
        const { id } = await this.outbox.enqueue(manager, {
          template: reminderTemplate,
          props: await this.mailProps(manager, row),
          recipient: this.recipient(row),
          dedupeKey: `n:${row.id}`,
          commissionId: commissionOf(row),
          unsubscribeUrl: await this.unsubscribeUrl([row]),
        });
        await this.markQueued(manager, [row.id], id, 'immediate');
        return { status: 'done', outboxId: id } as const;
      } catch (error) {
        if (!(error instanceof InvalidMailAddressError)) throw error;
        await this.cancel(manager, [row.id], 'unusable email address');
        return { status: 'done', cancelled: 'unusable email address' } as const;
      }
    });
    if ('outboxId' in outcome && outcome.outboxId) await this.outbox.dispatch([outcome.outboxId as string]);
    return outcome;
  }

  /** The digest of one person for their current slot, listing everything owed up to it. */
  async digest(personId: string, now = new Date()): Promise<JobOutcome> {
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const [slot]: { delivery: DeliveryMode; slot: Date }[] = await manager.query(
        `SELECT pref.delivery, ${digestSlotSql('pref.delivery', 'p.time_zone', '$2::timestamptz', '$3::int')} AS slot
           FROM notification_preference pref JOIN person p ON p.id = pref.person_id
          WHERE pref.person_id = $1 AND pref.delivery IN ('daily', 'weekly')`,
        [personId, now, this.config.DIGEST_HOUR],
      );
      if (!slot) return { status: 'skipped', reason: 'the person wants reminders at once' } as const;
      const rows: OwedRow[] = await manager.query(
        `${OWED_SELECT} WHERE n.person_id = $1 AND n.status = 'owed' AND n.due_at <= $2 ORDER BY n.due_at, n.id LIMIT 500 FOR UPDATE OF n SKIP LOCKED`,
        [personId, slot.slot],
      );
      if (rows.length === 0) return { status: 'skipped', reason: 'nothing owed' } as const;
      // The person's reasons (erased, no address) refuse every row; a row's own (opted out, superseded) only it.
      const byReason = new Map<string, string[]>();
      for (const row of rows) {
        const reason = this.refusal(row);
        if (reason) byReason.set(reason, [...(byReason.get(reason) ?? []), row.id]);
      }
      for (const [reason, ids] of byReason) await this.cancel(manager, ids, reason);
      const refused = rows.filter((row) => this.refusal(row));
      const items = rows.filter((row) => !refused.includes(row));
      if (items.length === 0) return { status: 'done', cancelled: refused.length } as const;
      try {
        const { id, created } = await this.outbox.enqueue(manager, {
          template: digestTemplate,
          props: { delivery: slot.delivery as 'daily' | 'weekly', items: await Promise.all(items.map((row) => this.mailProps(manager, row))) },
          recipient: this.recipient(items[0]),
          dedupeKey: `digest:${personId}:${slot.delivery}:${slot.slot.toISOString()}`,
          // A digest belongs to a commission's mail log when everything in it does.
          commissionId: new Set(items.map(commissionOf)).size === 1 ? commissionOf(items[0]) : null,
          unsubscribeUrl: await this.unsubscribeUrl(items),
        });
        // This slot's digest went out already: what came later waits for the next one.
        if (!created) return { status: 'skipped', reason: 'this slot already has its digest' } as const;
        await this.markQueued(manager, items.map((row) => row.id), id, slot.delivery);
        return { status: 'done', outboxId: id, items: items.length } as const;
      } catch (error) {
        if (!(error instanceof InvalidMailAddressError)) throw error;
        await this.cancel(manager, items.map((row) => row.id), 'unusable email address');
        return { status: 'done', cancelled: items.length } as const;
      }
    });
    if ('outboxId' in outcome && outcome.outboxId) await this.outbox.dispatch([outcome.outboxId as string]);
    return outcome;
  }

  /** The one-click opt-out of the kinds in a mail that a person may turn off (none: no List-Unsubscribe). */
  private async unsubscribeUrl(rows: OwedRow[]): Promise<string | undefined> {
    const kinds = [...new Set(rows.map((row) => row.kind))].filter((kind) => reminderRule(kind)?.optOutAllowed);
    return kinds.length ? this.unsubscribeLinks.url(rows[0].person_id, kinds, rows[0].locale) : undefined;
  }

  private refusal(row: OwedRow): string | undefined {
    if (row.erased_at) return 'person erased';
    if (!row.email) return 'no email address';
    if (row.opted_out_kinds.includes(row.kind) && reminderRule(row.kind)?.optOutAllowed) return 'opted out of this kind';
    // Checked again here, not only by the sweep: a job queued before the later reminder was written.
    if (row.superseded) return SUPERSEDED_REASON;
    return undefined;
  }

  private recipient(row: OwedRow): Recipient {
    return {
      personId: row.person_id,
      address: row.email ?? '',
      name: row.full_name,
      locale: (isLocale(row.locale) ? row.locale : 'sv') as Locale,
      timeZone: row.time_zone,
    };
  }

  private async mailProps(manager: EntityManager, row: OwedRow): Promise<ReminderMailProps> {
    const path = typeof row.props.path === 'string' && row.props.path.startsWith('/') ? row.props.path : undefined;
    const action = reminderRule(row.kind)?.action;
    // The rule's answer buttons: one link, signed now for this reader and subject (none if they can no longer act).
    const urls = action ? await this.links.urls(manager, action.name, row.person_id, row.subject_id, action.buttons.map((b) => b.prefill ?? {}), { onlyIfUsable: true }) : [];
    return {
      buttons: urls.length ? urls.map((url, i) => ({ label: action!.buttons[i].label, url })) : undefined,
      kind: row.kind,
      title: String(row.props.title ?? ''),
      date: typeof row.props.date === 'string' ? row.props.date : undefined,
      at: typeof row.props.at === 'string' ? row.props.at : undefined,
      days: typeof row.props.days === 'number' ? row.props.days : undefined,
      url: path ? mailUrl(publicUrl(this.config), path) : undefined,
    };
  }

  private async markQueued(manager: EntityManager, ids: string[], outboxId: string, delivery: DeliveryMode): Promise<void> {
    await manager.query(
      `UPDATE notification SET status = 'queued', outbox_id = $2, delivery = $3, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [ids, outboxId, delivery],
    );
  }

  private async cancel(manager: EntityManager, ids: string[], reason: string): Promise<void> {
    await manager.query(`UPDATE notification SET status = 'cancelled', cancel_reason = $2, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids, reason]);
  }
}

const OWED_SELECT = `
  SELECT n.id, n.kind, n.props, n.subject_id, n.person_id, p.email, p.full_name, p.locale, p.time_zone, p.erased_at,
         coalesce(pref.delivery, 'immediate') AS delivery, coalesce(pref.opted_out_kinds, '{}') AS opted_out_kinds,
         ${supersededSql('n', 'now()')} AS superseded
    FROM notification n
    JOIN person p ON p.id = n.person_id
    LEFT JOIN notification_preference pref ON pref.person_id = n.person_id`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The commission a reminder is about (`props.commissionId`, set by the rule), for the secretariat's mail log. */
function commissionOf(row: OwedRow): string | null {
  const id = row.props.commissionId;
  return typeof id === 'string' && UUID.test(id) ? id : null;
}
