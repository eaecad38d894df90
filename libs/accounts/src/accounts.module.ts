import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '@samverkan/people';
import { Account, LoginAttempt, Session } from './account.entity';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';

@Module({
  imports: [TypeOrmModule.forFeature([Account, Session, LoginAttempt]), PeopleModule],
  providers: [AuthService],
  exports: [AuthService],
})
export class AccountsModule {}

/** The GraphQL face of accounts; only the API imports it. */
@Module({ imports: [AccountsModule], providers: [AuthResolver] })
export class AccountsApiModule {}
