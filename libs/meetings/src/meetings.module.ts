import { DeliverablesModule } from '@samverkan/deliverables';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '@samverkan/access';
import { MailModule } from '@samverkan/mail';
import { MailActionsModule } from '@samverkan/mail-actions';
import { NotificationsModule } from '@samverkan/notifications';
import { PeopleModule } from '@samverkan/people';
import { WorkingGroupsModule } from '@samverkan/working-groups';
import { AgendaItemResolver } from './agenda/agenda-item.resolver';
import { AgendaResolver } from './agenda/agenda.resolver';
import { AgendaService } from './agenda/agenda.service';
import { AgendaItemQuorumResolver, AttendanceResolver } from './attendance/attendance.resolver';
import { AttendanceService } from './attendance/attendance.service';
import { CalendarFeedResolver } from './calendar/calendar-feed.resolver';
import { CalendarFeedService } from './calendar/calendar-feed.service';
import { CalendarFeedController, MeetingEventController } from './calendar/calendar.controller';
import { MeetingCalendarReplies } from './calendar/meeting-calendar-reply.service';
import { DatePollRespondentResolver, DatePollResolver } from './date-polls/date-poll.resolver';
import { DatePollsService } from './date-polls/date-polls.service';
import { InvitationFollowUpResolver } from './invitations/invitation-follow-up.resolver';
import { InvitationFollowUpService } from './invitations/invitation-follow-up.service';
import { InvitationResolver } from './invitations/invitation.resolver';
import { MeetingNotifier } from './meeting-notifier.service';
import { MEETING_ENTITIES } from './meetings.entities';
import { MeetingResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';
import { InterestDeclarationResolver } from './minutes/interest-declaration.resolver';
import { InterestDeclarationsService } from './minutes/interest-declarations.service';
import { MinutesPageController } from './minutes/minutes-page.controller';
import { ActionItemResolver, ConflictOfInterestResolver, MinutesAdjusterResolver, MinutesResolver } from './minutes/minutes.resolver';
import { MinutesService } from './minutes/minutes.service';
import { MeetingsMyPageResolver } from './my-page/my-page.resolver';
import { MeetingsMyPageService } from './my-page/my-page.service';
import { RegistrationPageController } from './registrations/registration-page.controller';
import { RegistrationExportController } from './registrations/registration-export.controller';
import { RegistrationResolver } from './registrations/registration.resolver';
import { RegistrationsService } from './registrations/registrations.service';

/** Meetings and everything about them: what API and worker share (the worker needs the reminder rules). */
@Module({
  imports: [TypeOrmModule.forFeature(MEETING_ENTITIES), AccessModule, MailModule, MailActionsModule, NotificationsModule, PeopleModule, WorkingGroupsModule],
  providers: [MeetingsService, AttendanceService, MinutesService, DatePollsService, RegistrationsService, CalendarFeedService, MeetingNotifier, MeetingCalendarReplies, InterestDeclarationsService, AgendaService, InvitationFollowUpService],
  exports: [MeetingsService, AttendanceService, MinutesService, DatePollsService, RegistrationsService, CalendarFeedService, MeetingCalendarReplies, InterestDeclarationsService, AgendaService, InvitationFollowUpService],
})
export class MeetingsModule {}

/** The GraphQL and HTTP face of meetings (pages, feeds); only the API imports it. */
@Module({
  imports: [MeetingsModule, PeopleModule, WorkingGroupsModule, AccessModule, DeliverablesModule],
  providers: [
    MeetingResolver,
    AgendaItemResolver,
    AttendanceResolver,
    AgendaItemQuorumResolver,
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
    // Scheduling and the agenda builder (issue 19).
    AgendaResolver,
    InvitationFollowUpResolver,
    DatePollRespondentResolver,
  ],
  controllers: [MinutesPageController, MeetingEventController, CalendarFeedController, RegistrationPageController, RegistrationExportController],
})
export class MeetingsApiModule {}
