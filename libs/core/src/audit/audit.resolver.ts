import { Module } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Permission } from '../auth/permission';
import { AuditService } from './audit.service';
import { AuditEventType } from './audit.types';

@Resolver(() => AuditEventType)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Allow(Permission.Admin)
  @Query(() => [AuditEventType], { description: 'The audit trail of one entity, oldest first.' })
  async auditTrail(@Args('entity') entity: string, @Args('entityId') entityId: string): Promise<AuditEventType[]> {
    const events = await this.audit.trail(entity.slice(0, 100), entityId.slice(0, 100));
    return events.map(AuditEventType.from);
  }
}

/** The GraphQL face of the audit trail; only the API imports it. */
@Module({ providers: [AuditResolver] })
export class AuditApiModule {}
