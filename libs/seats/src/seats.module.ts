import { Inject, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@samverkan/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommissionsModule } from '@samverkan/commissions';
import { MailModule } from '@samverkan/mail';
import { MailActionsModule } from '@samverkan/mail-actions';
import { OrganisationsModule } from '@samverkan/organisations';
import { PeopleModule } from '@samverkan/people';
import { WorkingGroupsModule } from '@samverkan/working-groups';
import { SeatAllocation } from './allocations/seat-allocation.entity';
import { CommissionTreePlan } from './commission-tree.plan';
import { SeatAllocationResolver } from './allocations/seat-allocation.resolver';
import { Appointment } from './appointments/appointment.entity';
import { AppointmentResolver, PersonSeatsResolver } from './appointments/appointments.resolver';
import { AppointmentsService } from './appointments/appointments.service';
import { MySeatsResolver } from './my-seats/my-seats.resolver';
import { MySeatsService } from './my-seats/my-seats.service';
import { Nomination } from './nominations/nomination.entity';
import { NominationCandidate } from './nominations/nomination-candidate.entity';
import { NominationRequest } from './nominations/nomination-request.entity';
// Registers the "Nominate" mail action the service's links point to.
import './nominations/nominations.mail-actions';
import { NominationCandidatesResolver, NominationResolver } from './nominations/nominations.resolver';
import { NominationsService } from './nominations/nominations.service';
import { Seat } from './seat.entity';
import { CommissionSeatsResolver, GroupSeatsResolver, SeatResolver } from './seats.resolver';
import { SeatsService } from './seats.service';
import { configureSeatReminders } from './seats.reminders';
import { NominationRequestQueryResolver, NominationRequestQueryService } from './nominations/nomination-request.query';

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
  imports: [SeatsModule, WorkingGroupsModule, OrganisationsModule, PeopleModule, CommissionsModule],
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
    CommissionTreePlan,
  ],
})
export class SeatsApiModule {}
