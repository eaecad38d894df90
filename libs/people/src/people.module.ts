import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Person } from './person.entity';
import { PeopleService } from './people.service';

@Module({
  imports: [TypeOrmModule.forFeature([Person])],
  providers: [PeopleService],
  exports: [PeopleService],
})
export class PeopleModule {}
