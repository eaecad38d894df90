import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { AuthPayload, ChangePasswordInput, CreateAccountInput, LoginInput, Me } from './auth.types';
import { AuthService } from './auth.service';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Allow(Permission.Public)
  @Mutation(() => AuthPayload, { description: 'Signs in with email and password.' })
  login(@Ctx() ctx: RequestContext, @Args('input') input: LoginInput): Promise<AuthPayload> {
    return this.auth.login(ctx, input);
  }

  @Allow(Permission.Public)
  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for a new access and refresh token.' })
  refreshSession(@Ctx() ctx: RequestContext, @Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.auth.refresh(ctx, refreshToken);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Number, { description: 'Revokes this session, or every session of the account. Returns how many.' })
  logout(@Ctx() ctx: RequestContext, @Args('everywhere', { defaultValue: false }) everywhere: boolean): Promise<number> {
    return this.auth.logout(ctx, everywhere);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Boolean, { description: 'Changes the password and signs out every other device.' })
  changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    return this.auth.changePassword(ctx, input);
  }

  @Allow(Permission.Admin)
  @Mutation(() => Me, { description: 'Gives a person a login (administrators only).' })
  createAccount(@Ctx() ctx: RequestContext, @Args('input') input: CreateAccountInput): Promise<Me> {
    return this.auth.createAccount(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Query(() => Me, { description: 'The signed-in person.' })
  me(@Ctx() ctx: RequestContext): Promise<Me> {
    return this.auth.me(ctx);
  }
}
