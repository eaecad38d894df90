import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Allow, Locale, Permission, RequestContext, Translated, contextOf, isLocale } from '@samverkan/core';
import { html, mailPaths } from '@samverkan/mail';
import { page, text } from '@samverkan/mail-actions';
import { NotificationPreferencesService } from '../notification-preferences.service';
import { reminderRule } from '../reminder-rule';
import { UnsubscribeClaims, UnsubscribeLinkService } from './unsubscribe-link.service';

const TOKEN = /^[A-Za-z0-9_-]{10,1000}\.[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,200}$/;

const T = {
  title: { sv: 'Sluta få de här påminnelserna?', da: 'Stop med disse påmindelser?', en: 'Stop these reminders?' },
  intro: {
    sv: 'Du får inte längre e-post om följande. Du kan slå på det igen i dina inställningar.',
    da: 'Du får ikke længere e-mail om følgende. Du kan slå det til igen i dine indstillinger.',
    en: 'You will no longer get email about the following. You can turn it on again in your settings.',
  },
  submit: { sv: 'Sluta skicka dem', da: 'Stop med at sende dem', en: 'Stop sending them' },
  doneTitle: { sv: 'Du får inte längre de här påminnelserna', da: 'Du får ikke længere disse påmindelser', en: 'You will no longer get these reminders' },
  doneBody: {
    sv: 'Ändringen är sparad. Du kan slå på dem igen i dina inställningar.',
    da: 'Ændringen er gemt. Du kan slå dem til igen i dine indstillinger.',
    en: 'The change is saved. You can turn them on again in your settings.',
  },
  settings: { sv: 'Dina inställningar', da: 'Dine indstillinger', en: 'Your settings' },
  invalidTitle: { sv: 'Länken fungerar inte', da: 'Linket virker ikke', en: 'The link does not work' },
  invalidBody: {
    sv: 'Länken är ofullständig, har gått ut eller kommer inte från Samverkan. Ingenting har ändrats. Du kan ändra dina påminnelser i dina inställningar.',
    da: 'Linket er ufuldstændigt, udløbet eller kommer ikke fra Samverkan. Intet er ændret. Du kan ændre dine påmindelser i dine indstillinger.',
    en: 'The link is incomplete, has expired or does not come from Samverkan. Nothing was changed. You can change your reminders in your settings.',
  },
  badPost: {
    sv: 'Avregistreringen ska skickas som List-Unsubscribe=One-Click. Ingenting har ändrats.',
    da: 'Afmeldingen skal sendes som List-Unsubscribe=One-Click. Intet er ændret.',
    en: 'The opt-out must be posted as List-Unsubscribe=One-Click. Nothing was changed.',
  },
} satisfies Record<string, Translated>;

/**
 * One-click opt-out (RFC 8058) behind a mail's `List-Unsubscribe` header. The
 * mail client POSTs `List-Unsubscribe=One-Click` to the signed URL, with no
 * cookie and no sign-in: the signature is the proof, and the link can do
 * nothing but turn off the kinds it names. A GET (a person who clicked, or a
 * scanner) only shows what a POST would do, with a button that posts it.
 */
@Controller('mail-actions/unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly links: UnsubscribeLinkService,
    private readonly preferences: NotificationPreferencesService,
    private readonly dataSource: DataSource,
  ) {}

  @Allow(Permission.Public)
  @Get(':token')
  async show(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    secureHeaders(res);
    const claims = await this.claims(token);
    const locale = this.localeOf(req, claims);
    if (!claims) return this.invalid(res, locale);
    const path = mailPaths.unsubscribe(token);
    res.status(200).type('html').send(
      page(
        { locale, title: text(T.title, locale) },
        html`<h1>${text(T.title, locale)}</h1>
<p>${text(T.intro, locale)}</p>
<ul>${this.labels(claims, locale).map((label) => html`<li>${label}</li>`)}</ul>
<form method="post" action="${path}" novalidate>
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${text(T.submit, locale)}</button>
</form>`,
      ),
    );
  }

  @Allow(Permission.Public)
  @Post(':token')
  async unsubscribe(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    secureHeaders(res);
    const claims = await this.claims(token);
    const locale = this.localeOf(req, claims);
    if (!claims) return this.invalid(res, locale);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body['List-Unsubscribe'] !== 'One-Click') {
      res.status(400).type('html').send(page({ locale, title: text(T.invalidTitle, locale) }, html`<h1>${text(T.invalidTitle, locale)}</h1><p>${text(T.badPost, locale)}</p>`));
      return;
    }
    const ctx = contextOf(req) ?? RequestContext.fromRequest(req);
    ctx.locale = locale;
    // The link proves who the person is for this one change: no account, no session, no admin rights.
    ctx.actor = { personId: claims.personId, accountId: '', sessionId: '', isAdmin: false, locale };
    await this.preferences.optOut(ctx, claims.kinds);
    res.status(200).type('html').send(
      page(
        { locale, title: text(T.doneTitle, locale) },
        html`<h1>${text(T.doneTitle, locale)}</h1>
<ul>${this.labels(claims, locale).map((label) => html`<li>${label}</li>`)}</ul>
<p>${text(T.doneBody, locale)} <a href="${mailPaths.settings()}">${text(T.settings, locale)}</a></p>`,
      ),
    );
  }

  /** A valid link of a person who still exists (an erased person's links do nothing). */
  private async claims(token: string): Promise<UnsubscribeClaims | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const claims = await this.links.check(token);
    if (!claims) return undefined;
    const [person]: { erased: boolean }[] = await this.dataSource.query(`SELECT erased_at IS NOT NULL AS erased FROM person WHERE id = $1`, [claims.personId]);
    return person && !person.erased ? claims : undefined;
  }

  private labels(claims: UnsubscribeClaims, locale: Locale): string[] {
    return claims.kinds.map((kind) => reminderRule(kind)?.label[locale] ?? kind);
  }

  private localeOf(req: Request, claims: UnsubscribeClaims | undefined): Locale {
    const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    return isLocale(asked) ? asked : (claims?.locale ?? 'sv');
  }

  private invalid(res: Response, locale: Locale): void {
    res.status(400).type('html').send(
      page(
        { locale, title: text(T.invalidTitle, locale) },
        html`<h1>${text(T.invalidTitle, locale)}</h1><p>${text(T.invalidBody, locale)} <a href="${mailPaths.settings()}">${text(T.settings, locale)}</a></p>`,
      ),
    );
  }
}

function secureHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
}
