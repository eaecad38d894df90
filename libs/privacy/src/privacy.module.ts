import { Module } from '@nestjs/common';
import { MailModule } from '@samverkan/mail';
import { PeopleModule } from '@samverkan/people';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';
import './privacy.messages';

/** GDPR export and erasure; the areas register what they hold (`registerPersonalData`). */
@Module({ imports: [MailModule], providers: [PrivacyService], exports: [PrivacyService] })
export class PrivacyModule {}

/** The GraphQL face of privacy; only the API imports it. */
@Module({ imports: [PrivacyModule, PeopleModule], providers: [PrivacyResolver] })
export class PrivacyApiModule {}
