import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AppError, ErrorCode, contextOf, fromPostgresError } from '@samverkan/core';

const STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
};

/**
 * Errors on plain HTTP routes (health, pages, feeds, files) get the same codes
 * as GraphQL, as JSON `{ code, message }`; GraphQL errors pass through to Apollo.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const ctx = contextOf(req);
    const appError = exception instanceof AppError ? exception : fromPostgresError(exception);
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
