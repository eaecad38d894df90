import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { AgendaItem } from './agenda-item.entity';
import { ReorderAgendaInput, UpdateAgendaItemInput } from './agenda.inputs';
import { AgendaService } from './agenda.service';

@Resolver()
export class AgendaResolver {
  constructor(private readonly agenda: AgendaService) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => [AgendaItem], { description: 'Moves agenda items (the order you saw → the new order); CONFLICT when someone changed the agenda since.' })
  reorderAgenda(@Ctx() ctx: RequestContext, @Args('input') input: ReorderAgendaInput) {
    return this.agenda.reorder(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => AgendaItem, { description: 'Changes what one agenda item says (title, minutes, presenter, deliverable, decision expected), keeping its place and the conflicts of interest declared on it (secretariat, chair).' })
  updateAgendaItem(@Ctx() ctx: RequestContext, @Args('input') input: UpdateAgendaItemInput) {
    return this.agenda.updateItem(ctx, input);
  }
}
