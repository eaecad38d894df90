'use strict';
// The chaos suite (npm run test:chaos): two real worker processes (the built
// dist/apps/worker/src/main.js, rebuilt first when sources are newer), a
// redis-server of our own, an in-process SMTP server and a database of our own.
// A batch of reminders with unique dedupe keys is owed; while they go out the
// suite SIGKILLs a worker mid-send again and again (CHAOS_KILLS, default 50),
// runs FLUSHALL, restarts Redis, and takes the SMTP server down for a while;
// PostgreSQL crashes and an API process riding them out: ./postgres-crash.js.
// Then it counts mails per dedupe key and prints
//   owed N, received N, lost 0, duplicates D
// and fails if anything was lost or a duplicate carries a different Message-ID.
//
// Environment: CHAOS_KILLS (50), CHAOS_MAILS (kills × 40), CHAOS_ADMIN_URL (a
// Postgres admin URL; default: the embedded Postgres under .data/chaos),
// CHAOS_STALL_S (60: after the chaos, give up when no mail has been sent for
// this long while mail is owed, and print what was owed and where it stopped).
//
// Redis, the workers and the Postgres (when started here) each run in a
// process group of their own, recorded in the test registry
// (test/harness/process-groups.js): a Ctrl-C, a SIGTERM from the test that
// started us, or a crash leaves none of them running.

const fs = require('node:fs');
const path = require('node:path');
const boot = require('../../scripts/lib/bootstrap');
const pgCrash = require('./postgres-crash');

const ROOT = path.resolve(__dirname, '..', '..');
const KILLS = Number(process.env.CHAOS_KILLS || 50);
const MAILS = Number(process.env.CHAOS_MAILS || KILLS * 40);
const STALL_S = Number(process.env.CHAOS_STALL_S || process.env.CHAOS_TIMEOUT_S || 60);
const SINK_DELAY_MS = Number(process.env.CHAOS_SINK_DELAY_MS || 60);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => process.stderr.write(`[chaos] ${line}\n`);
const random = (min, max) => min + Math.random() * (max - min);
// The workers are the built apps, which need Node 24 (Nest 12 is ESM-only; on
// Node 20 they crash at start): on an older Node, run again on the Node 24 of
// node_modules/.bin, whose process.execPath the workers then inherit.
const relaunched = boot.ensureNode24({ log });
const groups = require('../harness/process-groups');
const { RedisProcess } = require('./redis-process');
const { untilStalled } = require('../harness/progress');

// One build check for the whole project: the launcher's (dist/.build-stamp).
function ensureBuilt() {
  require('../../scripts/lib/bootstrap').ensureBuilt({ log });
  return path.join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
}

const freePort = () => require('../../scripts/lib/services').freePort();

// ------------------------------------------------------------------ SMTP
class Sink {
  constructor() {
    this.received = []; // { ref, messageId }
  }
  async start(port = 0) {
    const { SMTPServer } = require('smtp-server');
    const { simpleParser } = require('mailparser');
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 200,
      onData: (stream, _session, callback) => {
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('end', async () => {
          const parsed = await simpleParser(Buffer.concat(chunks));
          // Slow acceptance widens the window between "accepted" and "committed",
          // where a kill can cause a (same Message-ID) duplicate.
          await sleep(SINK_DELAY_MS);
          this.received.push({ ref: String(parsed.headers.get('x-samverkan-ref') || ''), messageId: parsed.messageId });
          callback();
        });
      },
    });
    // Killed workers reset their connections; that is the point, not an error.
    this.server.on('error', () => undefined);
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', resolve);
    });
    this.port = this.server.server.address().port;
    return this;
  }
  async stop() {
    await new Promise((resolve) => this.server.close(resolve));
  }
}

// ------------------------------------------------------------------ workers
class WorkerProcess {
  constructor(name, main, env) {
    this.name = name;
    this.main = main;
    this.env = env;
    this.starts = 0;
  }
  start() {
    this.starts += 1;
    this.readyAt = undefined;
    this.proc = groups.spawnGroup(process.execPath, [this.main], { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'], label: `${this.name} (chaos)` });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    const ready = new Promise((resolve) => {
      this.proc.stdout.on('data', (chunk) => {
        if (!this.readyAt && String(chunk).includes('worker running')) {
          this.readyAt = Date.now();
          resolve();
        }
      });
    });
    this.proc.stderr.on('data', (chunk) => {
      const text = String(chunk);
      if (/could not start|Error:/i.test(text)) {
        this.lastError = text.trim().slice(0, 500);
        log(`${this.name}: ${this.lastError}`);
      }
    });
    return ready;
  }
  async kill(signal = 'SIGKILL') {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.kill(signal);
    await this.exited;
  }
  describe() {
    const state = this.proc.exitCode !== null || this.proc.signalCode !== null ? `exited (${this.proc.exitCode ?? this.proc.signalCode})` : this.readyAt ? 'running' : 'starting';
    return `${this.name} pid ${this.proc.pid} ${state}, ${this.starts} starts${this.lastError ? `, last error: ${this.lastError.split('\n')[0]}` : ''}`;
  }
}

// ------------------------------------------------------------------ database
async function prepareDatabase() {
  const { Client } = require('pg');
  let adminUrl = process.env.CHAOS_ADMIN_URL;
  let pg;
  if (!adminUrl) {
    pg = await new pgCrash.CrashablePostgres({
      dataDir: path.join(ROOT, '.data', 'chaos'),
      port: Number(process.env.CHAOS_PG_PORT || (await freePort())),
      log,
      settings: { fsync: 'off' },
      spawn: (command, args, options) => groups.spawnGroup(command, args, { ...options, label: 'postgres (chaos)', stopSignal: 'SIGINT' }),
    }).start();
    adminUrl = pg.adminUrl;
  }
  const name = `chaos_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { DataSource } = require('typeorm');
  const { migrations } = require(path.join(ROOT, 'dist', 'prisma-free-schema', 'migrations'));
  const ds = new DataSource({ type: 'postgres', url: url.toString(), migrations, migrationsTableName: 'schema_migration' });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  return {
    url: url.toString(),
    crasher: pg,
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      if (pg) await pg.stop();
    },
  };
}

/** What is owed and where it stands, for a stall: outbox by status, oldest unsent, the processes. */
async function whereItStopped(sql, { owed, sent, total, workers, redis, sink }) {
  const { rows: statuses } = await sql.query(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status ORDER BY status`);
  const { rows: stuck } = await sql.query(
    `SELECT status, attempts, next_attempt_at, lease_until, last_error FROM mail_outbox WHERE status <> 'sent' ORDER BY created_at LIMIT 3`,
  );
  const { rows: notes } = await sql.query(`SELECT status, count(*)::int AS n FROM notification WHERE status <> 'sent' GROUP BY status ORDER BY status`);
  return [
    `owed: ${owed} notifications not sent (${notes.map((n) => `${n.status} ${n.n}`).join(', ') || 'none'}); outbox ${sent} of ${total} sent (${statuses.map((r) => `${r.status} ${r.n}`).join(', ') || 'empty'}); ${sink.received.length} mails received`,
    ...stuck.map((r) => `  unsent: ${r.status}, ${r.attempts} attempts, next ${r.next_attempt_at?.toISOString?.() ?? r.next_attempt_at}, lease ${r.lease_until?.toISOString?.() ?? r.lease_until ?? '-'}, last error ${r.last_error ?? '-'}`),
    ...workers.map((w) => `  ${w.describe()}`),
    `  redis-server pid ${redis.proc?.pid} ${redis.proc && redis.proc.exitCode === null && redis.proc.signalCode === null ? 'running' : 'not running'}; SMTP sink on port ${sink.port}`,
  ].join('\n');
}

async function main() {
  const started = Date.now();
  // Stopped by a signal (Ctrl-C, the test that started us giving up): end the
  // workers, Redis and Postgres first, then leave as killed by that signal.
  groups.endGroupsOnSignal({ log, graceMs: 3000 });
  log(`Node ${process.version}, ${KILLS} kills, ${MAILS} reminders, giving up after ${STALL_S} s without progress`);
  const workerMain = ensureBuilt();
  const db = await prepareDatabase();
  const { Client } = require('pg');
  const sql = pgCrash.resilientClient(db.url); // the suite's own queries wait out a PostgreSQL crash
  await sql.connect();
  const redis = new RedisProcess(await freePort(), path.join(ROOT, '.data', 'chaos', `redis-${process.pid}`), 'chaos');
  await redis.start();
  let sink = await new Sink().start();
  const sinkPort = sink.port;
  const workers = [];
  try {
    // The batch: one person and one owed reminder each, unique dedupe keys.
    await sql.query(
      `WITH p AS (
         INSERT INTO person (full_name, email, locale, time_zone)
         SELECT 'Chaos ' || i, 'chaos-' || i || '@example.test', (ARRAY['sv','da','en'])[1 + i % 3], 'Europe/Stockholm'
           FROM generate_series(1, $1) AS i RETURNING id)
       INSERT INTO notification (person_id, kind, subject_type, subject_id, due_at, dedupe_key, props)
       SELECT id, 'chaos.reminder', 'chaos', gen_random_uuid(), now() - interval '1 minute', 'chaos:' || id, jsonb_build_object('title', 'Chaos reminder')
         FROM p`,
      [MAILS],
    );
    log(`owed ${MAILS} reminders; starting 2 workers, ${KILLS} kills`);
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '6',
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      QUEUE_PREFIX: 'chaos',
      SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
      LOG_LEVEL: 'error',
      SWEEP_INTERVAL_SECONDS: '1',
      MAIL_LEASE_SECONDS: '3',
      MAIL_RETRY_BASE_SECONDS: '0.5',
      MAIL_RETRY_MAX_SECONDS: '2',
      MAIL_MAX_ATTEMPTS: '100',
      MAIL_SEND_CONCURRENCY: '4',
      MAIL_POOL_SIZE: '4',
    };
    workers.push(new WorkerProcess('worker-a', workerMain, env), new WorkerProcess('worker-b', workerMain, env));
    await Promise.all(workers.map((w) => w.start()));
    const pgChaos = await pgCrash.begin({ db, env, kills: KILLS, log, sql });

    const flushAt = Math.floor(KILLS / 3);
    const smtpDownAt = Math.floor(KILLS / 2);
    const restartRedisAt = Math.floor((2 * KILLS) / 3);
    let killedMidSend = 0;
    for (let i = 0; i < KILLS; i++) {
      const worker = workers[i % 2];
      if (!worker.readyAt) await Promise.race([new Promise((r) => worker.proc.stdout.once('data', r)), sleep(10_000)]);
      await sleep(random(200, 900));
      const before = sink.received.length;
      const [{ sending }] = (await sql.query(`SELECT count(*)::int AS sending FROM mail_outbox WHERE status = 'sending'`)).rows;
      if (sending > 0) killedMidSend += 1;
      await worker.kill('SIGKILL');
      void worker.start();
      if (i === flushAt) {
        log('FLUSHALL');
        await redis.flushall();
      }
      if (i === smtpDownAt) {
        log('SMTP server down for 3 s');
        await sink.stop();
        await sleep(3000);
        const received = sink.received;
        sink = await new Sink().start(sinkPort);
        sink.received = received;
        log('SMTP server back');
      }
      if (i === restartRedisAt) {
        log('Redis restart (FLUSHALL, kill, start again: everything in it is gone)');
        await redis.flushall();
        await redis.stop();
        await sleep(1000);
        await redis.start();
      }
      await pgChaos.round(i);
      if ((i + 1) % Math.max(1, Math.floor(KILLS / 10)) === 0) log(`${i + 1} kills, ${sink.received.length} mails received (${before} before the last kill)`);
    }
    log(`chaos over after ${Math.round((Date.now() - started) / 1000)} s (${killedMidSend} kills with mail in flight); waiting for the rest`);
    await Promise.all(workers.filter((w) => !w.readyAt).map((w) => Promise.race([new Promise((r) => w.proc.stdout.once('data', r)), sleep(10_000)])));
    // Wait while mail keeps going out; give up only when nothing moved for STALL_S.
    let lastReport = 0;
    try {
      await untilStalled(
        async () => {
          const { rows } = await sql.query(`SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*)::int AS total FROM mail_outbox`);
          const [{ owed }] = (await sql.query(`SELECT count(*) FILTER (WHERE status <> 'sent')::int AS owed FROM notification`)).rows;
          const { sent, total } = rows[0];
          if (Date.now() - lastReport > 5000) {
            lastReport = Date.now();
            log(`sent ${sent} of ${total} in the outbox, ${owed} notifications owed, ${sink.received.length} mails received`);
          }
          return {
            done: owed === 0 && sent === total,
            progress: [sent, total, owed, sink.received.length],
            status: await whereItStopped(sql, { owed, sent, total, workers, redis, sink }),
          };
        },
        { stallMs: STALL_S * 1000, intervalMs: 500, what: `the last of ${MAILS} reminders to be sent (CHAOS_STALL_S=${STALL_S})` },
      );
    } catch (error) {
      log(`gave up waiting: ${error.message}`);
    }
    await sleep(1500); // let a last in-flight duplicate land before counting

    // Count per dedupe key (the header carries the outbox key "n:<notification id>").
    const { rows: keys } = await sql.query(`SELECT 'n:' || id AS ref, dedupe_key FROM notification`);
    const byRef = new Map(keys.map((k) => [k.ref, k.dedupe_key]));
    const perKey = new Map();
    let strangers = 0;
    for (const mail of sink.received) {
      const key = byRef.get(mail.ref);
      if (!key) {
        strangers += 1;
        continue;
      }
      const list = perKey.get(key) || [];
      list.push(mail.messageId);
      perKey.set(key, list);
    }
    const owedCount = keys.length;
    const received = perKey.size;
    const lost = owedCount - received;
    let duplicates = 0;
    let mismatched = 0;
    for (const ids of perKey.values()) {
      duplicates += ids.length - 1;
      if (new Set(ids).size > 1) mismatched += 1;
    }
    const { rows: statuses } = await sql.query(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status ORDER BY status`);
    log(`outbox: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}; worker starts: ${workers.map((w) => w.starts).join(' + ')}; ${Math.round((Date.now() - started) / 1000)} s`);
    const pgResult = await pgChaos.end();
    log(pgResult.line);
    for (const problem of pgResult.problems) process.stdout.write(`${problem}\n`);
    process.stdout.write(`owed ${owedCount}, received ${received}, lost ${lost}, duplicates ${duplicates}\n`);
    if (mismatched > 0) process.stdout.write(`${mismatched} dedupe keys were received with different Message-IDs\n`);
    if (strangers > 0) process.stdout.write(`${strangers} mails had no known dedupe key\n`);
    process.exitCode = lost > 0 || mismatched > 0 || strangers > 0 || !pgResult.ok ? 1 : 0;
  } finally {
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    await sql.end();
    await sink.stop().catch(() => undefined);
    await redis.stop();
    fs.rmSync(redis.dir, { recursive: true, force: true });
    await db.drop();
  }
}

if (!relaunched) {
  main().catch((error) => {
    log(error && error.stack ? error.stack : String(error));
    process.exitCode = 1;
  });
}
