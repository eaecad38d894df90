import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Person } from './person.entity';
import { PeopleResolver } from './people.resolver';
import { PeopleService } from './people.service';
import { PeopleMergeService } from './people-merge.service';
import { OrganisationsModule } from '@samverkan/organisations';

@Module({
  imports: [TypeOrmModule.forFeature([Person])],
  providers: [PeopleService, PeopleMergeService],
  exports: [PeopleService, PeopleMergeService],
})
export class PeopleModule {}

/** The GraphQL face of people; only the API imports it. */
@Module({ imports: [PeopleModule, OrganisationsModule], providers: [PeopleResolver] })
export class PeopleApiModule {}
