import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '@samverkan/access';
import { QueueModule } from '@samverkan/core';
import { MailModule } from '@samverkan/mail';
import { MeetingsModule } from '@samverkan/meetings';
import { InboundImapPoller } from './inbound-imap.poller';
import { InboundMail } from './inbound-mail.entity';
import { InboundJobs } from './inbound.processor';
import { InboundProcessor } from './inbound-processor.service';
import { InboundResolver } from './inbound.resolver';
import { InboundService } from './inbound.service';
import { InboundSmtpServer } from './inbound-smtp.server';
import { InboundStore } from './inbound-store.service';
import { MailAddressFlag } from './mail-address-flag.entity';

/**
 * Inbound mail in the worker: the SMTP endpoint or the IMAP poller (whichever
 * INBOUND_MAIL names; neither when off), the processing job and its sweep.
 * The processors run whatever INBOUND_MAIL says, so any worker takes over rows
 * another received.
 */
@Module({
  imports: [TypeOrmModule.forFeature([InboundMail, MailAddressFlag]), QueueModule, MailModule, MeetingsModule],
  providers: [InboundStore, InboundProcessor, InboundJobs, InboundSmtpServer, InboundImapPoller],
  exports: [InboundStore, InboundSmtpServer, InboundImapPoller],
})
export class InboundWorkerModule {}

/** The secretariat's GraphQL views of inbound mail; only the API imports it. */
@Module({
  imports: [TypeOrmModule.forFeature([InboundMail, MailAddressFlag]), AccessModule],
  providers: [InboundService, InboundResolver],
})
export class InboundApiModule {}
