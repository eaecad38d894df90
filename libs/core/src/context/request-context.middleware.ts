import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LOCALE, Locale } from '../i18n/locale';
import { RequestContext } from './request-context';
import { StatementScope, runInStatementScope } from '../database/statement-counter';

const KEY = Symbol('samverkan:context');

type WithContext = Request & { [KEY]?: RequestContext; [STATEMENTS]?: StatementScope };
const STATEMENTS = Symbol('samverkan:statements');

/**
 * Gives every HTTP request its RequestContext and its own SQL statement count.
 * `defaultLocale` is the configured DEFAULT_LOCALE.
 */
export function requestContextMiddleware(defaultLocale: Locale = DEFAULT_LOCALE) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const request = req as WithContext;
    request[KEY] = RequestContext.fromRequest(req, defaultLocale);
    runInStatementScope((scope) => {
      request[STATEMENTS] = scope;
      next();
    });
  };
}

export function contextOf(req: Request): RequestContext | undefined {
  return (req as WithContext)[KEY];
}

export function statementsOf(req: Request): number | undefined {
  return (req as WithContext)[STATEMENTS]?.count;
}

const scope = new AsyncLocalStorage<{ req: Request; ctx: RequestContext }>();

/**
 * Makes the request and its context reachable from code that is not handed them,
 * such as Apollo's `formatError` for refusals it makes before any resolver or
 * plugin runs (CSRF, a GET mutation, a missing query). Registered after the body
 * parsers: their stream callbacks would not carry the scope.
 */
export function requestScopeMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const ctx = contextOf(req);
  if (ctx) scope.run({ req, ctx }, next);
  else next();
}

/** The request being answered, inside {@link requestScopeMiddleware}. */
export function currentRequest(): { req: Request; ctx: RequestContext } | undefined {
  return scope.getStore();
}

const ERROR_CODES = Symbol('samverkan:errorCodes');

/** Notes a code a request was refused or failed with, for its one log line. */
export function noteErrorCode(req: Request | undefined, code: unknown): void {
  if (!req || typeof code !== 'string') return;
  const request = req as Request & { [ERROR_CODES]?: string[] };
  const codes = (request[ERROR_CODES] ??= []);
  if (!codes.includes(code) && codes.length < 10) codes.push(code);
}

/** The codes noted for a request (GraphQL errors answer 200, so the status alone does not tell). */
export function errorCodesOf(req: Request): string[] {
  return (req as Request & { [ERROR_CODES]?: string[] })[ERROR_CODES] ?? [];
}
