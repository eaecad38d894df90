import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { INestApplication, Type, ValidationError } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { json, urlencoded } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, BadInputError, ErrorCode, InputValidationPipe, contextOf, describeValidationErrors, messageFor, interpolate, noteErrorCode, requestContextMiddleware, requestScopeMiddleware } from '@samverkan/core';
import { PublicRegisterService } from '@samverkan/public-register';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './http/http-error.filter';
import { WebApp } from './http/web-app';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The server-rendered pages (report pages, mail-action pages, GraphiQL) load
 * scripts and styles only from this origin; forms post only here; no framing.
 */
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
};

/** Builds the API application; `main.ts` and the e2e tests both use it. */
export async function createApiApp(
  overrides: Record<string, string | undefined> = {},
  extraModules: Type[] = [],
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(overrides, extraModules), {
    bufferLogs: true,
    bodyParser: false,
  });
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  // An idle kept-alive connection is closed by the client or the proxy in front, not by us: a server that closes
  // first (Node's default is 5 s) races a request the client is sending on that socket, which then fails with
  // ECONNRESET; seen on a loaded machine. 65 s is longer than undici's 4 s and the 60 s of nginx or a cloud balancer.
  const server = app.getHttpServer() as HttpServer;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  app.set('trust proxy', 'loopback');
  // Plain http is for local development only: upgrading its requests to https would break the pages there.
  const upgrade = config.NODE_ENV === 'production' ? { upgradeInsecureRequests: [] } : { upgradeInsecureRequests: null };
  app.use(helmet({ contentSecurityPolicy: { directives: { ...contentSecurityPolicy, ...upgrade } } }));
  // Browser apps on other origins only where configured; same-origin pages need nothing.
  const origins = config.CORS_ORIGINS?.split(',');
  if (origins) app.enableCors({ origin: origins, credentials: true, maxAge: 600 });
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    req.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', req.id);
    next();
  });
  app.use(requestContextMiddleware(config.DEFAULT_LOCALE));
  // The web application's files and addresses (GET only, before any body is read).
  const webApp = new WebApp();
  const registers = app.get(PublicRegisterService);
  webApp.gate({ route: /^\/public\/commissions\/([^/]+)$/, open: (match) => registers.isPublished(match[1]) });
  app.use(webApp.middleware);
  app.use(refusingBodyParser(json({ limit: config.HTTP_BODY_LIMIT }), config.HTTP_BODY_LIMIT));
  app.use(refusingBodyParser(urlencoded({ limit: '100kb', extended: false }), '100kb'));
  app.use(requestScopeMiddleware);
  app.useGlobalPipes(
    new InputValidationPipe({
      transform: true,
      whitelist: true,
      forbidUnknownValues: false,
      // The targets let the messages read each rule's own arguments (the 200 of a MaxLength).
      validationError: { target: true },
      exceptionFactory: (errors: ValidationError[]) => {
        const { text, fields, problems } = describeValidationErrors(errors);
        return new BadInputError('common.invalidInput', { details: text }, { fields, problems });
      },
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter(webApp));
  app.enableShutdownHooks();
  return app;
}

/**
 * A body parser whose refusals (a body over the limit, JSON that does not parse,
 * an unknown charset) answer in the API's shapes and the reader's language:
 * on /graphql `{"errors":[{"message","extensions":{"code"}}]}` as every GraphQL
 * refusal, elsewhere `{ code, message }` as the other HTTP routes.
 */
function refusingBodyParser(parser: RequestHandler, limit: string): RequestHandler {
  return (req, res, next) =>
    parser(req, res, (error?: unknown) => {
      if (!error) return next();
      const failure = error as { status?: number; type?: string };
      const status = failure.status === 413 ? 413 : failure.status === 415 ? 415 : 400;
      const key = status === 413 ? 'http.bodyTooLarge' : status === 415 ? 'http.unsupportedCharset' : 'http.malformedBody';
      const locale = contextOf(req)?.locale ?? 'sv';
      const message = interpolate(messageFor(key)![locale], { limit });
      res.status(status);
      noteErrorCode(req, ErrorCode.BAD_USER_INPUT);
      if (req.path === '/graphql') res.json({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
      else res.json({ code: ErrorCode.BAD_USER_INPUT, message });
    });
}
