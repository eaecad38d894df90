import { Args, Field, ID, Info, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Commission, CommissionObjective, CommissionsService } from '@samverkan/commissions';
import { Allow, Connection, ConnectionArgs, Ctx, GqlContext, gqlCtx, Permission, RequestContext, selectedAt, selectionOf } from '@samverkan/core';
import { Organisation, OrganisationsService } from '@samverkan/organisations';
import { Person, PeopleService } from '@samverkan/people';
import { Goal } from '@samverkan/strategies';
import { WorkingGroup, WorkingGroupsService } from '@samverkan/working-groups';
import { DeliverableDeadlineChange } from './deliverable-deadline-change.entity';
import { Deliverable, DeliverableStatus } from './deliverable.entity';
import { DocumentVersion } from './document-version.entity';
import { DeliverableHealth } from './deliverable-health';
import { ChangeDeliverableDeadlineInput, ChangeDeliverableStatusInput, CreateDeliverableInput, DeliverableFilter, UpdateDeliverableInput } from './deliverable.inputs';
import { DeliverablesService } from './deliverables.service';
import { DocumentsService } from './documents.service';
import { KIND_LABELS, STATUS_LABELS } from './deliverables.messages';
import { ReviewRound } from './review.entity';
import { ReviewsService } from './reviews.service';

export const DeliverableConnection = Connection(Deliverable);

@ObjectType({ description: 'A seat holder who could review, on behalf of the organisation whose seat they hold.' })
export class ReviewerSuggestion {
  @Field(() => ID)
  personId: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => ID)
  workingGroupId: string;
}

@Resolver(() => Deliverable)
export class DeliverablesResolver {
  constructor(
    private readonly service: DeliverablesService,
    private readonly documents: DocumentsService,
    private readonly reviews: ReviewsService,
    private readonly commissions: CommissionsService,
    private readonly groups: WorkingGroupsService,
    private readonly people: PeopleService,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => Deliverable)
  deliverable(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(ctx, id);
  }

  @Allow(Permission.Authenticated)
  @Query(() => DeliverableConnection, {
    description: 'A commission’s deliverables by due date: all for the secretariat; for members their groups’ ones; for commissioners the delivered and late ones.',
  })
  deliverables(@Ctx() ctx: RequestContext, @Args('filter') filter: DeliverableFilter, @Args() args: ConnectionArgs, @Info() info: GraphQLResolveInfo) {
    return this.service.list(ctx, filter, args, !!selectedAt(selectionOf(info), 'edges', 'node', 'responsiblePerson'));
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Deliverable, { description: 'Adds a deliverable (secretariat).' })
  createDeliverable(@Ctx() ctx: RequestContext, @Args('input') input: CreateDeliverableInput) {
    return this.service.create(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Deliverable, { description: 'Changes title, kind, responsible person, goals or objectives (secretariat).' })
  updateDeliverable(@Ctx() ctx: RequestContext, @Args('input') input: UpdateDeliverableInput) {
    return this.service.update(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Deliverable, { description: 'Moves the deliverable along the workflow; an invalid move is BAD_USER_INPUT naming the allowed ones.' })
  changeDeliverableStatus(@Ctx() ctx: RequestContext, @Args('input') input: ChangeDeliverableStatusInput) {
    return this.service.changeStatus(ctx, input.deliverableId, input.status, { deliveredOn: input.deliveredOn });
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Deliverable, { description: 'Moves the due date, recording the old and new date, the reason, who and when.' })
  changeDeliverableDeadline(@Ctx() ctx: RequestContext, @Args('input') input: ChangeDeliverableDeadlineInput) {
    return this.service.changeDeadline(ctx, input);
  }

  @ResolveField(() => Commission)
  commission(@Ctx() ctx: RequestContext, @Parent() d: Deliverable) {
    return this.commissions.load(ctx, d.commissionId);
  }

  @ResolveField(() => WorkingGroup, { nullable: true })
  workingGroup(@Ctx() ctx: RequestContext, @Parent() d: Deliverable) {
    return d.workingGroupId ? this.groups.load(ctx, d.workingGroupId) : null;
  }

  // Hot list fields (a commission's dashboard) take (parent, args, context) without parameter decorators: see gqlCtx.
  @ResolveField(() => Person, { nullable: true })
  responsiblePerson(d: Deliverable, _args: unknown, context: GqlContext) {
    return d.responsiblePersonId ? this.people.load(gqlCtx(context), d.responsiblePersonId) : null;
  }

  @ResolveField(() => [Goal], { description: 'Goals of the strategy it serves ("2.2").' })
  goals(@Ctx() ctx: RequestContext, @Parent() d: Deliverable) {
    return this.service.goalsOf(ctx, d.id);
  }

  @ResolveField(() => [CommissionObjective], { description: 'Lettered objectives of the terms of reference it serves.' })
  objectives(@Ctx() ctx: RequestContext, @Parent() d: Deliverable) {
    return this.service.objectivesOf(ctx, d.id);
  }

  @ResolveField(() => DeliverableHealth, { nullable: true, description: 'On track / at risk / late (see DeliverableHealth); empty when delivered or cancelled.' })
  health(d: Deliverable, _args: unknown, context: GqlContext) {
    return this.service.health(gqlCtx(context), d);
  }

  @ResolveField(() => [DeliverableStatus], { description: 'The statuses it may move to next.' })
  allowedTransitions(@Parent() d: Deliverable) {
    return this.service.allowedTransitions(d);
  }

  @ResolveField(() => String, { description: 'The status in the reader’s language.' })
  statusLabel(@Ctx() ctx: RequestContext, @Parent() d: Deliverable) {
    return STATUS_LABELS[d.status][ctx.locale];
  }

  @ResolveField(() => String, { description: 'The kind in the reader’s language.' })
  kindLabel(@Ctx() ctx: RequestContext, @Parent() d: Deliverable) {
    return KIND_LABELS[d.kind][ctx.locale];
  }

  @ResolveField(() => [DeliverableDeadlineChange], { description: 'Every move of the due date, oldest first.' })
  deadlineChanges(@Ctx() ctx: RequestContext, @Parent() d: Deliverable) {
    return this.service.deadlineChangesOf(ctx, d.id);
  }

  @ResolveField(() => [DocumentVersion], { description: 'Uploaded versions, by number.' })
  versions(@Ctx() ctx: RequestContext, @Parent() d: Deliverable) {
    return this.documents.versionsOf(ctx, d.id);
  }

  @ResolveField(() => [ReviewRound])
  reviewRounds(@Ctx() ctx: RequestContext, @Parent() d: Deliverable) {
    return this.reviews.roundsOf(ctx, d.id);
  }

  @ResolveField(() => [ReviewerSuggestion], { description: 'Seat holders of the member organisations who could review (secretariat).' })
  suggestedReviewers(@Ctx() ctx: RequestContext, @Parent() d: Deliverable) {
    return this.reviews.suggestReviewers(ctx, d.id);
  }
}

@Resolver(() => ReviewerSuggestion)
export class ReviewerSuggestionResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly organisations: OrganisationsService,
    private readonly groups: WorkingGroupsService,
  ) {}

  @ResolveField(() => Person)
  person(@Ctx() ctx: RequestContext, @Parent() s: ReviewerSuggestion) {
    return this.people.load(ctx, s.personId);
  }

  @ResolveField(() => Organisation)
  organisation(@Ctx() ctx: RequestContext, @Parent() s: ReviewerSuggestion) {
    return this.organisations.load(ctx, s.organisationId);
  }

  @ResolveField(() => WorkingGroup)
  workingGroup(@Ctx() ctx: RequestContext, @Parent() s: ReviewerSuggestion) {
    return this.groups.load(ctx, s.workingGroupId);
  }
}

@Resolver(() => Goal)
export class GoalDeliverablesResolver {
  constructor(private readonly service: DeliverablesService) {}

  @ResolveField(() => [Deliverable], { description: 'The deliverables that serve this goal (that you may see), by due date.' })
  deliverables(@Ctx() ctx: RequestContext, @Parent() goal: Goal) {
    return this.service.ofGoal(ctx, goal.id);
  }
}

@Resolver(() => DeliverableDeadlineChange)
export class DeadlineChangeResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => Person, { nullable: true })
  changedBy(@Ctx() ctx: RequestContext, @Parent() change: DeliverableDeadlineChange) {
    return change.changedBy ? this.people.load(ctx, change.changedBy) : null;
  }
}

@Resolver(() => DocumentVersion)
export class DocumentVersionResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => String, { description: 'GET it with the same bearer token: /deliverables/versions/<id>/file.' })
  downloadPath(@Parent() version: DocumentVersion) {
    return `/deliverables/versions/${version.id}/file`;
  }

  @ResolveField(() => Person, { nullable: true })
  uploadedBy(@Ctx() ctx: RequestContext, @Parent() version: DocumentVersion) {
    return version.uploadedBy ? this.people.load(ctx, version.uploadedBy) : null;
  }
}
