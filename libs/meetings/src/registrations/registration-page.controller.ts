import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, AppError, BadInputError, Ctx, Permission, RequestContext, Translated, isLocale } from '@samverkan/core';
import { escapeHtml, formatDateTime } from '@samverkan/mail';
import { PAGE_CSP } from '../page-csp';
import { RegistrationsService } from './registrations.service';

const CANCEL_PAGE = {
  title: { sv: 'Avboka din plats', da: 'Afmeld din plads', en: 'Cancel your place' },
  ask: { sv: 'Vill du avboka din plats?', da: 'Vil du afmelde din plads?', en: 'Do you want to cancel your place?' },
  button: { sv: 'Avboka', da: 'Afmeld', en: 'Cancel my place' },
  done: { sv: 'Din plats är avbokad.', da: 'Din plads er afmeldt.', en: 'Your place is cancelled.' },
} satisfies Record<string, Translated>;

/**
 * The cancellation link from a registration mail: GET shows a button (so a
 * mail scanner following links cancels nothing), POST cancels.
 */
@Controller('registrations')
export class RegistrationPageController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Allow(Permission.Public)
  @Get('cancel')
  async ask(@Ctx() ctx: RequestContext, @Query('token') token: string | undefined, @Query('lang') lang: string | undefined, @Res() res: Response): Promise<void> {
    const registration = token ? await this.registrations.describeCancel(token.slice(0, 200)) : undefined;
    // The page continues the confirmation mail: in its language unless another is asked for.
    const l = !isLocale(lang) && registration && isLocale(registration.locale) ? registration.locale : ctx.locale;
    if (!registration) {
      res.status(400);
      page(res, l, CANCEL_PAGE.title[l], `<p role="alert">${escapeHtml(new BadInputError('meetings.registrationToken').localized(l))}</p>`);
      return;
    }
    page(
      res,
      l,
      CANCEL_PAGE.title[l],
      `<p><strong>${escapeHtml(registration.title)}</strong>, ${escapeHtml(formatDateTime(registration.startsAt, l, registration.timeZone))}</p><p>${escapeHtml(CANCEL_PAGE.ask[l])}</p><form method="post" action="cancel"><input type="hidden" name="token" value="${escapeHtml(token ?? '')}"><input type="hidden" name="lang" value="${l}"><button type="submit">${escapeHtml(CANCEL_PAGE.button[l])}</button></form>`,
    );
  }

  @Allow(Permission.Public)
  @Post('cancel')
  @HttpCode(200)
  async cancel(@Ctx() ctx: RequestContext, @Body() body: { token?: unknown; lang?: unknown }, @Res() res: Response): Promise<void> {
    const token = String(body?.token ?? '').slice(0, 200);
    // The answer continues the page the button was on (its language), else the registration's, as the GET.
    const registration = isLocale(body?.lang) ? undefined : await this.registrations.describeCancel(token);
    const l = isLocale(body?.lang) ? body.lang : registration && isLocale(registration.locale) ? registration.locale : ctx.locale;
    try {
      await this.registrations.cancel(ctx, token);
      page(res, l, CANCEL_PAGE.title[l], `<p>${escapeHtml(CANCEL_PAGE.done[l])}</p>`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.status(400);
      page(res, l, CANCEL_PAGE.title[l], `<p role="alert">${escapeHtml(error.localized(l))}</p>`);
    }
  }
}

function page(res: Response, locale: string, title: string, body: string): void {
  res
    .type('text/html; charset=utf-8')
    .setHeader('Content-Security-Policy', PAGE_CSP)
    .send(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}
