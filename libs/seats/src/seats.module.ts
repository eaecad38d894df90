import { Inject, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@samverkan/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@samverkan/mail';
import { MailActionsModule } from '@samverkan/mail-actions';
import { OrganisationsModule } from '@samverkan/organisations';
import { PeopleModule } from '@samverkan/people';
import { WorkingGroupsModule } from '@samverkan/working-groups';
import { AppointmentsService } from './appointments.service';
import { NominationsService } from './nominations.service';
import { Appointment, Nomination, NominationCandidate, NominationRequest, Seat, SeatAllocation } from './seat.entity';
import {
  AppointmentResolver,
  CommissionSeatsResolver,
  GroupSeatsResolver,
  NominationCandidatesResolver,
  NominationResolver,
  PersonSeatsResolver,
  SeatAllocationResolver,
  SeatResolver,
} from './seats.resolver';
import { SeatsService } from './seats.service';
import { configureSeatReminders } from './seats.reminders';
import { MySeatsResolver } from './my-seats.resolver';
import { MySeatsService } from './my-seats.service';
import { NominationRequestQueryResolver, NominationRequestQueryService } from './nomination-request.query';

@Module({
  imports: [
    TypeOrmModule.forFeature([SeatAllocation, Seat, Appointment, NominationRequest, Nomination, NominationCandidate]),
    WorkingGroupsModule,
    OrganisationsModule,
    PeopleModule,
    MailModule,
    MailActionsModule,
  ],
  providers: [SeatsService, AppointmentsService, NominationsService],
  exports: [SeatsService, AppointmentsService, NominationsService],
})
export class SeatsModule {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // The seat.vacant reminder's grace period (SEAT_VACANCY_GRACE_DAYS) goes into its SQL.
    configureSeatReminders(config);
  }
}

/** The GraphQL face of seats, nominations and appointments; only the API imports it. */
@Module({
  imports: [SeatsModule, WorkingGroupsModule, OrganisationsModule, PeopleModule],
  providers: [
    SeatAllocationResolver,
    SeatResolver,
    AppointmentResolver,
    NominationResolver,
    NominationCandidatesResolver,
    GroupSeatsResolver,
    CommissionSeatsResolver,
    PersonSeatsResolver,
    MySeatsService,
    MySeatsResolver,
    NominationRequestQueryService,
    NominationRequestQueryResolver,
  ],
})
export class SeatsApiModule {}
