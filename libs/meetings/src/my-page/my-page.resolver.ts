import { ResolveField, Resolver } from '@nestjs/graphql';
import { Me } from '@samverkan/accounts';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { MeetingsMyPageService } from './my-page.service';
import { MyActionItem, MyDatePoll, MyMinutesToApprove } from './my-page.types';

/** My page's meeting lists on `me`: each one statement, whatever its length. */
@Resolver(() => Me)
export class MeetingsMyPageResolver {
  constructor(private readonly myPage: MeetingsMyPageService) {}

  @Allow(Permission.Authenticated)
  @ResolveField(() => [MyMinutesToApprove], { description: 'Minutes waiting for my approval as adjuster.' })
  minutesToApprove(@Ctx() ctx: RequestContext): Promise<MyMinutesToApprove[]> {
    return this.myPage.minutesToApprove(ctx);
  }

  @Allow(Permission.Authenticated)
  @ResolveField(() => [MyActionItem], { description: 'Open action items assigned to me in approved minutes.' })
  actionItems(@Ctx() ctx: RequestContext): Promise<MyActionItem[]> {
    return this.myPage.actionItems(ctx);
  }

  @Allow(Permission.Authenticated)
  @ResolveField(() => [MyDatePoll], { description: 'Open date polls of my groups that I have not answered.' })
  datePollsToAnswer(@Ctx() ctx: RequestContext): Promise<MyDatePoll[]> {
    return this.myPage.datePolls(ctx);
  }
}
