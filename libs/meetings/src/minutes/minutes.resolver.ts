import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Person, PeopleService } from '@samverkan/people';
import { personVia, uuid } from '../resolver-support';
import { ActionItem } from './action-item.entity';
import { UpdateActionItemInput } from './action-item.inputs';
import { ConflictOfInterest } from './conflict-of-interest.entity';
import { Decision } from './decision.entity';
import { MinutesAdjuster } from './minutes-adjuster.entity';
import { MinutesNote } from './minutes-note.entity';
import { Minutes } from './minutes.entity';
import { SaveMinutesInput, SendMinutesForApprovalInput } from './minutes.inputs';
import { MinutesService } from './minutes.service';

@Resolver(() => Minutes)
export class MinutesResolver {
  constructor(private readonly minutes: MinutesService) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => Minutes, { description: 'Writes the draft minutes as a whole (secretariat); decisions are numbered in order.' })
  saveMinutes(@Ctx() ctx: RequestContext, @Args('input') input: SaveMinutesInput) {
    return this.minutes.save(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Minutes, { description: 'Sends the minutes to the named adjusters for approval (justering).' })
  sendMinutesForApproval(@Ctx() ctx: RequestContext, @Args('input') input: SendMinutesForApprovalInput) {
    return this.minutes.sendForApproval(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Minutes, { description: 'Approves the minutes as one of their adjusters; the last approval makes them final.' })
  approveMinutes(@Ctx() ctx: RequestContext, @Args('minutesId', { type: () => ID }, uuid) minutesId: string) {
    return this.minutes.approve(ctx, minutesId);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => ActionItem, { description: 'Moves an action item on (the secretariat or the assignee).' })
  setActionItemStatus(@Ctx() ctx: RequestContext, @Args('input') input: UpdateActionItemInput) {
    return this.minutes.setActionItemStatus(ctx, input);
  }

  @ResolveField(() => [Decision])
  decisions(@Ctx() ctx: RequestContext, @Parent() minutes: Minutes) {
    return this.minutes.decisionsOf(ctx, minutes.id);
  }

  @ResolveField(() => [ActionItem])
  actionItems(@Ctx() ctx: RequestContext, @Parent() minutes: Minutes) {
    return this.minutes.actionItemsOf(ctx, minutes.id);
  }

  @ResolveField(() => [MinutesNote], { description: 'Notes per agenda item.' })
  notes(@Ctx() ctx: RequestContext, @Parent() minutes: Minutes) {
    return this.minutes.notesOf(ctx, minutes.id);
  }

  @ResolveField(() => [ConflictOfInterest], { description: 'Conflicts of interest (jäv) declared per agenda item.' })
  conflictsOfInterest(@Ctx() ctx: RequestContext, @Parent() minutes: Minutes) {
    return this.minutes.conflictsOf(ctx, minutes.id);
  }

  @ResolveField(() => [MinutesAdjuster])
  adjusters(@Ctx() ctx: RequestContext, @Parent() minutes: Minutes) {
    return this.minutes.adjustersOf(ctx, minutes.id);
  }
}

/** Person links of the minutes' parts, each through the per-request person loader. */
@Resolver(() => ActionItem)
export class ActionItemResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => Person, { nullable: true })
  async assignee(@Ctx() ctx: RequestContext, @Parent() item: ActionItem) {
    return personVia(this.people, ctx, `assignee:${(item as ActionItem & { via?: string }).via ?? 'other'}`, item.assigneePersonId);
  }
}

@Resolver(() => ConflictOfInterest)
export class ConflictOfInterestResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => Person)
  person(@Ctx() ctx: RequestContext, @Parent() conflict: ConflictOfInterest) {
    return personVia(this.people, ctx, 'conflict', conflict.personId);
  }
}

@Resolver(() => MinutesAdjuster)
export class MinutesAdjusterResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => Person)
  person(@Ctx() ctx: RequestContext, @Parent() adjuster: MinutesAdjuster) {
    return personVia(this.people, ctx, 'adjuster', adjuster.personId);
  }
}
