import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organisation } from './organisation.entity';
import { Region } from './region.entity';
import { RegionsService } from './regions.service';
import { OrganisationsResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation, Region])],
  providers: [OrganisationsService, RegionsService],
  exports: [OrganisationsService, RegionsService],
})
export class OrganisationsModule {}

/** The GraphQL face of organisations; only the API imports it. */
@Module({ imports: [OrganisationsModule], providers: [OrganisationsResolver] })
export class OrganisationsApiModule {}
