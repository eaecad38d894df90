import { Module } from '@nestjs/common';
import { AccessModule } from '@samverkan/access';
import { AccountsModule } from '@samverkan/accounts';
import { CommissionsModule } from '@samverkan/commissions';
import { OrganisationsModule } from '@samverkan/organisations';
import { PeopleModule } from '@samverkan/people';
import { SeatsModule } from '@samverkan/seats';
import { StrategiesModule } from '@samverkan/strategies';
import { WorkingGroupsModule } from '@samverkan/working-groups';
import { MeetingsModule } from '@samverkan/meetings';
import { MeetingsSeeder } from './seed-meetings';
import { ReportsModule } from '@samverkan/reports';
import { ReportsSeeder } from './seed-reports';
import { SeederService } from './seeder.service';
import { DeliverablesModule } from '@samverkan/deliverables';
import { DeliverablesSeeder } from './seed-deliverables';

/**
 * The seed loader. Imports the domain modules only (no resolvers), so the CLI
 * and the tests can load the seeds without GraphQL. Needs CoreModule and a
 * config (the API, the CLI or a test app provide them).
 */
@Module({
  imports: [AccessModule, OrganisationsModule, PeopleModule, AccountsModule, StrategiesModule, CommissionsModule, WorkingGroupsModule, SeatsModule, DeliverablesModule, MeetingsModule, ReportsModule],
  providers: [SeederService, DeliverablesSeeder, MeetingsSeeder, ReportsSeeder],
  exports: [SeederService],
})
export class SeedsModule {}
