import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { AppConfig, CSRF_COOKIE, DEFAULT_LOCALE, Locale, LOCALES, RequestContext, Translated, chooseLocale, isLocale, readCookie } from '@samverkan/core';
import { escapeHtml, html, SafeHtml } from '@samverkan/mail';

export const PAGE_TEXTS = {
  appName: { sv: 'Samverkan', da: 'Samverkan', en: 'Samverkan' },
  skip: { sv: 'Hoppa till innehållet', da: 'Spring til indholdet', en: 'Skip to content' },
  language: { sv: 'Språk', da: 'Sprog', en: 'Language' },
  signOut: { sv: 'Logga ut', da: 'Log ud', en: 'Sign out' },
  signIn: { sv: 'Logga in', da: 'Log ind', en: 'Sign in' },
  email: { sv: 'E-postadress', da: 'E-mailadresse', en: 'Email address' },
  password: { sv: 'Lösenord', da: 'Adgangskode', en: 'Password' },
  signInIntro: {
    sv: 'Logga in för att läsa statusrapporter och administrera Samverkan.',
    da: 'Log ind for at læse statusrapporter og administrere Samverkan.',
    en: 'Sign in to read status reports and administer Samverkan.',
  },
  formExpired: {
    sv: 'Formuläret hade gått ut. Försök igen.',
    da: 'Formularen var udløbet. Prøv igen.',
    en: 'The form had expired. Please try again.',
  },
  error: { sv: 'Fel', da: 'Fejl', en: 'Error' },
  forbiddenTitle: { sv: 'Åtkomst nekad', da: 'Adgang nægtet', en: 'Access denied' },
  notFoundTitle: { sv: 'Sidan finns inte', da: 'Siden findes ikke', en: 'Page not found' },
  badRequestTitle: { sv: 'Felaktig begäran', da: 'Ugyldig forespørgsel', en: 'Bad request' },
  backHome: { sv: 'Till inloggningen', da: 'Til log ind', en: 'Go to sign-in' },
} satisfies Record<string, Translated>;

const LANGUAGE_NAMES: Record<Locale, string> = { sv: 'Svenska', da: 'Dansk', en: 'English' };

/** The language of a page: `?lang=`, else Accept-Language, else the reader's own setting, else DEFAULT_LOCALE ({@link chooseLocale}). */
export function pageLocale(req: Request, ctx: RequestContext | undefined): Locale {
  return chooseLocale({ asked: req.query.lang, header: req.headers['accept-language'], person: ctx?.actor?.locale, fallback: ctx?.defaultLocale ?? DEFAULT_LOCALE });
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
/* A word longer than the line (a Danish group name on a phone) breaks rather than widening the page. */
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.5; color: #1b1b1b; background: #fff; margin: 0; overflow-wrap: break-word; hyphens: auto; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; color: #0b57d0; padding: .5em 1em; }
.skip:focus { left: 1em; z-index: 10; }
header.site { display: flex; flex-wrap: wrap; gap: 1em; align-items: center; justify-content: space-between; padding: .75em 1.5em; border-bottom: 1px solid #d0d7de; }
header.site .brand { font-weight: 700; color: #1b1b1b; text-decoration: none; }
header.site nav ul { list-style: none; display: flex; gap: .75em; margin: 0; padding: 0; }
main { max-width: 72em; margin: 0 auto; padding: 1em 1.5em 3em; }
a { color: #0b57d0; }
a:focus, button:focus, input:focus { outline: 3px solid #0b57d0; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1.5em; }
caption { text-align: left; font-weight: 600; padding: .25em 0; }
th, td { border: 1px solid #d0d7de; padding: .35em .6em; text-align: left; vertical-align: top; }
thead th { background: #f3f5f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.rag { display: inline-block; padding: 0 .5em; border-radius: .25em; font-weight: 600; color: #fff; }
.rag-on_track { background: #1a7f37; } .rag-at_risk { background: #9a6700; } .rag-late { background: #c62828; } .rag-no_data { background: #57606a; }
.note { background: #fff8c5; border-left: 4px solid #9a6700; padding: .5em 1em; }
.error { background: #ffebe9; border-left: 4px solid #c62828; padding: .5em 1em; }
form.stack label { display: block; margin-top: 1em; font-weight: 600; }
form.stack input { display: block; width: 100%; max-width: 24em; padding: .4em; border: 1px solid #57606a; border-radius: .25em; font: inherit; }
button { font: inherit; padding: .4em 1.2em; margin-top: 1em; background: #0b57d0; color: #fff; border: 0; border-radius: .25em; cursor: pointer; }
button.link { background: none; color: #0b57d0; padding: 0; margin: 0; text-decoration: underline; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1em; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
figure { margin: 1em 0; }
svg { max-width: 100%; height: auto; }
@media print {
  header.site nav, .skip, .no-print, form.logout { display: none !important; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: #000; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 90%; }
  table, figure, section { break-inside: auto; }
  tr, figure svg { break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3 { break-after: avoid; }
  .rag { color: #000; background: none !important; border: 1px solid #000; }
}`;

export interface PageOptions {
  locale: Locale;
  title: string;
  body: SafeHtml;
  /** The path (without lang) the language links point to. */
  path?: string;
  /** When signed in: the CSRF token for the sign-out form. */
  csrf?: string;
  /** CSS a page adds to the frame's (e.g. the report page's stacked tables). */
  css?: string;
}

/** The frame of every HTML page: language, skip link, header with language links and sign-out, main landmark. */
export function renderPage(options: PageOptions): string {
  const { locale } = options;
  const languages = options.path
    ? html`<nav aria-label="${PAGE_TEXTS.language[locale]}"><ul>${LOCALES.map((l) =>
        l === locale
          ? html`<li><span aria-current="true" lang="${l}">${LANGUAGE_NAMES[l]}</span></li>`
          : html`<li><a href="${withLang(options.path!, l)}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a></li>`,
      )}</ul></nav>`
    : '';
  const signOut = options.csrf
    ? html`<form class="logout" method="post" action="/logout"><input type="hidden" name="_csrf" value="${options.csrf}"><button class="link" type="submit">${PAGE_TEXTS.signOut[locale]}</button></form>`
    : '';
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} – Samverkan</title>
<style>${new SafeHtml(CSS + (options.css ?? ''))}</style>
</head>
<body>
<a class="skip" href="#main">${PAGE_TEXTS.skip[locale]}</a>
<header class="site"><span class="brand">Samverkan</span>${languages}${signOut}</header>
<main id="main" tabindex="-1">
${options.body}
</main>
</body>
</html>`.value;
}

export function withLang(path: string, locale: Locale): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', locale);
  return `${url.pathname}${url.search}`;
}

/** Security headers for our HTML pages: no script at all, no framing, forms only to ourselves. */
export function sendPage(res: Response, status: number, body: string): void {
  res
    .status(status)
    .setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
    .setHeader('X-Content-Type-Options', 'nosniff')
    .setHeader('Referrer-Policy', 'same-origin')
    .setHeader('Cache-Control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(body);
}

export function cookieOptions(config: AppConfig, maxAgeMs?: number) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: config.NODE_ENV === 'production', path: '/', ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) };
}

/** The CSRF token of this browser (double-submit cookie), made when missing. */
export function csrfToken(req: Request, res: Response, config: AppConfig): string {
  const existing = readCookie(req, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  res.cookie(CSRF_COOKIE, token, cookieOptions(config));
  return token;
}

/** True when the form's token matches the cookie's (constant-time). */
export function csrfValid(req: Request, submitted: unknown): boolean {
  const cookie = readCookie(req, CSRF_COOKIE);
  if (!cookie || typeof submitted !== 'string' || cookie.length !== submitted.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(submitted));
}

/** A local path to return to after sign-in; anything else (another host, `//x`) becomes `/`. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.length > 2000) return '/login';
  return next;
}

/** An error page in the reader's language (403, 404, 400 on HTML routes). */
export function renderErrorPage(locale: Locale, status: number, message: string): string {
  const title = status === 403 ? PAGE_TEXTS.forbiddenTitle[locale] : status === 404 ? PAGE_TEXTS.notFoundTitle[locale] : status === 400 ? PAGE_TEXTS.badRequestTitle[locale] : PAGE_TEXTS.error[locale];
  return renderPage({
    locale,
    title,
    body: html`<h1>${title}</h1><p>${message}</p><p><a href="/login">${PAGE_TEXTS.backHome[locale]}</a></p>`,
  });
}

export { escapeHtml };
