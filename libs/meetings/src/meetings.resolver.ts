import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Allow, Ctx, Permission, RequestContext, selectedAt, selectionOf } from '@samverkan/core';
import { WorkingGroup, WorkingGroupsService } from '@samverkan/working-groups';
import { AgendaItem } from './agenda/agenda-item.entity';
import { SetAgendaInput } from './agenda/agenda.inputs';
import { Invitation } from './invitations/invitation.entity';
import { RsvpInput } from './invitations/invitation.inputs';
import { Meeting } from './meeting.entity';
import { CreateMeetingInput, UpdateMeetingInput } from './meeting.inputs';
import { DoubleBooking, MeetingConnection, MeetingListArgs, SchedulePayload } from './meeting.types';
import { MeetingsService } from './meetings.service';
import { ActionItem } from './minutes/action-item.entity';
import { InterestDeclaration } from './minutes/interest-declaration.entity';
import { InterestDeclarationsService } from './minutes/interest-declarations.service';
import { Minutes } from './minutes/minutes.entity';
import { MinutesService } from './minutes/minutes.service';
import { Registration } from './registrations/registration.entity';
import { RegistrationsService } from './registrations/registrations.service';
import { uuid } from './resolver-support';

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
  meetingList(@Ctx() ctx: RequestContext, @Args() args: MeetingListArgs, @Info() info: GraphQLResolveInfo) {
    // The page's groups and the reader's invitations come in the page's statement when selected (issue 20).
    const node = selectedAt(selectionOf(info), 'edges', 'node');
    return this.meetings.list(ctx, args, {
      workingGroup: !!node?.has('workingGroup'),
      myInvitation: !!node?.has('myInvitation'),
      seatSubstitute: !!selectedAt(node ?? new Map(), 'myInvitation', 'seatSubstitute'),
    });
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

  @ResolveField(() => Boolean, { description: 'Whether you may keep the meeting’s record: attendance and minutes (its commission’s secretariat).' })
  mayManage(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return this.meetings.mayManage(ctx, meeting);
  }

  @ResolveField(() => String, { description: 'The iCalendar UID, the same in every invitation, update and cancellation.' })
  icalUid(@Parent() meeting: Meeting) {
    return `meeting-${meeting.id}@samverkan`;
  }
}
