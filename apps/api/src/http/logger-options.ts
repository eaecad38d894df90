import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { AppConfig, errorCodesOf, logStream } from '@samverkan/core';

type Req = IncomingMessage & { id?: string; originalUrl?: string; body?: { operationName?: unknown } };

function operationName(req: Req): string | undefined {
  const name = req.body?.operationName;
  return typeof name === 'string' && name ? name.slice(0, 100) : undefined;
}

/** `POST /graphql CreateMeeting 200 12 ms BAD_USER_INPUT`: what a person reading the terminal needs. */
export function requestLine(req: Req, res: ServerResponse, ms: number): string {
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0].slice(0, 200);
  const op = operationName(req);
  const codes = errorCodesOf(req as unknown as Request);
  return `${req.method} ${path}${op ? ` ${op}` : ''} ${res.statusCode} ${ms} ms${codes.length ? ` ${codes.join(' ')}` : ''}`;
}

/**
 * One log entry per request (method, path, operation, status, time and the
 * error codes it answered with), as JSON or as a readable line (LOG_FORMAT,
 * `chooseLogFormat`). A request that was refused is a warning, one that failed
 * an error, so a terminal shows them in colour.
 */
export function loggerOptions(config: AppConfig): Params {
  const options: Options = {
    level: config.LOG_LEVEL,
    genReqId: (req: IncomingMessage) => (req as Req).id ?? 'unknown',
    customProps: (req: IncomingMessage) => {
      const op = operationName(req as Req);
      const codes = errorCodesOf(req as unknown as Request);
      return { ...(op ? { operationName: op } : {}), ...(codes.length ? { errorCodes: codes } : {}) };
    },
    customLogLevel: (req, res, error) => {
      const codes = errorCodesOf(req as unknown as Request);
      if (error || res.statusCode >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) return 'error';
      return res.statusCode >= 400 || codes.length ? 'warn' : 'info';
    },
    customSuccessMessage: (req, res, ms) => requestLine(req as Req, res, ms),
    // pino-http passes the response time as a fourth argument its typings leave out.
    customErrorMessage: ((req: Req, res: ServerResponse, _error: Error, ms: number) => requestLine(req, res, ms)) as Options['customErrorMessage'],
    autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
    },
  };
  const stream = logStream(config);
  return { pinoHttp: stream ? [options, stream] : options };
}
