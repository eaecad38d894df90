import { Module } from '@nestjs/common';
import { MailModule } from '@samverkan/mail';
import { MailActionsModule } from '@samverkan/mail-actions';
import { OrganisationsModule } from '@samverkan/organisations';
import { PeopleModule } from '@samverkan/people';
import { WorkingGroupsModule } from '@samverkan/working-groups';
import { SeatsModule } from '../seats.module';
import { SeatGridController } from './seat-grid.controller';
import { AppointmentNoticeResolver, NominationRequestTrackingResolver, SeatAllocationQueryResolver, SeatHistoryResolver } from './seat-grid.resolver';
import { SeatGridService } from './seat-grid.service';
import './seat-grid.messages';

/** The secretariat's seat pages' API (grid CSV, allocation by id, seat history, reminders, vacancy notices); only the API imports it. */
@Module({
  imports: [SeatsModule, WorkingGroupsModule, OrganisationsModule, PeopleModule, MailModule, MailActionsModule],
  providers: [SeatGridService, SeatAllocationQueryResolver, SeatHistoryResolver, NominationRequestTrackingResolver, AppointmentNoticeResolver],
  controllers: [SeatGridController],
})
export class SeatGridApiModule {}
