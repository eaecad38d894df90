import { Injectable } from '@nestjs/common';
import { JobData, JobHandler, JobOutcome } from '@samverkan/core';
import { MailSender } from './mail-sender.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Worker side of the mail queue: a job carries a batch of outbox rows (`ids`)
 * or one row (`id`: a retry, or a job queued before batches).
 */
@Injectable()
export class MailSendProcessor {
  constructor(private readonly sender: MailSender) {}

  @JobHandler('mail.send')
  send(data: JobData): Promise<JobOutcome> {
    // Ids from Redis: one that is not a row id would fail the claims of every batch it joins.
    const ids = (data.ids ?? (data.id ? [data.id] : [])).filter((id) => UUID.test(id));
    if (ids.length === 0) return Promise.resolve({ status: 'skipped', reason: 'no outbox id' });
    return this.sender.sendBatch(ids);
  }
}
