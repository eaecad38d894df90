import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Invitation } from '../invitations/invitation.entity';
import { Meeting } from '../meeting.entity';
import { RecordAttendanceInput } from './attendance.inputs';
import { AttendanceService } from './attendance.service';
import { Quorum } from './quorum.types';

@Resolver(() => Meeting)
export class AttendanceResolver {
  constructor(private readonly attendance: AttendanceService) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => [Invitation], { description: 'Records attendance: present, absent, apologies, or substituted by someone.' })
  recordAttendance(@Ctx() ctx: RequestContext, @Args('input') input: RecordAttendanceInput) {
    return this.attendance.record(ctx, input);
  }

  @ResolveField(() => Quorum, { nullable: true, description: 'On the attendance record; empty for a meeting of the whole commission.' })
  quorum(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting) {
    return this.attendance.ofMeeting(ctx, meeting.id);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemQuorumResolver {
  constructor(private readonly attendance: AttendanceService) {}

  @ResolveField(() => Quorum, {
    nullable: true,
    description: 'The quorum for deciding this item: a seat whose representative has a conflict of interest (jäv) on it does not count. Empty for a meeting of the whole commission.',
  })
  quorum(@Ctx() ctx: RequestContext, @Parent() item: AgendaItem) {
    return this.attendance.ofAgendaItem(ctx, item.id);
  }
}
