import { Injectable } from '@nestjs/common';
import { Args, ArgsType, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService } from '@samverkan/access';
import {
  Allow,
  Connection,
  ConnectionArgs,
  ConnectionShape,
  Ctx,
  DateTimeScalar,
  Locale,
  NotFoundError,
  Permission,
  RequestContext,
  Translated,
  paginate,
} from '@samverkan/core';
import { Notification } from './notification.entity';
import { reminderRule } from './reminder-rule';
import { SUPERSEDED_REASON } from './superseded';

/** Why a reminder was not sent, in the reader's language (the stored reason is English). */
const REASONS: Record<string, Translated> = {
  [SUPERSEDED_REASON]: {
    sv: 'Hoppades över: en senare påminnelse om samma sak skickas i stället.',
    da: 'Sprunget over: en senere påmindelse om det samme sendes i stedet.',
    en: 'Skipped: a later reminder about the same thing is sent instead.',
  },
  'no longer owed (subject changed or done)': {
    sv: 'Behövs inte längre (datumet ändrades eller saken är klar).',
    da: 'Ikke længere nødvendig (datoen er ændret, eller sagen er færdig).',
    en: 'No longer needed (the date changed or it is done).',
  },
  'opted out of this kind': { sv: 'Mottagaren har stängt av den här sortens påminnelser.', da: 'Modtageren har slået denne slags påmindelser fra.', en: 'The recipient turned this kind of reminder off.' },
  'person erased': { sv: 'Personen är raderad.', da: 'Personen er slettet.', en: 'The person was erased.' },
  'no email address': { sv: 'Ingen e-postadress.', da: 'Ingen e-mailadresse.', en: 'No e-mail address.' },
  'unusable email address': { sv: 'E-postadressen går inte att använda.', da: 'E-mailadressen kan ikke bruges.', en: 'The e-mail address cannot be used.' },
  'approved already': { sv: 'Redan justerat.', da: 'Allerede godkendt.', en: 'Approved already.' },
};

export function skipReasonText(reason: string | null, locale: Locale): string {
  return reason ? (REASONS[reason]?.[locale] ?? reason) : '';
}

@ObjectType('SkippedReminder', { description: 'A reminder that was owed and not sent, and why (the mail log lists what was sent).' })
export class SkippedReminderType {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field({ description: 'The kind of reminder, e.g. "deliverable.due".' }) kind: string;
  @Field({ description: 'The kind in your language.' }) label: string;
  @Field({ description: 'What it was about.' }) title: string;
  @Field(() => DateTimeScalar, { description: 'When it was to be sent.' }) dueAt: Date;
  @Field(() => DateTimeScalar, { description: 'When it was skipped.' }) skippedAt: Date;
  @Field({ description: 'Why it was skipped, in your language.' }) reason: string;
  @Field({ description: 'The stored reason (English, stable), e.g. "superseded: a later reminder of the same series is owed".' }) reasonCode: string;

  static from(row: Notification, locale: Locale): SkippedReminderType {
    return Object.assign(new SkippedReminderType(), {
      id: row.id,
      personId: row.personId,
      kind: row.kind,
      label: reminderRule(row.kind)?.label[locale] ?? row.kind,
      title: String(row.props.title ?? ''),
      dueAt: row.dueAt,
      skippedAt: row.updatedAt,
      reason: skipReasonText(row.cancelReason, locale),
      reasonCode: row.cancelReason ?? '',
    });
  }
}

@ObjectType()
export class SkippedReminderConnection extends Connection(SkippedReminderType) {}

@ArgsType()
export class PersonSkippedRemindersArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  personId: string;
}

@ArgsType()
export class CommissionSkippedRemindersArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;
}

/** Reminders not sent (cancelled), newest first: beside the mail log, so "why did nobody get a reminder?" has an answer. */
@Injectable()
export class SkippedRemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async forPerson(ctx: RequestContext, args: PersonSkippedRemindersArgs): Promise<ConnectionShape<Notification>> {
    if (!ctx.actor?.isAdmin && ctx.actor?.personId !== args.personId) throw new NotFoundError('Person', args.personId);
    return paginate(this.query().andWhere('n.person_id = :personId', { personId: args.personId }), args);
  }

  async forCommission(ctx: RequestContext, args: CommissionSkippedRemindersArgs): Promise<ConnectionShape<Notification>> {
    await this.access.require(ctx, args.commissionId, 'manage');
    return paginate(this.query().andWhere(`n.props->>'commissionId' = :commissionId`, { commissionId: args.commissionId }), args);
  }

  private query() {
    return this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where(`n.status = 'cancelled'`)
      .orderBy('n.updated_at', 'DESC')
      .addOrderBy('n.id', 'DESC');
  }
}

function mapConnection<T, U>(connection: ConnectionShape<T>, map: (node: T) => U): ConnectionShape<U> {
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })) };
}

@Resolver(() => SkippedReminderType)
export class SkippedRemindersResolver {
  constructor(private readonly skipped: SkippedRemindersService) {}

  @Allow(Permission.Authenticated)
  @Query(() => SkippedReminderConnection, { description: 'Reminders owed to one person and not sent, with the reason, newest first (the person themselves, administrators).' })
  async skippedReminders(@Ctx() ctx: RequestContext, @Args() args: PersonSkippedRemindersArgs): Promise<ConnectionShape<SkippedReminderType>> {
    return mapConnection(await this.skipped.forPerson(ctx, args), (row) => SkippedReminderType.from(row, ctx.locale));
  }

  @Allow(Permission.Authenticated)
  @Query(() => SkippedReminderConnection, {
    description: "Reminders of the commission's work that were not sent, with the reason, newest first (the secretariat; beside commissionMailLog).",
  })
  async commissionSkippedReminders(@Ctx() ctx: RequestContext, @Args() args: CommissionSkippedRemindersArgs): Promise<ConnectionShape<SkippedReminderType>> {
    return mapConnection(await this.skipped.forCommission(ctx, args), (row) => SkippedReminderType.from(row, ctx.locale));
  }
}
