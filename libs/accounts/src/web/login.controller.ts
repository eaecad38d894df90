import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig, AppError, Allow, Ctx, ErrorCode, Locale, Permission, RequestContext, SESSION_COOKIE } from '@samverkan/core';
import { html } from '@samverkan/mail';
import { AuthService } from '../auth.service';
import { PAGE_TEXTS, cookieOptions, csrfToken, csrfValid, pageLocale, renderPage, safeNext, sendPage } from './page';

/** How long a browser stays signed in (the session row may live longer; the cookie decides). */
export const BROWSER_SESSION_SECONDS = 8 * 3600;

/**
 * Browser sign-in for the HTML pages (reports, the queue dashboard): a small
 * sv/da/en form, CSRF-protected (double-submit cookie), that sets an httpOnly,
 * SameSite=Lax session cookie (Secure in production). GraphQL reads it only from
 * same-origin requests (the web application, apps/web).
 */
@Controller()
export class LoginController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Allow(Permission.Public)
  @Get('login')
  form(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response, @Query('next') next?: string): void {
    const locale = pageLocale(req, ctx);
    sendPage(res, 200, this.render(locale, csrfToken(req, res, this.config), safeNext(next)));
  }

  @Allow(Permission.Public)
  @Post('login')
  async login(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const locale = pageLocale(req, ctx);
    const next = safeNext(body?.next);
    if (!csrfValid(req, body?._csrf)) {
      sendPage(res, 403, this.render(locale, csrfToken(req, res, this.config), next, PAGE_TEXTS.formExpired[locale]));
      return;
    }
    const email = typeof body.email === 'string' ? body.email.slice(0, 320) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 200) : '';
    try {
      if (!email || !password) throw new AppError(ErrorCode.UNAUTHENTICATED, 'auth.invalidCredentials');
      const { token, expiresAt } = await this.auth.signInBrowser(ctx, { email, password }, BROWSER_SESSION_SECONDS);
      res.cookie(SESSION_COOKIE, token, { ...cookieOptions(this.config), expires: expiresAt });
      res.redirect(303, next);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const status = error.code === ErrorCode.RATE_LIMITED ? 429 : 401;
      sendPage(res, status, this.render(locale, csrfToken(req, res, this.config), next, error.localized(locale), email));
    }
  }

  @Allow(Permission.Public)
  @Post('logout')
  async logout(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    if (!csrfValid(req, body?._csrf)) {
      const locale = pageLocale(req, ctx);
      sendPage(res, 403, this.render(locale, csrfToken(req, res, this.config), '/login', PAGE_TEXTS.formExpired[locale]));
      return;
    }
    if (ctx.actor) await this.auth.logout(ctx, false);
    res.clearCookie(SESSION_COOKIE, cookieOptions(this.config));
    res.redirect(303, '/login');
  }

  private render(locale: Locale, csrf: string, next: string, error?: string, email = ''): string {
    const t = PAGE_TEXTS;
    const body = html`<h1>${t.signIn[locale]}</h1>
<p>${t.signInIntro[locale]}</p>
${error ? html`<p class="error" role="alert" id="login-error">${error}</p>` : ''}
<form class="stack" method="post" action="/login">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="next" value="${next}">
<label for="email">${t.email[locale]}</label>
<input id="email" name="email" type="email" autocomplete="username" required maxlength="320" value="${email}"${error ? html` aria-describedby="login-error"` : ''}>
<label for="password">${t.password[locale]}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">
<button type="submit">${t.signIn[locale]}</button>
</form>`;
    return renderPage({ locale, title: t.signIn[locale], body, path: next === '/login' ? '/login' : `/login?next=${encodeURIComponent(next)}` });
  }
}
