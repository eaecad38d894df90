import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Allow, Ctx, NotFoundError, Permission, RequestContext } from '@samverkan/core';
import { Deliverable, DeliverablesService } from '@samverkan/deliverables';
import { Person, PeopleService } from '@samverkan/people';
import { WorkingGroup, WorkingGroupsService } from '@samverkan/working-groups';
import { CalendarFeedService } from './calendar-feed.service';
import { DatePollsService } from './date-polls.service';
import {
  ActionItem,
  AgendaItem,
  ConflictOfInterest,
  DatePoll,
  Decision,
  Invitation,
  Meeting,
  Minutes,
  MinutesAdjuster,
  MinutesNote,
  Registration,
} from './meeting.entity';
import {
  AnswerDatePollInput,
  CreateDatePollInput,
  CreateMeetingInput,
  RecordAttendanceInput,
  RegisterForEventInput,
  RsvpInput,
  SaveMinutesInput,
  SendMinutesForApprovalInput,
  SetAgendaInput,
  UpdateActionItemInput,
  UpdateMeetingInput,
} from './meeting.inputs';
import { CalendarFeed, CalendarFeedStatus, DoubleBooking, MeetingConnection, MeetingListArgs, PollOptionSummary, PollVote, Quorum, RegistrationResult, SchedulePayload } from './meeting.types';
import { MeetingsService } from './meetings.service';
import { InterestDeclaration } from './interest-declaration.entity';
import { InterestDeclarationsService } from './interest-declarations.service';
import { DeclareConflictOfInterestInput } from './meeting.inputs';
import { MinutesService } from './minutes.service';
import { RegistrationsService } from './registrations.service';

const uuid = new ParseUUIDPipe();

/**
 * People behind one relation, with a loader of its own per request. A shared
 * loader would be fed from several async continuations (invitations, agenda,
 * action items…) and batch into one or two statements depending on timing;
 * one loader per relation keeps the count fixed whatever the list size.
 */
function personVia(people: PeopleService, ctx: RequestContext, relation: string, id: string | null): Promise<Person | null> {
  if (!id) return Promise.resolve(null);
  return ctx
    .loader<string, Person | null>(`meetings.person:${relation}`, async (ids) => (await people.findByIds(ids)).map((p) => p ?? null))
    .load(id);
}

@Resolver(() => Meeting)
export class MeetingResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly minutesService: MinutesService,
    private readonly registrationsService: RegistrationsService,
    private readonly groups: WorkingGroupsService,
    private readonly declarations: InterestDeclarationsService,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => Meeting)
  meeting(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, uuid) id: string) {
    return this.meetings.get(ctx, id);
  }

  @Allow(Permission.Authenticated)
  @Query(() => MeetingConnection, { description: 'Meetings the actor may see (their commissions, and meetings they are invited to), by start.' })
  meetingList(@Ctx() ctx: RequestContext, @Args() args: MeetingListArgs) {
    return this.meetings.list(ctx, args);
  }

  @Allow(Permission.Authenticated)
  @Query(() => [DoubleBooking], { description: 'A person’s invitations whose times overlap, across groups and commissions (the person, their secretariat, admins).' })
  personDoubleBookings(@Ctx() ctx: RequestContext, @Args('personId', { type: () => ID }, uuid) personId: string) {
    return this.meetings.doubleBookingsOfPerson(ctx, personId);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => SchedulePayload, { description: 'Schedules a meeting and invites the group’s members (secretariat); warns of double bookings.' })
  createMeeting(@Ctx() ctx: RequestContext, @Args('input') input: CreateMeetingInput) {
    return this.meetings.create(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => SchedulePayload, { description: 'Changes a meeting; a new time or place asks everyone to answer again and sends an update.' })
  updateMeeting(@Ctx() ctx: RequestContext, @Args('input') input: UpdateMeetingInput) {
    return this.meetings.update(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Meeting, { description: 'Cancels a meeting and sends every invitee a cancellation (METHOD:CANCEL).' })
  cancelMeeting(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, uuid) id: string) {
    return this.meetings.cancel(ctx, id);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => [AgendaItem], { description: 'Replaces the agenda, in order.' })
  setAgenda(@Ctx() ctx: RequestContext, @Args('input') input: SetAgendaInput) {
    return this.meetings.setAgenda(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => [Invitation], { description: 'Invites more people (guests) and mails them the invitation.' })
  inviteToMeeting(@Ctx() ctx: RequestContext, @Args('meetingId', { type: () => ID }, uuid) meetingId: string, @Args('personIds', { type: () => [ID] }) personIds: string[]) {
    return this.meetings.addInvitees(ctx, meetingId, personIds);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Invitation, { description: 'Answers your own invitation: yes, no, maybe, or that your substitute comes.' })
  rsvp(@Ctx() ctx: RequestContext, @Args('meetingId', { type: () => ID }, uuid) meetingId: string, @Args('input') input: RsvpInput) {
    return this.meetings.rsvp(ctx, meetingId, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => [Invitation], { description: 'Records attendance: present, absent, apologies, or substituted by someone.' })
  recordAttendance(@Ctx() ctx: RequestContext, @Args('input') input: RecordAttendanceInput) {
    return this.meetings.recordAttendance(ctx, input);
  }

  @ResolveField(() => [AgendaItem])
  agenda(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return this.meetings.agendaOf(ctx, meeting.id);
  }

  @ResolveField(() => Int, { description: 'Minutes planned on the agenda.' })
  async agendaMinutes(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return (await this.meetings.agendaOf(ctx, meeting.id)).reduce((sum, item) => sum + item.durationMinutes, 0);
  }

  @ResolveField(() => Int, { description: 'Length of the meeting in minutes.' })
  lengthMinutes(@Parent() meeting: Meeting) {
    return Math.round((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000);
  }

  @ResolveField(() => Int, { description: 'Agenda minutes beyond the meeting’s length (0 when it fits).' })
  async agendaOverrunMinutes(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    const planned = (await this.meetings.agendaOf(ctx, meeting.id)).reduce((sum, item) => sum + item.durationMinutes, 0);
    return Math.max(0, planned - Math.round((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000));
  }

  @ResolveField(() => [Invitation])
  invitations(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return this.meetings.invitationsOf(ctx, meeting.id);
  }

  @ResolveField(() => [InterestDeclaration], { description: 'Conflicts of interest (jäv) declared before the meeting: all for the secretariat and the group’s chair, else your own.' })
  declaredConflicts(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return this.declarations.ofMeeting(ctx, meeting.id);
  }

  @ResolveField(() => Invitation, { nullable: true, description: 'Your own invitation, if you are invited.' })
  async myInvitation(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return (await this.meetings.myInvitation(ctx, meeting.id)) ?? null;
  }

  @ResolveField(() => Quorum, { nullable: true, description: 'On the attendance record; empty for a meeting of the whole commission.' })
  quorum(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return this.meetings.quorum(ctx, meeting.id);
  }

  @ResolveField(() => [ActionItem], { description: 'Open action items from earlier meetings of the same group, carried to this agenda until done.' })
  carriedActionItems(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return this.meetings.carriedActionItems(ctx, meeting.id);
  }

  @ResolveField(() => Minutes, { nullable: true, description: 'Approved minutes for everyone; drafts for the secretariat and the adjusters.' })
  minutes(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return this.minutesService.ofMeeting(ctx, meeting);
  }

  @ResolveField(() => WorkingGroup, { nullable: true })
  async workingGroup(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return meeting.workingGroupId ? ((await this.groups.load(ctx, meeting.workingGroupId)) ?? null) : null;
  }

  @ResolveField(() => [Registration], { description: 'Registrations of an open event, in order (secretariat).' })
  registrations(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return this.registrationsService.list(ctx, meeting.id);
  }

  @ResolveField(() => String, { description: 'The iCalendar UID, the same in every invitation, update and cancellation.' })
  icalUid(@Parent() meeting: Meeting) {
    return `meeting-${meeting.id}@samverkan`;
  }
}

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

@Resolver(() => Invitation)
export class InvitationResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly meetings: MeetingsService,
  ) {}

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The substitute on the invitee’s seat on the meeting’s date, whom "my substitute attends" names by default (the invitee and the secretariat only).',
  })
  async seatSubstitute(@Ctx() ctx: RequestContext, @Parent() invitation: Invitation) {
    return personVia(this.people, ctx, 'seat-substitute', await this.meetings.seatSubstituteOf(ctx, invitation));
  }

  @ResolveField(() => Person)
  person(@Ctx() ctx: RequestContext, @Parent() invitation: Invitation) {
    return personVia(this.people, ctx, 'invitee', invitation.personId);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who comes instead (RSVP substitute).' })
  async substitute(@Ctx() ctx: RequestContext, @Parent() invitation: Invitation) {
    return personVia(this.people, ctx, 'rsvp-substitute', invitation.substitutePersonId);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who sat in (attendance substituted).' })
  async substitutedBy(@Ctx() ctx: RequestContext, @Parent() invitation: Invitation) {
    return personVia(this.people, ctx, 'substituted-by', invitation.substitutedByPersonId);
  }
}

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

@Resolver(() => MinutesAdjuster)
export class MinutesAdjusterResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => Person)
  person(@Ctx() ctx: RequestContext, @Parent() adjuster: MinutesAdjuster) {
    return personVia(this.people, ctx, 'adjuster', adjuster.personId);
  }
}

@Resolver(() => DatePoll)
export class DatePollResolver {
  constructor(private readonly polls: DatePollsService) {}

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

  @ResolveField(() => [PollVote], { description: 'Your own answers, by option (empty before you answer).' })
  myAnswers(@Ctx() ctx: RequestContext, @Parent() poll: DatePoll) {
    return this.polls.myAnswers(ctx, poll.id);
  }

  @ResolveField(() => PollOptionSummary, { nullable: true, description: 'The best option so far.' })
  async bestOption(@Ctx() ctx: RequestContext, @Parent() poll: DatePoll) {
    return (await this.polls.summary(ctx, poll.id)).find((o) => o.best) ?? null;
  }
}

@Resolver(() => Registration)
export class RegistrationResolver {
  constructor(private readonly registrations: RegistrationsService) {}

  @Allow(Permission.Public)
  @Mutation(() => RegistrationResult, { description: 'Registers for an open event without an account; registering again with the same email is the same registration.' })
  registerForEvent(@Ctx() ctx: RequestContext, @Args('input') input: RegisterForEventInput) {
    return this.registrations.register(ctx, input);
  }

  @Allow(Permission.Public)
  @Mutation(() => RegistrationResult, { description: 'Cancels a registration with the secret from its confirmation mail; the first on the waitlist moves up.' })
  cancelRegistration(@Ctx() ctx: RequestContext, @Args('token') token: string) {
    return this.registrations.cancel(ctx, token.slice(0, 200));
  }

  @ResolveField(() => String, { description: 'Secretariat only (the list is).' })
  email(@Parent() registration: Registration) {
    return registration.email;
  }
}

@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => CalendarFeed, { description: 'A new secret calendar address for you (any older one stops working).' })
  createCalendarFeed(@Ctx() ctx: RequestContext) {
    return this.feeds.create(ctx);
  }

  @Allow(Permission.Authenticated)
  @Query(() => CalendarFeedStatus, { description: 'Whether you have a calendar address in use (for your settings); the address itself is shown only when made.' })
  myCalendarFeed(@Ctx() ctx: RequestContext) {
    return this.feeds.status(ctx);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Boolean, { description: 'Revokes your calendar address.' })
  revokeCalendarFeed(@Ctx() ctx: RequestContext) {
    return this.feeds.revoke(ctx);
  }
}
