import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Person } from './person.entity';
import { PeopleResolver } from './people.resolver';
import { PeopleService } from './people.service';

@Module({
  imports: [TypeOrmModule.forFeature([Person])],
  providers: [PeopleService],
  exports: [PeopleService],
})
export class PeopleModule {}

/** The GraphQL face of people; only the API imports it. */
@Module({ imports: [PeopleModule], providers: [PeopleResolver] })
export class PeopleApiModule {}
