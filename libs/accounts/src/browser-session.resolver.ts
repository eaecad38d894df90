import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig, Allow, Ctx, ForbiddenError, Permission, RequestContext, SESSION_COOKIE, isSameOrigin } from '@samverkan/core';
import { AuthService } from './auth.service';
import { LoginInput, Me } from './auth.types';
import { cookieOptions } from './web/page';
import { BROWSER_SESSION_SECONDS } from './web/login.controller';

/**
 * Sign-in and sign-out for the web application: the session lives in the same
 * httpOnly cookie as the HTML pages' (so one sign-in serves the app, the report
 * pages and the queue dashboard); no token ever reaches a script.
 */
@Resolver()
export class BrowserSessionResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Allow(Permission.Public)
  @Mutation(() => Me, { description: 'Signs in from the web application on this origin: sets the httpOnly session cookie; returns the signed-in person.' })
  async signInBrowser(@Ctx() ctx: RequestContext, @Context('req') req: Request, @Context('res') res: Response, @Args('input') input: LoginInput): Promise<Me> {
    // A sign-in form on another site must not sign a browser in (login CSRF).
    if (!isSameOrigin(req)) throw new ForbiddenError();
    const { token, expiresAt } = await this.auth.signInBrowser(ctx, input, BROWSER_SESSION_SECONDS);
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions(this.config), expires: expiresAt });
    return this.auth.me(ctx);
  }

  @Allow(Permission.Public)
  @Mutation(() => Boolean, { description: 'Signs the web application out: ends this session (or every session of the account) and clears the cookie.' })
  async signOutBrowser(@Ctx() ctx: RequestContext, @Context('req') req: Request, @Context('res') res: Response, @Args('everywhere', { defaultValue: false }) everywhere: boolean): Promise<boolean> {
    if (!isSameOrigin(req)) throw new ForbiddenError();
    if (ctx.actor) await this.auth.logout(ctx, everywhere);
    res.clearCookie(SESSION_COOKIE, cookieOptions(this.config));
    return true;
  }
}
