'use strict';
// PostgreSQL crashes for the chaos suite (npm run test:chaos).
//
// The suite's own embedded PostgreSQL is crashed while mail is in flight —
// alternately an immediate shutdown (SIGQUIT to the postmaster: no checkpoint,
// crash recovery at the next start) and a SIGKILL of the postmaster (its
// backends notice and exit) — and started again on the same port and data
// folder after a short outage. The workers and the API are left alone: they
// must ride it out (jobs fail and are retried, the sweep re-queues what is
// owed, health turns not-ready and back).
//
//   CHAOS_PG_CRASHES   how many crashes (default: 40 % of CHAOS_KILLS, at least 3:
//                      20 in the full run, 4 in the CI-sized one)
//
// Also: a pg client for the suite's own bookkeeping that reconnects when the
// server is gone, and a probe that records /health/ready of an API process.

const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const services = () => require(path.join(ROOT, 'scripts', 'lib', 'services'));

/** Which of the suite's kill rounds (0 … kills-1) also crash PostgreSQL: spread evenly, never the first. */
function crashRounds(kills, crashes = Number(process.env.CHAOS_PG_CRASHES || Math.max(3, Math.round(kills * 0.4)))) {
  const rounds = new Set();
  if (crashes <= 0 || kills <= 0) return rounds;
  const n = Math.min(crashes, kills);
  for (let i = 0; i < n; i++) rounds.add(Math.min(kills - 1, 1 + Math.floor((i * (kills - 1)) / n)));
  return rounds;
}

/** The suite's embedded PostgreSQL, with crash(): kill it the hard way and start it again. */
class CrashablePostgres {
  constructor(options) {
    this.options = options; // { dataDir, port, log, settings }
    this.crashes = 0;
    this.downMs = [];
  }

  async start() {
    this.pg = await services().startPostgres({ ...this.options, log: this.options.quiet ? () => undefined : this.options.log });
    this.options.port = this.pg.port;
    return this;
  }

  get adminUrl() {
    return this.pg.adminUrl;
  }

  /** Crash number n: even ones immediate shutdown (SIGQUIT), odd ones SIGKILL of the postmaster. Resolves once it accepts connections again. */
  async crash(outageMs = 500 + Math.random() * 1500) {
    const signal = this.crashes % 2 === 0 ? 'SIGQUIT' : 'SIGKILL';
    const downAt = Date.now();
    try {
      process.kill(this.pg.pid, signal);
    } catch {
      /* already gone */
    }
    await this.pg.exited;
    this.crashes += 1;
    await sleep(outageMs);
    // Same port, same data folder: the clients' DATABASE_URL stays right. Postgres recovers from its WAL.
    this.options.quiet = true;
    await this.start();
    this.downMs.push(Date.now() - downAt);
    return signal === 'SIGQUIT' ? 'immediate shutdown' : 'SIGKILL of the postmaster';
  }

  stop() {
    return this.pg.stop();
  }
}

const CONNECTION_GONE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08003', '08001']);

function isConnectionError(error) {
  return Boolean(error) && (CONNECTION_GONE.has(error.code) || /Connection terminated|Client has encountered a connection error|not queryable|timeout expired/i.test(error.message || ''));
}

/** A pg client whose query() waits for the server to come back (up to timeoutMs) instead of failing. */
function resilientClient(url, timeoutMs = 120000) {
  const { Client } = require('pg');
  let client = null;
  const open = async () => {
    const c = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    c.on('error', () => {
      if (client === c) client = null;
    });
    await c.connect();
    client = c;
    return c;
  };
  return {
    async connect() {
      await open();
    },
    async query(text, params) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          return await (client || (await open())).query(text, params);
        } catch (error) {
          if (!isConnectionError(error) || Date.now() > deadline) throw error;
          const dead = client;
          client = null;
          if (dead) dead.end().catch(() => undefined);
          await sleep(200);
        }
      }
    },
    async end() {
      if (client) await client.end().catch(() => undefined);
      client = null;
    },
  };
}

/**
 * Polls an API's /health/ready every 100 ms and counts transitions, so the
 * suite can say the API turned not-ready during a crash and ready again.
 */
function readinessProbe(baseUrl) {
  let stopped = false;
  const seen = { ready: 0, notReady: 0, wentDown: 0, cameBack: 0, last: null };
  const loop = (async () => {
    while (!stopped) {
      const ok = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) seen.ready += 1;
      else seen.notReady += 1;
      if (seen.last === true && !ok) seen.wentDown += 1;
      if (seen.last === false && ok) seen.cameBack += 1;
      seen.last = ok;
      await sleep(100);
    }
  })();
  return {
    seen,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/**
 * The suite's hook: starts an API process beside the workers (same database,
 * Redis and SMTP) with a readiness probe, and crashes PostgreSQL in the rounds
 * crashRounds picks. `end()` stops the API and says whether everything rode it out.
 */
async function begin({ db, env, kills, log, sql }) {
  // Its own process group in the test registry, like the workers: never left running.
  const { spawnGroup } = require('../harness/process-groups');
  if (!db.crasher) {
    log('CHAOS_ADMIN_URL is set: that PostgreSQL is not ours (others may use it), so it is not crashed');
    return { planned: 0, round: async () => undefined, end: async () => ({ line: 'postgres crashes 0 (CHAOS_ADMIN_URL)', ok: true, problems: [] }) };
  }
  const rounds = crashRounds(kills);
  const port = await services().freePort();
  const api = spawnGroup(process.execPath, [path.join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
    label: 'api (chaos)',
  });
  let apiExit = null;
  api.on('exit', (code, signal) => (apiExit = signal || code));
  process.once('exit', () => apiExit === null && api.kill('SIGKILL')); // never left behind when the suite fails
  api.stderr.on('data', (chunk) => {
    const text = String(chunk);
    if (process.env.CHAOS_DEBUG || /could not start|Error:/i.test(text)) log(`api: ${text.trim().slice(0, 300)}`);
  });
  // A loaded machine boots slowly: wait as long as the process lives (CHAOS_API_BOOT_S caps it, default 600).
  const booted = new AbortController();
  api.once('exit', () => booted.abort());
  try {
    await services().waitForHttp(`http://127.0.0.1:${port}/health/ready`, Number(process.env.CHAOS_API_BOOT_S || 600) * 1000, { signal: booted.signal });
  } catch (error) {
    api.kill('SIGKILL');
    throw new Error(`the API process did not become ready (${apiExit === null ? error.message : `it exited: ${apiExit}`})`);
  }
  log(`API process ready on port ${port}; PostgreSQL will crash ${rounds.size} times`);
  const probe = readinessProbe(`http://127.0.0.1:${port}`);
  const kinds = [];
  let inFlight = 0;
  return {
    planned: rounds.size,
    async round(i) {
      if (!rounds.has(i)) return;
      const [{ unsent }] = (await sql.query(`SELECT count(*)::int AS unsent FROM mail_outbox WHERE status <> 'sent'`)).rows;
      if (unsent > 0) inFlight += 1;
      const kind = await db.crasher.crash();
      kinds.push(kind);
      log(`PostgreSQL crash ${kinds.length}/${rounds.size} (${kind}, ${unsent} outbox rows not sent yet); back after ${db.crasher.downMs[db.crasher.downMs.length - 1]} ms`);
    },
    /** After the mail has settled: the API must still be the same process, and ready. */
    async end() {
      let readyAgain = false;
      try {
        if (apiExit === null) await services().waitForHttp(`http://127.0.0.1:${port}/health/ready`, 120000);
        readyAgain = true;
      } catch {
        /* reported below */
      }
      await probe.stop();
      const apiAlive = apiExit === null;
      if (apiAlive) {
        api.kill('SIGTERM');
        await new Promise((resolve) => api.once('exit', resolve));
      }
      const { seen } = probe;
      const crashes = kinds.length;
      const immediate = kinds.filter((k) => k === 'immediate shutdown').length;
      const problems = [];
      if (crashes < rounds.size) problems.push(`only ${crashes} of ${rounds.size} crashes happened`);
      if (!apiAlive) problems.push(`the API exited (${apiExit}) and would need a restart by hand`);
      if (!readyAgain) problems.push('the API did not report ready again');
      if (crashes > 0 && seen.wentDown === 0) problems.push('the API never reported not-ready while PostgreSQL was down');
      const line = `postgres crashes ${crashes} (${immediate} immediate shutdown, ${crashes - immediate} SIGKILL; ${inFlight} with mail in the outbox not sent yet), api not-ready ${seen.wentDown} times and ready again ${seen.cameBack} times`;
      return { line, ok: problems.length === 0, problems };
    },
  };
}

module.exports = { begin, crashRounds, CrashablePostgres, resilientClient, readinessProbe, isConnectionError };
