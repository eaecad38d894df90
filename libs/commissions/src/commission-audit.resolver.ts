import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AuditEventType, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Person, PeopleService } from '@samverkan/people';
import { AuditEventConnection, CommissionAuditArgs } from './commission-audit.types';
import { CommissionAuditService } from './commission-audit.service';

@Resolver(() => AuditEventType)
export class CommissionAuditResolver {
  constructor(
    private readonly audit: CommissionAuditService,
    private readonly people: PeopleService,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => AuditEventConnection, {
    description: 'The audit trail of a commission and everything in it (groups, seats, nominations, meetings, deliverables), newest first; its secretariat and administrators.',
  })
  commissionAuditTrail(@Ctx() ctx: RequestContext, @Args() args: CommissionAuditArgs) {
    return this.audit.trail(ctx, args);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who made the change (none for the system, a migration or an anonymous visitor).' })
  actor(@Ctx() ctx: RequestContext, @Parent() event: AuditEventType) {
    return event.actorPersonId ? this.people.load(ctx, event.actorPersonId) : null;
  }
}
