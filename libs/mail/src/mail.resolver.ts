import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, ConnectionArgs, ConnectionShape, Ctx, Permission, RequestContext } from '@samverkan/core';
import { MailConnection, MailType, PersonMailLogArgs } from './mail.types';
import { OutboxService } from './outbox.service';

function mapConnection<T, U>(connection: ConnectionShape<T>, map: (node: T) => U): ConnectionShape<U> {
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })) };
}

@Resolver(() => MailType)
export class MailResolver {
  constructor(private readonly outbox: OutboxService) {}

  @Allow(Permission.Admin)
  @Query(() => MailConnection, { description: 'Every mail sent (or to be sent) to one person, newest first (administrators).' })
  async mailLog(@Args() args: PersonMailLogArgs): Promise<ConnectionShape<MailType>> {
    return mapConnection(await this.outbox.logForPerson(args.personId, args), MailType.from);
  }

  @Allow(Permission.Admin)
  @Query(() => MailConnection, { description: 'Mail that failed for good, most recent first (administrators).' })
  async failedMails(@Args() args: ConnectionArgs): Promise<ConnectionShape<MailType>> {
    return mapConnection(await this.outbox.failed(args), MailType.from);
  }

  @Allow(Permission.Admin)
  @Mutation(() => MailType, { description: 'Sends a failed or sent mail again, exactly as rendered (administrators).' })
  async resendMail(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<MailType> {
    return MailType.from(await this.outbox.resend(ctx, id));
  }
}
