import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '@samverkan/core';
import { Person, PeopleService } from '@samverkan/people';
import { MeetingsService } from '../meetings.service';
import { personVia } from '../resolver-support';
import { Invitation } from './invitation.entity';

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
