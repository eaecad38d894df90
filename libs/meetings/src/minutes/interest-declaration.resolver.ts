import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Person, PeopleService } from '@samverkan/people';
import { personVia, uuid } from '../resolver-support';
import { InterestDeclaration } from './interest-declaration.entity';
import { DeclareConflictOfInterestInput } from './interest-declaration.inputs';
import { InterestDeclarationsService } from './interest-declarations.service';

/** Conflicts of interest (jäv) the invitees declare themselves before the meeting. */
@Resolver(() => InterestDeclaration)
export class InterestDeclarationResolver {
  constructor(
    private readonly declarations: InterestDeclarationsService,
    private readonly people: PeopleService,
  ) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => InterestDeclaration, { description: 'Declares your conflict of interest (jäv) on an agenda item of a meeting you are invited to, before it starts; declaring again replaces the reason.' })
  declareConflictOfInterest(@Ctx() ctx: RequestContext, @Args('input') input: DeclareConflictOfInterestInput) {
    return this.declarations.declare(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Boolean, { description: 'Withdraws your declared conflict of interest on an agenda item, before the meeting; false when there was none.' })
  withdrawConflictOfInterest(@Ctx() ctx: RequestContext, @Args('agendaItemId', { type: () => ID }, uuid) agendaItemId: string) {
    return this.declarations.withdraw(ctx, agendaItemId);
  }

  @ResolveField(() => Person)
  person(@Ctx() ctx: RequestContext, @Parent() declaration: InterestDeclaration) {
    return personVia(this.people, ctx, 'declared-conflict', declaration.personId);
  }
}
