import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Goal } from './goal.entity';
import { PriorityArea } from './priority-area.entity';
import { Strategy } from './strategy.entity';
import { GoalResolver, PriorityAreaResolver, StrategiesResolver } from './strategies.resolver';
import { StrategiesService } from './strategies.service';

@Module({
  imports: [TypeOrmModule.forFeature([Strategy, PriorityArea, Goal])],
  providers: [StrategiesService],
  exports: [StrategiesService],
})
export class StrategiesModule {}

/** The GraphQL face of strategies; only the API imports it. */
@Module({ imports: [StrategiesModule], providers: [StrategiesResolver, PriorityAreaResolver, GoalResolver] })
export class StrategiesApiModule {}
