import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Person, PeopleService } from '@samverkan/people';
import { SchedulePayload } from '../meeting.types';
import { personVia, uuid } from '../resolver-support';
import { DatePoll } from './date-poll.entity';
import { AnswerDatePollInput, CreateDatePollInput } from './date-poll.inputs';
import { DatePollRespondent, PollOptionSummary, PollVote } from './date-poll.types';
import { DatePollsService } from './date-polls.service';

@Resolver(() => DatePoll)
export class DatePollResolver {
  constructor(private readonly polls: DatePollsService) {}

  @Allow(Permission.Authenticated)
  @Query(() => [DatePollRespondent], { description: 'The answers grid: who answered what per option, and who has not answered (the group’s chair or the secretariat).' })
  datePollAnswers(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, uuid) id: string) {
    return this.polls.respondents(ctx, id);
  }

  @Allow(Permission.Authenticated)
  @Query(() => DatePoll)
  datePoll(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, uuid) id: string) {
    return this.polls.get(ctx, id);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => DatePoll, { description: 'Offers times for a meeting (secretariat).' })
  createDatePoll(@Ctx() ctx: RequestContext, @Args('input') input: CreateDatePollInput) {
    return this.polls.create(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => DatePoll, { description: 'Answers yes, if need be, or no per option; answering again replaces your answers.' })
  answerDatePoll(@Ctx() ctx: RequestContext, @Args('input') input: AnswerDatePollInput) {
    return this.polls.answer(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => SchedulePayload, { description: 'Chooses an option: closes the poll and schedules the meeting at that time.' })
  chooseDatePollOption(@Ctx() ctx: RequestContext, @Args('pollId', { type: () => ID }, uuid) pollId: string, @Args('optionId', { type: () => ID }, uuid) optionId: string) {
    return this.polls.choose(ctx, pollId, optionId);
  }

  @ResolveField(() => [PollOptionSummary], { description: 'The options with their answers counted, the best one marked.' })
  options(@Ctx() ctx: RequestContext, @Parent() poll: DatePoll) {
    return this.polls.summary(ctx, poll.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether you may see every answer and choose the time (the group’s chair or the secretariat).' })
  maySchedule(@Ctx() ctx: RequestContext, @Parent() poll: DatePoll) {
    return this.polls.maySchedule(ctx, poll);
  }

  @ResolveField(() => [PollVote], { description: 'Your own answers, by option (empty before you answer).' })
  myAnswers(@Ctx() ctx: RequestContext, @Parent() poll: DatePoll) {
    return this.polls.myAnswers(ctx, poll.id);
  }

  @ResolveField(() => PollOptionSummary, { nullable: true, description: 'The best option so far.' })
  async bestOption(@Ctx() ctx: RequestContext, @Parent() poll: DatePoll) {
    return (await this.polls.summary(ctx, poll.id)).find((o) => o.best) ?? null;
  }
}

@Resolver(() => DatePollRespondent)
export class DatePollRespondentResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => Person, { nullable: true })
  person(@Ctx() ctx: RequestContext, @Parent() respondent: DatePollRespondent) {
    return personVia(this.people, ctx, 'poll-respondent', respondent.personId);
  }
}
