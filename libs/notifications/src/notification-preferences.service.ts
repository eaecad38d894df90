import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, BadInputError, RequestContext, UnauthenticatedError, inTransaction, registerMessages } from '@samverkan/core';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationDeliveryMode, NotificationPreferencesType, UpdateNotificationPreferencesInput } from './notification-preferences.types';
import { reminderRule, reminderRules } from './reminder-rule';

registerMessages({
  'notifications.unknownKind': {
    sv: 'Det finns ingen påminnelse av typen {kind}.',
    da: 'Der findes ingen påmindelse af typen {kind}.',
    en: 'There is no reminder of kind {kind}.',
  },
  'notifications.optOutNotAllowed': {
    sv: 'Påminnelsen {kind} kan inte stängas av.',
    da: 'Påmindelsen {kind} kan ikke slås fra.',
    en: 'The reminder {kind} cannot be turned off.',
  },
});

/** A person's own choices about reminders. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async mine(ctx: RequestContext): Promise<NotificationPreferencesType> {
    const personId = this.personOf(ctx);
    const pref = await this.dataSource.getRepository(NotificationPreference).findOneBy({ personId });
    return this.present(ctx, pref);
  }

  async updateMine(ctx: RequestContext, input: UpdateNotificationPreferencesInput): Promise<NotificationPreferencesType> {
    const personId = this.personOf(ctx);
    for (const kind of input.optedOutKinds ?? []) {
      const rule = reminderRule(kind);
      if (!rule) throw new BadInputError('notifications.unknownKind', { kind }, { field: 'optedOutKinds' });
      if (!rule.optOutAllowed) throw new BadInputError('notifications.optOutNotAllowed', { kind }, { field: 'optedOutKinds' });
    }
    const saved = await inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOne(NotificationPreference, { where: { personId }, lock: { mode: 'pessimistic_write' } });
      const [after]: NotificationPreference[] = await manager.query(
        `INSERT INTO notification_preference (person_id, delivery, opted_out_kinds)
         VALUES ($1, coalesce($2, 'immediate'), coalesce($3::text[], '{}'))
         ON CONFLICT (person_id) DO UPDATE
           SET delivery = coalesce($2, notification_preference.delivery),
               opted_out_kinds = coalesce($3::text[], notification_preference.opted_out_kinds),
               updated_at = now()
         RETURNING person_id AS "personId", delivery, opted_out_kinds AS "optedOutKinds", updated_at AS "updatedAt"`,
        [personId, input.delivery ?? null, input.optedOutKinds ? [...new Set(input.optedOutKinds)] : null],
      );
      await this.audit.record(manager, ctx, {
        entity: 'notification_preference',
        entityId: personId,
        action: before ? 'update' : 'create',
        before: before ? { delivery: before.delivery, optedOutKinds: before.optedOutKinds } : null,
        after: { delivery: after.delivery, optedOutKinds: after.optedOutKinds },
      });
      return after;
    });
    return this.present(ctx, saved);
  }

  /**
   * Turns reminder kinds off for the actor (a one-click opt-out from a mail):
   * adds those that allow it to the opted-out list, keeps everything else.
   * Returns the kinds now off that were on before.
   */
  async optOut(ctx: RequestContext, kinds: string[]): Promise<string[]> {
    const personId = this.personOf(ctx);
    const allowed = [...new Set(kinds)].filter((kind) => reminderRule(kind)?.optOutAllowed);
    if (allowed.length === 0) return [];
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOne(NotificationPreference, { where: { personId }, lock: { mode: 'pessimistic_write' } });
      const previously = before?.optedOutKinds ?? [];
      const added = allowed.filter((kind) => !previously.includes(kind));
      if (added.length === 0) return [];
      await manager.query(
        `INSERT INTO notification_preference (person_id, delivery, opted_out_kinds) VALUES ($1, 'immediate', $2::text[])
         ON CONFLICT (person_id) DO UPDATE SET opted_out_kinds = $2::text[], updated_at = now()`,
        [personId, [...previously, ...added]],
      );
      await this.audit.record(manager, ctx, {
        entity: 'notification_preference',
        entityId: personId,
        action: before ? 'update' : 'create',
        before: before ? { delivery: before.delivery, optedOutKinds: previously } : null,
        after: { delivery: before?.delivery ?? 'immediate', optedOutKinds: [...previously, ...added] },
      });
      return added;
    });
  }

  private present(ctx: RequestContext, pref: NotificationPreference | null): NotificationPreferencesType {
    const optedOut = pref?.optedOutKinds ?? [];
    return {
      delivery: (pref?.delivery ?? 'immediate') as NotificationDeliveryMode,
      optedOutKinds: optedOut,
      kinds: reminderRules().map((rule) => ({
        kind: rule.kind,
        label: rule.label[ctx.locale],
        optOutAllowed: rule.optOutAllowed,
        optedOut: optedOut.includes(rule.kind),
      })),
    };
  }

  private personOf(ctx: RequestContext): string {
    if (!ctx.actor) throw new UnauthenticatedError();
    return ctx.actor.personId;
  }
}
