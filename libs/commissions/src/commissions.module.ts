import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '@samverkan/organisations';
import { PeopleModule } from '@samverkan/people';
import { StrategiesModule } from '@samverkan/strategies';
import { Commission, CommissionAmendment, CommissionObjective, CommissionPartner, CommissionRole, StakeholderEngagement } from './commission.entity';
import { CommissionRoleResolver, CommissionsResolver, StakeholderEngagementResolver } from './commissions.resolver';
import { CommissionsService } from './commissions.service';
import { StakeholdersController } from './stakeholders.controller';
import { StakeholdersService } from './stakeholders.service';
import { StakeholdersResolver } from './stakeholders.resolver';
import { CommissionAuditService } from './commission-audit.service';
import { CommissionAuditResolver } from './commission-audit.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([Commission, CommissionObjective, CommissionAmendment, CommissionRole, CommissionPartner, StakeholderEngagement]),
    OrganisationsModule,
    PeopleModule,
    StrategiesModule,
  ],
  providers: [CommissionsService, StakeholdersService, CommissionAuditService],
  exports: [CommissionsService, StakeholdersService, CommissionAuditService],
})
export class CommissionsModule {}

/** The GraphQL and HTTP face of commissions; only the API imports it. */
@Module({
  imports: [CommissionsModule, OrganisationsModule, StrategiesModule, PeopleModule],
  providers: [CommissionsResolver, CommissionRoleResolver, StakeholderEngagementResolver, StakeholdersResolver, CommissionAuditResolver],
  controllers: [StakeholdersController],
})
export class CommissionsApiModule {}
