import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@samverkan/core';
import { MailOutbox } from './mail-outbox.entity';
import { MailResolver } from './mail.resolver';
import { MailSendProcessor } from './mail-send.processor';
import { MailSender } from './mail-sender.service';
import { MailErasure } from './mail-erasure.service';
import { MailTransport } from './mail-transport';
import { OutboxService } from './outbox.service';

/** The outbox: what API and worker both need to write mail. */
@Module({
  imports: [TypeOrmModule.forFeature([MailOutbox]), QueueModule],
  providers: [OutboxService, MailTransport, MailSender, MailErasure],
  exports: [OutboxService, MailTransport, MailSender, MailErasure],
})
export class MailModule {}

/** The processors that send mail; only the worker imports it. */
@Module({ imports: [MailModule], providers: [MailSendProcessor] })
export class MailWorkerModule {}

/** The GraphQL face of the outbox; only the API imports it. */
@Module({ imports: [MailModule], providers: [MailResolver] })
export class MailApiModule {}
