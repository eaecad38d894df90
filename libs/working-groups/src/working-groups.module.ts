import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommissionsModule } from '@samverkan/commissions';
import { OrganisationsModule } from '@samverkan/organisations';
import { PeopleModule } from '@samverkan/people';
import { StrategiesModule } from '@samverkan/strategies';
import { WorkingGroup } from './working-group.entity';
import { WorkingGroupGoal } from './working-group-goal.entity';
import { WorkingGroupObjective } from './working-group-objective.entity';
import { CommissionGroupsResolver, GoalGroupsResolver, WorkingGroupsResolver } from './working-groups.resolver';
import { WorkingGroupsService } from './working-groups.service';

@Module({
  imports: [TypeOrmModule.forFeature([WorkingGroup, WorkingGroupGoal, WorkingGroupObjective]), CommissionsModule, StrategiesModule, PeopleModule, OrganisationsModule],
  providers: [WorkingGroupsService],
  exports: [WorkingGroupsService],
})
export class WorkingGroupsModule {}

/** The GraphQL face of working groups; only the API imports it. */
@Module({
  imports: [WorkingGroupsModule, CommissionsModule, StrategiesModule, PeopleModule, OrganisationsModule],
  providers: [WorkingGroupsResolver, CommissionGroupsResolver, GoalGroupsResolver],
})
export class WorkingGroupsApiModule {}
