import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AppError, ErrorCode, contextOf, fromPostgresError, messageFor, noteErrorCode } from '@samverkan/core';
import { pageLocale, renderErrorPage, sendPage } from '@samverkan/accounts';
import { WebApp, isApiPath } from './web-app';

const STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.STORAGE_FULL]: 507,
};

/**
 * Errors on plain HTTP routes (health, pages, feeds, files) get the same codes
 * as GraphQL, as JSON `{ code, message }`; GraphQL errors pass through to Apollo.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  constructor(private readonly webApp?: WebApp) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const ctx = contextOf(req);
    const appError = exception instanceof AppError ? exception : fromPostgresError(exception);
    if (this.webApp && wantsHtml(req) && isUnknownRoute(exception) && !isApiPath(req.path)) {
      // The history fallback: an address no route answers opens the web application, which says "not found" in the reader's language.
      this.webApp.sendIndex(res, 404);
      return;
    }
    if (wantsHtml(req) && (appError || (exception instanceof HttpException && exception.getStatus() < 500))) {
      // A browser asking for a page: anonymous readers go to the sign-in form, other refusals get a page in their language.
      if (appError?.code === ErrorCode.UNAUTHENTICATED) {
        res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      const locale = pageLocale(req, ctx);
      const status = appError ? (STATUS[appError.code] ?? 400) : (exception as HttpException).getStatus();
      const message = appError ? appError.localized(locale) : (messageFor(status === 404 ? 'common.pageNotFound' : 'common.badRequest')?.[locale] ?? '');
      sendPage(res, status, renderErrorPage(locale, status, message));
      return;
    }
    noteErrorCode(req, appError?.code ?? (exception instanceof HttpException && exception.getStatus() < 500 ? undefined : ErrorCode.INTERNAL_SERVER_ERROR));
    if (appError) {
      res.status(STATUS[appError.code] ?? 400).json({ code: appError.code, message: appError.localized(ctx?.locale ?? 'en') });
      return;
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      const code = Object.entries(STATUS).find(([, s]) => s === status)?.[0] ?? ErrorCode.BAD_USER_INPUT;
      res.status(status).json({ code, message: exception.message });
      return;
    }
    this.logger.error({ err: exception, requestId: ctx?.requestId }, 'Internal error on an HTTP route');
    res.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error', requestId: ctx?.requestId });
  }
}

/** Nest's answer when no controller has the route (not a handler's own 404 for an unknown id). */
function isUnknownRoute(exception: unknown): boolean {
  return exception instanceof NotFoundException && /^Cannot (GET|HEAD) /.test(exception.message);
}

/** A browser navigating to a page (not an API call or a script asking for JSON). */
function wantsHtml(req: Request): boolean {
  const accept = req.headers.accept ?? '';
  return (req.method === 'GET' || req.method === 'HEAD') && accept.includes('text/html');
}
