import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationPreferencesType, UpdateNotificationPreferencesInput } from './notification-preferences.types';

@Resolver(() => NotificationPreferencesType)
export class NotificationPreferencesResolver {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Allow(Permission.Authenticated)
  @Query(() => NotificationPreferencesType, { description: 'How and which reminders you get.' })
  myNotificationPreferences(@Ctx() ctx: RequestContext): Promise<NotificationPreferencesType> {
    return this.preferences.mine(ctx);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => NotificationPreferencesType, { description: 'Changes how and which reminders you get.' })
  updateMyNotificationPreferences(
    @Ctx() ctx: RequestContext,
    @Args('input') input: UpdateNotificationPreferencesInput,
  ): Promise<NotificationPreferencesType> {
    return this.preferences.updateMine(ctx, input);
  }
}
