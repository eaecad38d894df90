// Starts what every test file shares: one PostgreSQL (embedded unless
// TEST_DATABASE_URL is given) holding a migrated template database, and one
// Redis of our own. Each test file then clones its own database from the template.
import path from 'node:path';
import { migrateTemplate } from './template';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../scripts/lib/services');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const groups = require('./process-groups');

/** spawn() for Postgres and Redis: a process group of their own, in the registry, so no outcome leaves them running. */
const spawnIn =
  (label: string, stopSignal: string) =>
  (command: string, args: string[], options: Record<string, unknown>) =>
    groups.spawnGroup(command, args, { ...options, label, stopSignal });

export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  // The boot and chaos tests run the compiled apps: build once, before any file starts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../scripts/lib/bootstrap').ensureBuilt({ log: (line: string) => process.stderr.write(`[test] ${line}\n`) });
  const dataDir = path.join(root, '.data', 'test');
  const log = (line: string) => process.stderr.write(`[test] ${line}\n`);
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    // A free port unless one is given, so two checkouts (or a running npm start) never collide.
    const pg = await services.startPostgres({
      dataDir,
      port: process.env.TEST_PG_PORT ? Number(process.env.TEST_PG_PORT) : await services.freePort(),
      log,
      // Postgres' fast shutdown: clients are disconnected, nothing waits for them.
      spawn: spawnIn('postgres (tests)', 'SIGINT'),
    });
    (globalThis as Record<string, unknown>).__SAMVERKAN_PG__ = pg;
    adminUrl = pg.adminUrl as string;
  }
  let redisUrl = process.env.TEST_REDIS_URL;
  if (!redisUrl) {
    const redis = await services.ensureRedis({ dataDir, port: await services.freePort(), log, own: true, spawn: spawnIn('redis-server (tests)', 'SIGTERM') });
    (globalThis as Record<string, unknown>).__SAMVERKAN_REDIS__ = redis;
    redisUrl = redis.url as string;
  }
  process.env.SAMVERKAN_TEST_ADMIN_URL = adminUrl;
  process.env.SAMVERKAN_TEST_TEMPLATE = await migrateTemplate(adminUrl, root);
  process.env.SAMVERKAN_TEST_REDIS_URL = redisUrl;
}
