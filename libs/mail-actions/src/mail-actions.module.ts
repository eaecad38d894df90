import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '@samverkan/access';
import { PeopleModule } from '@samverkan/people';
import { MailAnswersResolver } from './mail-answers.resolver';
import { MailActionsController } from './mail-actions.controller';
import { MailLinkUse } from './mail-link-use.entity';
import { MailLinkService } from './mail-link.service';

/** Signing and checking mail links: what an area needs to put buttons in its mail (API and worker). */
@Module({
  imports: [TypeOrmModule.forFeature([MailLinkUse])],
  providers: [MailLinkService],
  exports: [MailLinkService],
})
export class MailActionsModule {}

/** The pages behind the buttons and the secretariat's list of answers; only the API imports it. */
@Module({
  imports: [MailActionsModule, AccessModule, PeopleModule],
  controllers: [MailActionsController],
  providers: [MailAnswersResolver],
})
export class MailActionsApiModule {}
