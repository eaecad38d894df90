import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Organisation } from '@samverkan/organisations';
import { Person } from '@samverkan/people';
import { Deliverable } from './deliverable.entity';
import { DocumentVersion } from './document-version.entity';
import { AnswerReviewInput, CloseReviewRoundInput, OpenReviewRoundInput, RespondToCommentInput } from './deliverable.inputs';
import { DeliverablesService } from './deliverables.service';
import { DocumentsService } from './documents.service';
import { DECISION_LABELS, VERDICT_LABELS } from './deliverables.messages';
import { ReviewAnswer } from './review-answer.entity';
import { ReviewComment } from './review-comment.entity';
import { ReviewReviewer } from './review-reviewer.entity';
import { ReviewRound } from './review.entity';
import { ReviewsService } from './reviews.service';
import { RemindReviewersInput } from './remind-reviewers.input';

@Resolver(() => ReviewRound)
export class ReviewRoundResolver {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly deliverables: DeliverablesService,
    private readonly documents: DocumentsService,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => ReviewRound)
  async reviewRound(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return (await this.reviews.get(ctx, id)).round;
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => ReviewRound, { description: 'Opens a review of a version with named reviewers and a deadline, and invites them by mail (secretariat).' })
  openReviewRound(@Ctx() ctx: RequestContext, @Args('input') input: OpenReviewRoundInput) {
    return this.reviews.open(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => ReviewAnswer, { description: 'A named reviewer approves, requests changes or comments; answering again replaces the verdict and adds comments.' })
  answerReview(@Ctx() ctx: RequestContext, @Args('input') input: AnswerReviewInput) {
    return this.reviews.answer(ctx, input.roundId, { verdict: input.verdict, summary: input.summary, comments: input.comments });
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => ReviewRound, { description: 'Closes a round with its outcome (secretariat).' })
  closeReviewRound(@Ctx() ctx: RequestContext, @Args('input') input: CloseReviewRoundInput) {
    return this.reviews.close(ctx, input.roundId, input.outcome, input.note);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => ReviewRound, {
    description:
      'Reminds the named reviewers who have not answered, now, by mail (secretariat). One press, one mail each: the same reminder number again sends nothing.',
  })
  remindReviewers(@Ctx() ctx: RequestContext, @Args('input') input: RemindReviewersInput) {
    return this.reviews.remind(ctx, input.roundId, input.reminder);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => ReviewComment, { description: 'Records the secretariat’s response and decision (accepted, partly, rejected) on a comment.' })
  respondToReviewComment(@Ctx() ctx: RequestContext, @Args('input') input: RespondToCommentInput) {
    return this.reviews.respond(ctx, input);
  }

  @ResolveField(() => Deliverable)
  deliverable(@Ctx() ctx: RequestContext, @Parent() round: ReviewRound) {
    return this.deliverables.load(ctx, round.deliverableId);
  }

  @ResolveField(() => DocumentVersion)
  version(@Ctx() ctx: RequestContext, @Parent() round: ReviewRound) {
    return this.documents.loadVersion(ctx, round.versionId);
  }

  @ResolveField(() => [ReviewReviewer], { description: 'The named reviewers.' })
  reviewers(@Ctx() ctx: RequestContext, @Parent() round: ReviewRound) {
    return this.reviews.reviewersOf(ctx, round.id);
  }

  @ResolveField(() => [Person], { description: 'Named reviewers who have not answered yet.' })
  nonResponders(@Ctx() ctx: RequestContext, @Parent() round: ReviewRound) {
    return this.reviews.nonResponders(ctx, round.id);
  }

  @ResolveField(() => [ReviewAnswer], { description: 'For the secretariat, commissioners and the named reviewers; empty for others.' })
  async answers(@Ctx() ctx: RequestContext, @Parent() round: ReviewRound) {
    return (await this.reviews.mayReadAnswers(ctx, round)) ? this.reviews.answersOf(ctx, round.id) : [];
  }

  @ResolveField(() => [ReviewComment], { description: 'The comment matrix lines; for the secretariat, commissioners and the named reviewers.' })
  async comments(@Ctx() ctx: RequestContext, @Parent() round: ReviewRound) {
    return (await this.reviews.mayReadAnswers(ctx, round)) ? this.reviews.commentsOf(ctx, round.id) : [];
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in person runs this round (the secretariat): remind, respond to comments, close.' })
  mayManage(@Ctx() ctx: RequestContext, @Parent() round: ReviewRound) {
    return this.reviews.mayManage(ctx, round);
  }

  @ResolveField(() => String, { description: 'GET with the bearer token for the XLSX comment matrix; .csv for CSV.' })
  commentMatrixPath(@Parent() round: ReviewRound) {
    return `/review-rounds/${round.id}/comment-matrix.xlsx`;
  }
}

@Resolver(() => ReviewReviewer)
export class ReviewReviewerResolver {
  constructor(private readonly reviews: ReviewsService) {}

  @ResolveField(() => Person)
  person(@Ctx() ctx: RequestContext, @Parent() reviewer: ReviewReviewer) {
    return this.reviews.personOfRound(ctx, reviewer.roundId, reviewer.personId);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The organisation the reviewer answers for.' })
  organisation(@Ctx() ctx: RequestContext, @Parent() reviewer: ReviewReviewer) {
    return reviewer.organisationId ? this.reviews.organisationOfReviewer(ctx, reviewer.roundId, reviewer.personId) : null;
  }

  @ResolveField(() => Boolean)
  async answered(@Ctx() ctx: RequestContext, @Parent() reviewer: ReviewReviewer) {
    return (await this.reviews.answersOf(ctx, reviewer.roundId)).some((a) => a.personId === reviewer.personId);
  }
}

@Resolver(() => ReviewAnswer)
export class ReviewAnswerResolver {
  constructor(private readonly reviews: ReviewsService) {}

  @ResolveField(() => Person)
  person(@Ctx() ctx: RequestContext, @Parent() answer: ReviewAnswer) {
    return this.reviews.personOfRound(ctx, answer.roundId, answer.personId);
  }

  @ResolveField(() => String)
  verdictLabel(@Ctx() ctx: RequestContext, @Parent() answer: ReviewAnswer) {
    return VERDICT_LABELS[answer.verdict][ctx.locale];
  }
}

@Resolver(() => ReviewComment)
export class ReviewCommentResolver {
  constructor(private readonly reviews: ReviewsService) {}

  @ResolveField(() => Person)
  reviewer(@Ctx() ctx: RequestContext, @Parent() comment: ReviewComment) {
    return this.reviews.personOfRound(ctx, comment.roundId, comment.personId);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Ctx() ctx: RequestContext, @Parent() comment: ReviewComment) {
    return this.reviews.organisationOfReviewer(ctx, comment.roundId, comment.personId);
  }

  @ResolveField(() => String, { nullable: true })
  decisionLabel(@Ctx() ctx: RequestContext, @Parent() comment: ReviewComment) {
    return comment.decision ? DECISION_LABELS[comment.decision][ctx.locale] : null;
  }
}
