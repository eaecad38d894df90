import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '@samverkan/people';
import { Account } from './account.entity';
import { LoginAttempt } from './login-attempt.entity';
import { Session } from './session.entity';
import { AuthResolver } from './auth.resolver';
import { BrowserSessionResolver } from './browser-session.resolver';
import { AuthService } from './auth.service';
import { LoginController } from './web/login.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Account, Session, LoginAttempt]), PeopleModule],
  providers: [AuthService],
  exports: [AuthService],
})
export class AccountsModule {}

/** The GraphQL face of accounts and the browser sign-in pages; only the API imports it. */
@Module({ imports: [AccountsModule], providers: [AuthResolver, BrowserSessionResolver], controllers: [LoginController] })
export class AccountsApiModule {}
