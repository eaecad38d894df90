import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Meeting } from '../meeting.entity';
import { DoubleBooking } from '../meeting.types';
import { uuid } from '../resolver-support';
import { InvitationFollowUpService } from './invitation-follow-up.service';
import { InvitationReminderResult } from './invitation-follow-up.types';

/** The secretariat's side of a meeting's invitations (the page /meetings/:id/invitations). */
@Resolver(() => Meeting)
export class InvitationFollowUpResolver {
  constructor(private readonly followUp: InvitationFollowUpService) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => InvitationReminderResult, { description: 'Mails a reminder now to the invitees who have not answered (the group’s chair or the secretariat); a second press in the same minute sends nothing more.' })
  remindMeetingInvitees(@Ctx() ctx: RequestContext, @Args('meetingId', { type: () => ID }, uuid) meetingId: string) {
    return this.followUp.remind(ctx, meetingId);
  }

  @ResolveField(() => Boolean, { description: 'Whether you may change the meeting, its agenda and its invitations.' })
  maySchedule(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return this.followUp.maySchedule(ctx, meeting);
  }

  @ResolveField(() => [DoubleBooking], { description: 'Invitees also invited to another meeting at an overlapping time, across groups and commissions (those who may schedule the meeting).' })
  doubleBookings(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return this.followUp.doubleBookings(ctx, meeting);
  }
}
