import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Connection, ConnectionArgs, DateTimeScalar } from '@samverkan/core';
import { InboundMail } from './inbound-mail.entity';
import { MailAddressFlag } from './mail-address-flag.entity';

export enum InboundMailKind {
  CALENDAR_REPLY = 'calendar-reply',
  CALENDAR_COUNTER = 'calendar-counter',
  BOUNCE = 'bounce',
  AUTO_REPLY = 'auto-reply',
  LOOP = 'loop',
  OTHER = 'other',
}
registerEnumType(InboundMailKind, {
  name: 'InboundMailKind',
  description:
    'What a received mail was: a calendar answer (REPLY), a proposed new time (COUNTER), a bounce (delivery status notification), an auto-reply (out of office and the like), a mail of ours come back (loop), or anything else.',
});

export enum InboundMailState {
  RECEIVED = 'received',
  PROCESSING = 'processing',
  DONE = 'done',
}
registerEnumType(InboundMailState, { name: 'InboundMailState', description: 'Stored and waiting, being processed, or processed.' });

@ObjectType('InboundMail', { description: 'A mail Samverkan received (inbound mail, docs/inbound-mail.md) and what came of it. Shown as text only, never rendered.' })
export class InboundMailType {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeScalar)
  receivedAt: Date;

  @Field({ description: '"smtp" or "imap".' })
  channel: string;

  @Field(() => String, { nullable: true, description: 'The From header\'s address: as the mail claims, not verified.' })
  sender: string | null;

  @Field(() => String, { nullable: true })
  subject: string | null;

  @Field(() => Int)
  sizeBytes: number;

  @Field(() => InboundMailState)
  state: InboundMailState;

  @Field(() => InboundMailKind, { nullable: true })
  kind: InboundMailKind | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What came of it: applied (the RSVP was recorded), stale-sequence (an answer to an older version: not applied, the member was told), counter-recorded, bounce-recorded, recorded (auto-reply), ignored, unmatched (no valid token), attendee-mismatch, uid-mismatch, delegate-not-substitute, meeting-closed, refused, no-answer, invitation-gone, unreadable-report.',
  })
  result: string | null;

  @Field({ description: 'The details of the outcome as JSON (answer, SEQUENCE, bounce reason, proposed time, problems found).' })
  detailJson: string;

  @Field(() => ID, { nullable: true })
  meetingId: string | null;

  @Field(() => ID, { nullable: true })
  personId: string | null;

  @Field(() => ID, { nullable: true, description: 'The outgoing mail a bounce was about.' })
  outboxId: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'A COUNTER\'s proposed start.' })
  proposedStartsAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'A COUNTER\'s proposed end.' })
  proposedEndsAt: Date | null;

  @Field({ description: 'Whether the raw source is still kept (INBOUND_RAW_RETENTION_DAYS).' })
  rawKept: boolean;

  static from(mail: InboundMail): InboundMailType {
    const detail = mail.detail ?? {};
    const date = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : null);
    return Object.assign(new InboundMailType(), {
      id: mail.id,
      receivedAt: mail.receivedAt,
      channel: mail.channel,
      sender: mail.sender,
      subject: mail.subject,
      sizeBytes: mail.sizeBytes,
      state: mail.state as InboundMailState,
      kind: (mail.kind as InboundMailKind | null) ?? null,
      result: mail.result,
      detailJson: JSON.stringify(detail),
      meetingId: mail.meetingId,
      personId: mail.personId,
      outboxId: mail.outboxId,
      proposedStartsAt: date(detail.proposedStart),
      proposedEndsAt: date(detail.proposedEnd),
      rawKept: mail.rawPurgedAt === null,
    });
  }
}

@ObjectType()
export class InboundMailConnection extends Connection(InboundMailType) {}

@ArgsType()
export class InboundMailLogArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field(() => InboundMailKind, { nullable: true, description: 'Only mail of this kind (e.g. CALENDAR_COUNTER for proposed new times).' })
  @IsOptional()
  @IsEnum(InboundMailKind)
  kind?: InboundMailKind;
}

@ObjectType('MailAddressFlag', { description: 'An address that bounced hard repeatedly: mail to it does not arrive; the secretariat should ask for a new one.' })
export class MailAddressFlagType {
  @Field()
  address: string;

  @Field(() => Int, { description: 'Mails to it that bounced hard.' })
  hardBounces: number;

  @Field(() => DateTimeScalar)
  flaggedAt: Date;

  @Field(() => DateTimeScalar)
  lastBounceAt: Date;

  @Field(() => String, { nullable: true })
  lastReason: string | null;

  static from(flag: MailAddressFlag): MailAddressFlagType {
    return Object.assign(new MailAddressFlagType(), flag);
  }
}

@ObjectType()
export class MailAddressFlagConnection extends Connection(MailAddressFlagType) {}

@ArgsType()
export class MailAddressFlagsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;
}
