import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '@samverkan/core';

/** JSON logs with the request id and, for GraphQL, the operation name. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? 'unknown',
      customProps: (req: IncomingMessage) => {
        const name = (req as IncomingMessage & { body?: { operationName?: unknown } }).body?.operationName;
        return typeof name === 'string' ? { operationName: name.slice(0, 100) } : {};
      },
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      },
    },
  };
}
