import { Controller, Get, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validate } from 'class-validator';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  Allow,
  AppError,
  ErrorCode,
  Locale,
  Permission,
  RequestContext,
  fromPostgresError,
  inTransaction,
  isLocale,
  chooseLocale,
  originEnlisted,
  contextOf,
  publicUrl,
} from '@samverkan/core';
import { formatDate, html } from '@samverkan/mail';
import { PostedForm } from './mail-action.registry';
import { FormState, PAGE_CSS, errorSummary, flatFields, page, renderFields, text } from './mail-action.page';
import { LinkCheck, MailLinkService } from './mail-link.service';
import { LinkProblem, PAGE_TEXTS, PROBLEM_TEXTS } from './mail-actions.messages';

const COOKIE = 'samverkan_mail_csrf';
const PROBLEM_STATUS: Record<LinkProblem, number> = { invalid: 400, expired: 410, used: 409, revoked: 410, closed: 409, csrf: 403 };
const TOKEN = /^[A-Za-z0-9_-]{10,1000}\.[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,200}$/;

type Ok = Extract<LinkCheck, { ok: true }>;

/**
 * The pages behind mail buttons. A GET shows what the answer will be and never
 * changes anything (mail scanners follow links); the POST, with a CSRF token
 * bound to a same-site cookie and to the link, makes the change by calling the
 * action's service method, the one its GraphQL mutation calls.
 */
@Controller('mail-actions')
export class MailActionsController {
  private readonly logger = new Logger(MailActionsController.name);

  constructor(
    private readonly links: MailLinkService,
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Allow(Permission.Public)
  @Get('assets/page.css')
  css(@Res() res: Response): void {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600').send(PAGE_CSS);
  }

  @Allow(Permission.Public)
  @Get(':token')
  async show(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    secureHeaders(res);
    const check: LinkCheck = TOKEN.test(token) ? await this.links.check(token) : { ok: false, problem: 'invalid' };
    const { locale, name } = await this.reader(req, check);
    if (!check.ok) return this.problem(res, check.problem, locale, check.at);
    const nonce = cookieOf(req, COOKIE) ?? this.links.newNonce();
    res.setHeader('Set-Cookie', `${COOKIE}=${nonce}; Path=/mail-actions; HttpOnly; SameSite=Strict; Max-Age=86400${req.secure ? '; Secure' : ''}`);
    const values = Object.fromEntries(
      (check.definition.prefill ?? []).map((key) => [key, typeof req.query[key] === 'string' ? String(req.query[key]).slice(0, 200) : '']).filter(([, v]) => v),
    );
    this.form(res, 200, token, check, locale, name, this.links.csrfToken(nonce, check.claims.linkId), { values, fieldErrors: new Map(), errors: [] }, req);
  }

  @Allow(Permission.Public)
  @Post(':token')
  async answer(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    secureHeaders(res);
    const check: LinkCheck = TOKEN.test(token) ? await this.links.check(token) : { ok: false, problem: 'invalid' };
    const { locale, name } = await this.reader(req, check);
    if (!check.ok) return this.problem(res, check.problem, locale, check.at);
    const { claims, definition, loaded } = check;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const nonce = cookieOf(req, COOKIE);
    if (!this.links.csrfValid(nonce, claims.linkId, body._csrf) || !sameOrigin(req, publicUrl(this.config))) return this.problem(res, 'csrf', locale);
    const form: PostedForm = Object.fromEntries(
      Object.entries(body)
        .filter(([key, value]) => key !== '_csrf' && typeof value === 'string')
        .map(([key, value]) => [key, (value as string).slice(0, 20000)]),
    );
    const csrf = this.links.csrfToken(nonce!, claims.linkId);
    const state: FormState = { values: form, fieldErrors: new Map(), errors: [] };

    const parsed = definition.parse(form, loaded.subject, claims.subjectId);
    const invalid = await validate(plainToInstance(definition.inputType, parsed.input) as object, { forbidUnknownValues: false });
    if (invalid.length > 0) {
      const labels = new Map(flatFields(definition.fields(loaded.subject)).map((f) => [f.name, f.label[locale]]));
      for (const path of errorPaths(invalid)) {
        const field = parsed.fieldOf?.(path);
        const label = (field && labels.get(field)) ?? path;
        const message = text(PAGE_TEXTS.fieldInvalid, locale, { label });
        if (field && labels.has(field)) state.fieldErrors.set(field, message);
        else state.errors.push(message);
      }
      return this.form(res, 400, token, check, locale, name, csrf, state, req);
    }

    const ctx = contextOf(req) ?? RequestContext.fromRequest(req);
    ctx.locale = locale;
    // The link proves who the person is for this one action: no account, no session, no admin rights.
    ctx.actor = { personId: claims.personId, accountId: '', sessionId: '', isAdmin: false, locale };
    const answer = definition.summarize(parsed.input);
    ctx.via = {
      channel: 'mail-link',
      linkId: claims.linkId,
      action: definition.name,
      subjectType: definition.subjectType,
      subjectId: claims.subjectId,
      enlist: (manager) => this.links.recordUse(manager, ctx, claims, definition, loaded.commissionId, answer),
    };
    try {
      const service = this.moduleRef.get(definition.service(), { strict: false });
      await definition.perform(service, ctx, parsed.input, claims.subjectId);
      if (!originEnlisted(ctx)) {
        // Every audited service marks the link inside its transaction; this is the net for one that did not audit.
        this.logger.warn(`Mail action ${definition.name} did not audit; recording its use separately`);
        await inTransaction(this.dataSource, (manager) => this.links.recordUse(manager, ctx, claims, definition, loaded.commissionId, answer));
      }
    } catch (error) {
      const appError = fromPostgresError(error);
      if (!appError) {
        this.logger.error({ err: error, requestId: ctx.requestId }, `Mail action ${definition.name} failed`);
        res.status(500).type('html').send(page({ locale, title: 'Error' }, html`<h1>${text({ sv: 'Något gick fel', da: 'Noget gik galt', en: 'Something went wrong' }, locale)}</h1><p>${text({ sv: 'Ingenting har ändrats. Försök igen senare. Felets id: {id}', da: 'Intet er ændret. Prøv igen senere. Fejlens id: {id}', en: 'Nothing was changed. Try again later. Error id: {id}' }, locale, { id: ctx.requestId })}</p>`));
        return;
      }
      return await this.failed(res, appError, token, check, locale, name, csrf, state, req, parsed.fieldOf);
    }
    res.status(200).type('html').send(
      page(
        { locale, title: PAGE_TEXTS.doneTitle[locale] },
        html`<div class="panel" role="status"><h1>${PAGE_TEXTS.doneTitle[locale]}</h1><p>${definition.done[locale]}</p></div>
<p>${definition.title(loaded.subject, locale)}</p>`,
      ),
    );
  }

  private async failed(
    res: Response,
    error: AppError,
    token: string,
    check: Ok,
    locale: Locale,
    name: string | undefined,
    csrf: string,
    state: FormState,
    req: Request,
    fieldOf?: (path: string) => string | undefined,
  ): Promise<void> {
    if (error.code === ErrorCode.CONFLICT && error.messageKey === 'mailActions.linkUsed') return this.problem(res, 'used', locale, new Date());
    if (error.code === ErrorCode.CONFLICT || error.code === ErrorCode.NOT_FOUND || error.code === ErrorCode.FORBIDDEN) {
      // Did the subject close (answered meanwhile, withdrawn) or the person lose it? Then say so; otherwise
      // the refusal is about what was entered (e.g. an address already in use) and belongs on the form.
      const now = await this.links.check(token);
      if (!now.ok) return this.problem(res, now.problem, locale, now.at, error.code === ErrorCode.CONFLICT ? error.localized(locale) : undefined);
    }
    if (error.code === ErrorCode.BAD_USER_INPUT || error.code === ErrorCode.CONFLICT) {
      // A refusal that names its input field (e.g. the § 9 pair rule's reason) is shown at that field of the page.
      const named = typeof error.details?.field === 'string' ? fieldOf?.(error.details.field) : undefined;
      const onPage = named && flatFields(check.definition.fields(check.loaded.subject)).some((f) => f.name === named);
      if (onPage) state.fieldErrors.set(named, error.localized(locale));
      else state.errors.push(error.localized(locale));
      return this.form(res, error.code === ErrorCode.CONFLICT ? 409 : 400, token, check, locale, name, csrf, state, req);
    }
    return this.problem(res, 'revoked', locale);
  }

  private form(res: Response, status: number, token: string, check: Ok, locale: Locale, name: string | undefined, csrf: string, state: FormState, req: Request): void {
    const { definition, loaded, claims } = check;
    const title = definition.title(loaded.subject, locale);
    const query = typeof req.query.lang === 'string' && isLocale(req.query.lang) ? { lang: req.query.lang } : {};
    const action = `/mail-actions/${token}${query.lang ? `?lang=${query.lang}` : ''}`;
    const body = html`${errorSummary(locale, state)}
<h1>${title}</h1>
${definition.intro(loaded.subject, locale).map((line) => html`<p>${line}</p>`)}
<form method="post" action="${action}" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
${renderFields(definition.fields(loaded.subject), locale, state)}
<button type="submit">${definition.submit[locale]}</button>
</form>
<p class="note">${name ? text(PAGE_TEXTS.who, locale, { name }) + ' ' : ''}${PAGE_TEXTS.noLogin[locale]} ${text(PAGE_TEXTS.validUntil, locale, { date: formatDate(claims.expiresAt.toISOString().slice(0, 10), locale) })}</p>`;
    const prefill = Object.fromEntries((definition.prefill ?? []).filter((k) => typeof req.query[k] === 'string').map((k) => [k, String(req.query[k])]));
    res.status(status).type('html').send(page({ locale, title, path: `/mail-actions/${token}`, query: prefill }, body));
  }

  private problem(res: Response, problem: LinkProblem, locale: Locale, at?: Date, detail?: string): void {
    const texts = PROBLEM_TEXTS[problem];
    const date = at ? formatDate(at.toISOString().slice(0, 10), locale) : '';
    res
      .status(PROBLEM_STATUS[problem])
      .type('html')
      .send(
        page(
          { locale, title: texts.title[locale] },
          html`<div class="panel problem"><h1>${texts.title[locale]}</h1>${detail ? html`<p>${detail}</p>` : ''}<p>${text(texts.body, locale, { date })}</p></div>`,
        ),
      );
  }

  /**
   * The page's language, by the one rule ({@link chooseLocale}). A mail-action page continues a
   * mail the reader got in their own language, so that language counts as asked for: `?lang`,
   * else the person's own (as it is now), else the link's; only an unknown reader falls to
   * Accept-Language and then DEFAULT_LOCALE.
   */
  private async reader(req: Request, check: LinkCheck): Promise<{ locale: Locale; name?: string }> {
    const personId = check.ok ? check.claims.personId : check.personId;
    const [person]: { full_name: string; locale: string }[] = personId
      ? await this.dataSource.query(`SELECT full_name, locale FROM person WHERE id = $1 AND erased_at IS NULL`, [personId])
      : [];
    const asked = typeof req.query.lang === 'string' && isLocale(req.query.lang) ? req.query.lang : undefined;
    const own = person && isLocale(person.locale) ? person.locale : undefined;
    const locale = chooseLocale({
      asked: asked ?? own ?? (check.ok ? check.claims.locale : check.locale),
      header: req.headers['accept-language'],
      fallback: this.config.DEFAULT_LOCALE,
    });
    return { locale, name: check.ok ? person?.full_name : undefined };
  }
}

function secureHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  // The token is in the URL: never send it to another site as a Referer. (Not no-referrer:
  // with it Chromium posts the form with `Origin: null`, which the origin check must refuse.)
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
}

function cookieOf(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** A browser's POST from our own page carries our origin (or none, from older browsers). */
function sameOrigin(req: Request, ownUrl: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const host = new URL(origin).host;
    return host === req.headers.host || host === new URL(ownUrl).host;
  } catch {
    return false;
  }
}

function errorPaths(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    return [...(error.constraints ? [path] : []), ...errorPaths(error.children ?? [], `${path}.`)];
  });
}
