import { DeliverablesModule } from '@samverkan/deliverables';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '@samverkan/access';
import { MailModule } from '@samverkan/mail';
import { MailActionsModule } from '@samverkan/mail-actions';
import { NotificationsModule } from '@samverkan/notifications';
import { PeopleModule } from '@samverkan/people';
import { WorkingGroupsModule } from '@samverkan/working-groups';
import { CalendarFeedService } from './calendar-feed.service';
import { DatePollsService } from './date-polls.service';
import { MEETING_ENTITIES } from './meeting.entity';
import { MeetingNotifier } from './meeting-notifier.service';
import { MeetingCalendarReplies } from './meeting-calendar-reply.service';
import { CalendarFeedController, MeetingEventController, MinutesPageController, RegistrationPageController } from './meetings.controller';
import {
  ActionItemResolver,
  AgendaItemResolver,
  CalendarFeedResolver,
  ConflictOfInterestResolver,
  DatePollResolver,
  InterestDeclarationResolver,
  InvitationResolver,
  MeetingResolver,
  MinutesAdjusterResolver,
  MinutesResolver,
  RegistrationResolver,
} from './meetings.resolver';
import { MeetingsService } from './meetings.service';
import { InterestDeclarationsService } from './interest-declarations.service';
import { MeetingsMyPageResolver } from './my-page.resolver';
import { MeetingsMyPageService } from './my-page.service';
import { MinutesService } from './minutes.service';
import { RegistrationsService } from './registrations.service';

/** Meetings and everything about them: what API and worker share (the worker needs the reminder rules). */
@Module({
  imports: [TypeOrmModule.forFeature(MEETING_ENTITIES), AccessModule, MailModule, MailActionsModule, NotificationsModule, PeopleModule, WorkingGroupsModule],
  providers: [MeetingsService, MinutesService, DatePollsService, RegistrationsService, CalendarFeedService, MeetingNotifier, MeetingCalendarReplies, InterestDeclarationsService],
  exports: [MeetingsService, MinutesService, DatePollsService, RegistrationsService, CalendarFeedService, MeetingCalendarReplies, InterestDeclarationsService],
})
export class MeetingsModule {}

/** The GraphQL and HTTP face of meetings (pages, feeds); only the API imports it. */
@Module({
  imports: [MeetingsModule, PeopleModule, WorkingGroupsModule, AccessModule, DeliverablesModule],
  providers: [
    MeetingResolver,
    AgendaItemResolver,
    InvitationResolver,
    InterestDeclarationResolver,
    MinutesResolver,
    ActionItemResolver,
    ConflictOfInterestResolver,
    MinutesAdjusterResolver,
    DatePollResolver,
    RegistrationResolver,
    CalendarFeedResolver,
    MeetingsMyPageService,
    MeetingsMyPageResolver,
  ],
  controllers: [MinutesPageController, MeetingEventController, CalendarFeedController, RegistrationPageController],
})
export class MeetingsApiModule {}
