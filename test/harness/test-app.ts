import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INestApplication, Type } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { scaled } from './progress';
import { SmtpSink } from './smtp-sink';
import { withDatabase } from './template';

export interface GqlResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions: { code: string; [key: string]: unknown } }[];
  extensions?: { sqlStatements?: number };
}

/** A test file's own database, cloned from the migrated template. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const adminUrl = process.env.SAMVERKAN_TEST_ADMIN_URL!;
  const template = process.env.SAMVERKAN_TEST_TEMPLATE!;
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  return {
    name,
    url: withDatabase(adminUrl, name),
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestApp {
  app: INestApplication;
  url: string;
  db: DataSource;
  smtp: SmtpSink;
  config: Record<string, string>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: { token?: string; headers?: Record<string, string> }): Promise<GqlResponse<T>>;
  http(pathname: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Boots the real API on a random port over its own database, the shared test
 * Redis (with its own queue prefix) and its own in-process SMTP server.
 */
export async function startTestApp(overrides: Record<string, string> = {}, extraModules: Type[] = []): Promise<TestApp> {
  const database = await createTestDatabase();
  const smtp = await new SmtpSink().start();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samverkan-test-'));
  const config: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '5',
    // A loaded machine (CI beside other work) may keep a request waiting for a connection longer than production's 10 s.
    DATABASE_CONNECT_TIMEOUT_MS: String(scaled(60_000)),
    REDIS_URL: process.env.SAMVERKAN_TEST_REDIS_URL!,
    QUEUE_PREFIX: database.name,
    SMTP_URL: smtp.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    EXPOSE_STATEMENT_COUNT: 'true',
    // Suites sign their actors in once; on a loaded machine a suite (the access matrix) outlasts the 15-minute default.
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    ...overrides,
  };
  const app = await createApiApp(config, extraModules);
  // PORT 0 picks a free port; a test that follows links in mail gives a port (see `freePort`) so PUBLIC_URL is known at boot.
  await app.listen(Number(config.PORT), '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  config.PUBLIC_URL ??= url;
  const db = app.get(DataSource);
  return {
    app,
    url,
    db,
    smtp,
    config,
    async gql(query, variables, options = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GqlResponse<any>;
    },
    http(pathname, init) {
      return fetch(`${url}${pathname}`, init);
    },
    async close() {
      await app.close();
      await smtp.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A TCP port free right now, for a test app whose mail must carry its own address. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the app on a known port with PUBLIC_URL pointing at it, so links in mail lead back to it. */
export async function startTestAppWithLinks(overrides: Record<string, string> = {}, extraModules: Type[] = []): Promise<TestApp> {
  const port = await freePort();
  return startTestApp({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...overrides }, extraModules);
}
