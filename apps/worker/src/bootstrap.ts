import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** Builds and starts the worker; `main.ts`, the e2e tests and the chaos suite use it. */
export async function createWorker(overrides: Record<string, string | undefined> = {}, extraModules: Type[] = []): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(overrides, extraModules), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  return app;
}
