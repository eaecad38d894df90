import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, DateTimeScalar, Permission, RequestContext } from '@samverkan/core';
import { MailType } from '@samverkan/mail';
import { Person } from '@samverkan/people';
import { SeatAllocation } from '../allocations/seat-allocation.entity';
import { Appointment } from '../appointments/appointment.entity';
import { NominationRequest } from '../nominations/nomination-request.entity';
import { Seat } from '../seat.entity';
import { SeatGridService } from './seat-grid.service';

@Resolver(() => SeatAllocation)
export class SeatAllocationQueryResolver {
  constructor(private readonly grid: SeatGridService) {}

  @Allow(Permission.Authenticated)
  @Query(() => SeatAllocation, { description: 'One seat allocation (anyone who may read its group; its nomination requests: the secretariat).' })
  seatAllocation(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.grid.allocation(ctx, id);
  }
}

@Resolver(() => Seat)
export class SeatHistoryResolver {
  constructor(private readonly grid: SeatGridService) {}

  @ResolveField(() => [Appointment], { description: 'Every appointment to the seat, principals first, newest first (the secretariat).' })
  async appointments(@Ctx() ctx: RequestContext, @Parent() seat: Seat) {
    await this.grid.requireManageSeat(ctx, seat.id);
    return this.grid.history(ctx, seat.id);
  }
}

@Resolver(() => NominationRequest)
export class NominationRequestTrackingResolver {
  constructor(private readonly grid: SeatGridService) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => NominationRequest, { description: 'Sends the request’s contact a reminder now: one mail per call, recorded (the secretariat).' })
  remindNominationRequest(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.grid.remind(ctx, id);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who at the organisation was asked.' })
  contactPerson(@Ctx() ctx: RequestContext, @Parent() request: NominationRequest) {
    return this.grid.contact(ctx, request);
  }

  @ResolveField(() => DateTimeScalar)
  sentAt(@Parent() request: NominationRequest) {
    return request.sentAt;
  }

  @ResolveField(() => DateTimeScalar, { nullable: true })
  answeredAt(@Parent() request: NominationRequest) {
    return request.answeredAt;
  }

  @ResolveField(() => [MailType], { description: 'The request’s mail and every reminder, oldest first, with what became of each.' })
  mails(@Ctx() ctx: RequestContext, @Parent() request: NominationRequest) {
    return this.grid.mailsOf(ctx, request.id);
  }
}

@Resolver(() => Appointment)
export class AppointmentNoticeResolver {
  constructor(private readonly grid: SeatGridService) {}

  @ResolveField(() => MailType, { nullable: true, description: 'The vacancy notice the ended term sent to the nominating organisation’s contact (the secretariat).' })
  async vacancyNotice(@Ctx() ctx: RequestContext, @Parent() appointment: Appointment) {
    await this.grid.requireManageSeat(ctx, appointment.seatId);
    return this.grid.vacancyNotice(ctx, appointment);
  }
}
