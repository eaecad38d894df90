import { Injectable } from '@nestjs/common';
import { JobData, JobHandler, JobOutcome } from '@samverkan/core';
import { NotificationDelivery } from './notification-delivery.service';
import { NotificationSweep } from './notification-sweep.service';

/** Worker side of the notifications queue. */
@Injectable()
export class NotificationsProcessor {
  constructor(
    private readonly sweeper: NotificationSweep,
    private readonly delivery: NotificationDelivery,
  ) {}

  @JobHandler('notifications.sweep', { every: (config) => config.SWEEP_INTERVAL_SECONDS * 1000, atStart: true })
  sweep(): Promise<JobOutcome> {
    return this.sweeper.sweep();
  }

  @JobHandler('notifications.deliver')
  deliver(data: JobData): Promise<JobOutcome> {
    if (!data.id) return Promise.resolve({ status: 'skipped', reason: 'no notification id' });
    return this.delivery.deliver(data.id);
  }

  @JobHandler('notifications.digest')
  digest(data: JobData): Promise<JobOutcome> {
    if (!data.id) return Promise.resolve({ status: 'skipped', reason: 'no person id' });
    return this.delivery.digest(data.id);
  }
}
