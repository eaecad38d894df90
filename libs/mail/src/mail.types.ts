import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { Connection, ConnectionArgs, DateTimeScalar } from '@samverkan/core';
import { MailOutbox } from './mail-outbox.entity';

export enum MailStatusType {
  PENDING = 'pending',
  SENDING = 'sending',
  SENT = 'sent',
  FAILED = 'failed',
  CANCELLED = 'cancelled',
}
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

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due, while not sent.' })
  nextAttemptAt: Date | null;

  static from(mail: MailOutbox): MailType {
    return Object.assign(new MailType(), {
      ...mail,
      status: mail.status as MailStatusType,
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

  @Field({ nullable: true, description: 'Only mail that failed for good.' })
  @IsOptional()
  @IsBoolean()
  onlyFailed?: boolean;
}
