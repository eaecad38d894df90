import type { Request } from 'express';

/** The httpOnly cookie that carries a browser session (a signed token naming the session row). */
export const SESSION_COOKIE = 'samverkan_session';
/** The double-submit CSRF cookie of the HTML forms (login, logout). */
export const CSRF_COOKIE = 'samverkan_csrf';

/** Reads one cookie from the request (no cookie-parser middleware needed for two names). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * A request sent by a page of ours: the browser says same-origin, or the Origin
 * header names the host it was sent to. Cookie-authenticated writes need it
 * (SameSite=Lax already keeps the cookie off cross-site POSTs; this is the second lock).
 */
export function isSameOrigin(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === 'same-origin') return true;
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
