import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from './audit/audit-event.entity';
import { AuditService } from './audit/audit.service';
import { PasswordService } from './auth/password.service';
import { TokenService } from './auth/token.service';
import { DatabaseModule } from './database/database.module';

/** What every app (API, worker, CLI) needs: the database, tokens, passwords, audit. */
@Global()
@Module({
  imports: [DatabaseModule, TypeOrmModule.forFeature([AuditEvent])],
  providers: [AuditService, TokenService, PasswordService],
  exports: [AuditService, TokenService, PasswordService],
})
export class CoreModule {}
