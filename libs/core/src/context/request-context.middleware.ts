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
