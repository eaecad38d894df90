'use strict';
// The servers the benchmark runs against: its own embedded PostgreSQL under
// .data/bench (or the server BENCH_ADMIN_URL names), a Redis of its own for the
// mail run, the compiled app (dist/), and PostGraphile installed under bench/.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const services = require('../../scripts/lib/services');
const bootstrap = require('../../scripts/lib/bootstrap');
const config = require('./config');

const say = (line) => process.stderr.write(`[bench] ${line}\n`);

/** Settings for the bench server; generation additionally turns durability off (the data set is rebuilt, never recovered). */
const RUN_SETTINGS = { shared_buffers: '256MB', effective_cache_size: '1GB', work_mem: '16MB', max_connections: '100' };
const LOAD_SETTINGS = { ...RUN_SETTINGS, fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', maintenance_work_mem: '512MB', max_wal_size: '8GB', checkpoint_timeout: '30min' };

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A PostgreSQL to use: BENCH_ADMIN_URL (any server; the bench makes its own
 * databases there) or the embedded one on BENCH_PG_PORT under .data/bench.
 * Resolves to { adminUrl, url(database), stop() }.
 */
async function startPostgres({ loading = false } = {}) {
  if (process.env.BENCH_ADMIN_URL) {
    const adminUrl = process.env.BENCH_ADMIN_URL;
    return { adminUrl, url: (db) => withDatabase(adminUrl, db), stop: async () => {}, embedded: false };
  }
  const pg = await services.startPostgres({
    dataDir: config.dataDir,
    port: config.pgPort,
    database: 'postgres',
    log: say,
    settings: loading ? LOAD_SETTINGS : RUN_SETTINGS,
  });
  return { adminUrl: pg.adminUrl, url: (db) => withDatabase(pg.adminUrl, db), stop: () => pg.stop(), embedded: true, pid: pg.pid };
}

/** A Redis for the worker in the mail run: BENCH_REDIS_URL, or a redis-server of our own. */
async function startRedis() {
  if (process.env.BENCH_REDIS_URL) return { url: process.env.BENCH_REDIS_URL, stop: async () => {} };
  return services.ensureRedis({ dataDir: config.dataDir, own: true, log: say });
}

/** Compiles the app when sources changed (the benchmark runs dist/, as production does). */
function ensureBuilt() {
  bootstrap.ensureBuilt({ log: say });
}

/**
 * PostGraphile v5 is the benchmark's own dependency (bench/package.json), not
 * the app's: installed here on first use with npm install --prefix bench.
 */
function ensureBenchDependencies() {
  const marker = path.join(config.BENCH_DIR, 'node_modules', '.package-lock.json');
  const stale = (file) => fs.existsSync(file) && (!fs.existsSync(marker) || fs.statSync(file).mtimeMs > fs.statSync(marker).mtimeMs);
  const pkg = path.join(config.BENCH_DIR, 'package.json');
  const lock = path.join(config.BENCH_DIR, 'package-lock.json');
  if (fs.existsSync(path.join(config.BENCH_DIR, 'node_modules', 'postgraphile', 'package.json')) && !stale(pkg) && !stale(lock)) return;
  say('installing the benchmark\'s own dependencies (PostGraphile v5): npm install --prefix bench');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--prefix', config.BENCH_DIR, '--no-audit', '--no-fund'], {
    cwd: config.ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) {
    throw new services.SetupError(`npm install --prefix bench failed (exit ${r.status}): check the network and run it yourself`);
  }
  if (fs.existsSync(marker)) {
    const t = new Date();
    fs.utimesSync(marker, t, t);
  }
}

/** The project's own migrations from dist/ (the same list the CLI runs). */
async function migrate(url) {
  const { DataSource } = require('typeorm');
  const { migrations } = require(path.join(config.ROOT, 'dist', 'prisma-free-schema', 'migrations', 'index.js'));
  const dataSource = new DataSource({ type: 'postgres', url, migrations, migrationsTableName: 'schema_migration', logging: ['error'] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

module.exports = { migrate, say, startPostgres, startRedis, ensureBuilt, ensureBenchDependencies, withDatabase, SetupError: services.SetupError, freePort: services.freePort, waitForHttp: services.waitForHttp };
