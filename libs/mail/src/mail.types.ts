import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Connection, ConnectionArgs, DateTimeScalar } from '@samverkan/core';
import { MailOutbox } from './mail-outbox.entity';

export enum MailStatusType {
  PENDING = 'pending',
  SENDING = 'sending',
  SENT = 'sent',
  FAILED = 'failed',
  CANCELLED = 'cancelled',
}
export enum MailBounceKind {
  HARD = 'hard',
  SOFT = 'soft',
}
registerEnumType(MailBounceKind, { name: 'MailBounceKind', description: 'A delivery status notification said: hard, the address does not take mail (5.x.x); soft, delivery failed for now (4.x.x).' });

registerEnumType(MailStatusType, { name: 'MailStatus', description: 'Where an outgoing mail is: waiting (or waiting to retry), being sent, sent, failed for good, cancelled.' });

@ObjectType('Mail', { description: 'One outgoing mail as rendered, and what became of it.' })
export class MailType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  personId: string | null;

  @Field(() => ID, { nullable: true })
  commissionId: string | null;

  @Field()
  toAddress: string;

  @Field(() => String, { nullable: true, description: 'The recipient\'s name as the mail was addressed.' })
  toName: string | null;

  @Field()
  subject: string;

  @Field({ description: 'The template (kind of mail) it was rendered from.' })
  template: string;

  @Field(() => MailStatusType)
  status: MailStatusType;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true, description: 'The last SMTP error, e.g. "550 mailbox unavailable".' })
  lastError: string | null;

  @Field()
  messageId: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  sentAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  failedAt: Date | null;

  @Field(() => MailBounceKind, { nullable: true, description: 'Set when the receiving side sent the mail back (a delivery status notification).' })
  bounceKind: MailBounceKind | null;

  @Field(() => String, { nullable: true, description: 'The reason the bounce gave, e.g. "5.1.1 user unknown".' })
  bounceReason: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  bouncedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due, while not sent.' })
  nextAttemptAt: Date | null;

  static from(mail: MailOutbox): MailType {
    return Object.assign(new MailType(), {
      ...mail,
      status: mail.status as MailStatusType,
      bounceKind: (mail.bounceKind as MailBounceKind | null) ?? null,
      nextAttemptAt: mail.status === 'pending' || mail.status === 'sending' ? mail.nextAttemptAt : null,
    });
  }
}

@ObjectType()
export class MailConnection extends Connection(MailType) {}

@ArgsType()
export class PersonMailLogArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  personId: string;
}

@ArgsType()
export class CommissionMailLogArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field({ nullable: true, description: 'Only mail that failed for good: refused by our SMTP server, or bounced hard by the receiving side.' })
  @IsOptional()
  @IsBoolean()
  onlyFailed?: boolean;

  @Field(() => MailStatusType, { nullable: true, description: 'Only mail in this state (FAILED also takes mail that bounced hard).' })
  @IsOptional()
  @IsEnum(MailStatusType)
  status?: MailStatusType;

  @Field({ nullable: true, description: 'Only mail whose recipient (address or name) or subject contains this text.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
