import { Injectable } from '@nestjs/common';
import { JobData, JobHandler, JobOutcome } from '@samverkan/core';
import { MailSender } from './mail-sender.service';

/** Worker side of the mail queue: one job per outbox row and attempt. */
@Injectable()
export class MailSendProcessor {
  constructor(private readonly sender: MailSender) {}

  @JobHandler('mail.send')
  send(data: JobData): Promise<JobOutcome> {
    if (!data.id) return Promise.resolve({ status: 'skipped', reason: 'no outbox id' });
    return this.sender.send(data.id);
  }
}
