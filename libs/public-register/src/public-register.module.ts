import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '@samverkan/access';
import { CommissionPublication } from './commission-publication.entity';
import { DeliverablePublication } from './deliverable-publication.entity';
import { PublicRegisterController } from './public-register.controller';
import { PublicRegisterResolver } from './public-register.resolver';
import { PublicRegisterService } from './public-register.service';

/** What a commission publishes: the choice and the register read. */
@Module({
  imports: [TypeOrmModule.forFeature([CommissionPublication, DeliverablePublication]), AccessModule],
  providers: [PublicRegisterService],
  exports: [PublicRegisterService],
})
export class PublicRegisterModule {}

/** GraphQL and the feeds; only the API imports it. */
@Module({ imports: [PublicRegisterModule], providers: [PublicRegisterResolver], controllers: [PublicRegisterController] })
export class PublicRegisterApiModule {}
