import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, ConnectionArgs, ConnectionShape, Ctx, NotFoundError, Permission, RequestContext } from '@samverkan/core';
import { AccessService } from '@samverkan/access';
import { CommissionMailLogArgs, MailConnection, MailType, PersonMailLogArgs } from './mail.types';
import type { MailStatus } from './mail-outbox.entity';
import { OutboxService } from './outbox.service';

function mapConnection<T, U>(connection: ConnectionShape<T>, map: (node: T) => U): ConnectionShape<U> {
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })) };
}

@Resolver(() => MailType)
export class MailResolver {
  constructor(
    private readonly outbox: OutboxService,
    private readonly access: AccessService,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => MailConnection, { description: 'Every mail sent (or to be sent) to one person, newest first (the person themselves, administrators).' })
  async mailLog(@Ctx() ctx: RequestContext, @Args() args: PersonMailLogArgs): Promise<ConnectionShape<MailType>> {
    if (!ctx.actor?.isAdmin && ctx.actor?.personId !== args.personId) throw new NotFoundError('Person', args.personId);
    return mapConnection(await this.outbox.logForPerson(args.personId, args), MailType.from);
  }

  @Allow(Permission.Authenticated)
  @Query(() => MailConnection, {
    description: "Every mail the commission's work caused (invitations, reminders, reports…), newest first, with what became of it (the secretariat).",
  })
  async commissionMailLog(@Ctx() ctx: RequestContext, @Args() args: CommissionMailLogArgs): Promise<ConnectionShape<MailType>> {
    await this.access.require(ctx, args.commissionId, 'manage');
    return mapConnection(await this.outbox.logForCommission(args.commissionId, args, { onlyFailed: args.onlyFailed, status: args.status as MailStatus | undefined, search: args.search }), MailType.from);
  }

  @Allow(Permission.Admin)
  @Query(() => MailConnection, { description: 'Mail that failed for good, most recent first (administrators).' })
  async failedMails(@Args() args: ConnectionArgs): Promise<ConnectionShape<MailType>> {
    return mapConnection(await this.outbox.failed(args), MailType.from);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => MailType, {
    description: "Sends a failed or sent mail again, exactly as rendered (administrators; the secretariat for its commission's mail).",
  })
  async resendMail(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<MailType> {
    if (!ctx.actor?.isAdmin) {
      const mail = await this.outbox.get(id);
      if (!mail?.commissionId) throw new NotFoundError('Mail', id);
      await this.access.require(ctx, mail.commissionId, 'manage', 'Mail', id);
    }
    return MailType.from(await this.outbox.resend(ctx, id));
  }
}
