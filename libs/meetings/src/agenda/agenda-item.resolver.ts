import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, NotFoundError, RequestContext } from '@samverkan/core';
import { Deliverable, DeliverablesService } from '@samverkan/deliverables';
import { Person, PeopleService } from '@samverkan/people';
import { personVia } from '../resolver-support';
import { AgendaItem } from './agenda-item.entity';

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly deliverables: DeliverablesService,
  ) {}

  @ResolveField(() => Deliverable, { nullable: true, description: 'The deliverable the item is about, when the reader may see it.' })
  async deliverable(@Ctx() ctx: RequestContext, @Parent() item: AgendaItem): Promise<Deliverable | null> {
    if (!item.deliverableId) return null;
    return this.deliverables.get(ctx, item.deliverableId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
  }

  @ResolveField(() => Person, { nullable: true })
  async presenter(@Ctx() ctx: RequestContext, @Parent() item: AgendaItem) {
    return personVia(this.people, ctx, 'presenter', item.presenterPersonId);
  }
}
