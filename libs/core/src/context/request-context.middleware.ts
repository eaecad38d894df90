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
