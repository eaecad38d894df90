import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@samverkan/core';
import { MailApiModule, MailModule, MailWorkerModule } from '@samverkan/mail';
import { MailActionsModule } from '@samverkan/mail-actions';
import { Notification } from './notification.entity';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationDelivery } from './notification-delivery.service';
import { NotificationPreferencesResolver } from './notification-preferences.resolver';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationService } from './notification.service';
import { NotificationSweep } from './notification-sweep.service';
import { NotificationsProcessor } from './notifications.processor';
import { ReminderEngine } from './reminder-engine.service';
import { MetricsController } from './operations/metrics.controller';
import { MetricsService } from './operations/metrics.service';
import { QueueDashboardController } from './operations/queue-dashboard.controller';
import { SkippedRemindersResolver, SkippedRemindersService } from './skipped-reminders';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeLinkService } from './unsubscribe/unsubscribe-link.service';

/** Reminders and preferences: what API and worker share. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationPreference]), MailModule, MailActionsModule, QueueModule],
  providers: [ReminderEngine, NotificationDelivery, NotificationSweep, NotificationPreferencesService, NotificationService, UnsubscribeLinkService],
  exports: [NotificationService, ReminderEngine, NotificationDelivery, NotificationSweep, NotificationPreferencesService, UnsubscribeLinkService],
})
export class NotificationsModule {}

/** The processors of reminders and mail; only the worker imports it. */
@Module({ imports: [NotificationsModule, MailWorkerModule], providers: [NotificationsProcessor] })
export class NotificationsWorkerModule {}

/**
 * The API face: preferences and mail log over GraphQL, /metrics and the
 * queue dashboard at /admin/queues. Only the API imports it.
 */
@Module({
  imports: [NotificationsModule, MailApiModule],
  providers: [NotificationPreferencesResolver, SkippedRemindersService, SkippedRemindersResolver, MetricsService],
  controllers: [MetricsController, QueueDashboardController, UnsubscribeController],
})
export class NotificationsApiModule {}
