import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from './audit/audit-event.entity';
import { AuditService } from './audit/audit.service';
import { PasswordService } from './auth/password.service';
import { TokenService } from './auth/token.service';
import { DatabaseModule } from './database/database.module';
import { ReadPlanner } from './graphql/read-plan';
import { ActorPreloads } from './auth/actor-preloads';

/** What every app (API, worker, CLI) needs: the database, tokens, passwords, audit, read plans. */
@Global()
@Module({
  imports: [DatabaseModule, TypeOrmModule.forFeature([AuditEvent])],
  providers: [AuditService, TokenService, PasswordService, ReadPlanner, ActorPreloads],
  exports: [AuditService, TokenService, PasswordService, ReadPlanner, ActorPreloads],
})
export class CoreModule {}
