import { Args, Query, Resolver } from '@nestjs/graphql';
import { AccessService } from '@samverkan/access';
import { Allow, ConnectionShape, Ctx, Permission, RequestContext } from '@samverkan/core';
import { InboundService } from './inbound.service';
import { InboundMailConnection, InboundMailLogArgs, InboundMailType, MailAddressFlagConnection, MailAddressFlagType, MailAddressFlagsArgs } from './inbound.types';

function mapConnection<T, U>(connection: ConnectionShape<T>, map: (node: T) => U): ConnectionShape<U> {
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })) };
}

@Resolver(() => InboundMailType)
export class InboundResolver {
  constructor(
    private readonly inbound: InboundService,
    private readonly access: AccessService,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => InboundMailConnection, {
    description: "Mail received about the commission's work (calendar answers, proposed new times, bounces, auto-replies), newest first, with what came of each (the secretariat).",
  })
  async inboundMailLog(@Ctx() ctx: RequestContext, @Args() args: InboundMailLogArgs): Promise<ConnectionShape<InboundMailType>> {
    await this.access.require(ctx, args.commissionId, 'manage');
    return mapConnection(await this.inbound.log(args), InboundMailType.from);
  }

  @Allow(Permission.Authenticated)
  @Query(() => MailAddressFlagConnection, { description: "Addresses of the commission's people that bounced hard repeatedly, most recently flagged first (the secretariat)." })
  async mailAddressFlags(@Ctx() ctx: RequestContext, @Args() args: MailAddressFlagsArgs): Promise<ConnectionShape<MailAddressFlagType>> {
    await this.access.require(ctx, args.commissionId, 'manage');
    return mapConnection(await this.inbound.flags(args), MailAddressFlagType.from);
  }
}
