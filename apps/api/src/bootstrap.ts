import { randomUUID } from 'node:crypto';
import { INestApplication, Type, ValidationError } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, BadInputError, InputValidationPipe, requestContextMiddleware } from '@samverkan/core';
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
  app.use(requestContextMiddleware);
  const webApp = new WebApp();
  app.use(webApp.middleware);
  app.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.useGlobalPipes(
    new InputValidationPipe({
      transform: true,
      whitelist: true,
      forbidUnknownValues: false,
      exceptionFactory: (errors: ValidationError[]) => new BadInputError('common.invalidInput', { details: describe(errors) }, { fields: fields(errors) }),
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter(webApp));
  app.enableShutdownHooks();
  return app;
}

function describe(errors: ValidationError[], prefix = ''): string {
  return errors
    .flatMap((error) => {
      const path = `${prefix}${error.property}`;
      const own = Object.values(error.constraints ?? {}).map((message) => message.replace(error.property, path));
      return [...own, describe(error.children ?? [], `${path}.`)].filter(Boolean);
    })
    .join('; ');
}

function fields(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => [
    ...(error.constraints ? [`${prefix}${error.property}`] : []),
    ...fields(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}
