'use strict';
// npm start: the whole system on one machine.
//   install (if needed) → Node 24 → build (if needed) → embedded Postgres
//   (unless DATABASE_URL) → Redis (unless REDIS_URL) → migrate → seed →
//   API + worker → wait for /health/ready → print where things are.
// Ctrl-C / SIGTERM stops everything in reverse order and exits 0.

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const boot = require('./lib/bootstrap');

const ROOT = boot.ROOT;
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const say = (msg) => process.stderr.write(`${paint('2', '[start]')} ${msg}\n`);
const fatalLine = (msg) => process.stderr.write(`${paint('31', '[start] ✖')} ${msg}\n`);

for (const s of [process.stdout, process.stderr]) s.on('error', () => {}); // e.g. EPIPE when piped into head

function describeError(err) {
  return err && err.code === 'ESETUP' ? err.message : (err && err.stack) || String(err);
}

try {
  boot.ensureInstalled({ log: say });
} catch (err) {
  fatalLine(describeError(err));
  process.exit(1);
}
if (!boot.ensureNode24({ log: say })) {
  main().catch((err) => {
    fatalLine(describeError(err));
    process.exit(1);
  });
}

async function main() {
  const services = require('./lib/services');
  const { SetupError } = services;

  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new SetupError(`PORT=${process.env.PORT} is not a port number`);
  if (await services.portInUse(port)) {
    throw new SetupError(`port ${port} is already in use (is an earlier npm start still running?): stop that program or start with another port, e.g. PORT=${port + 1} npm start`);
  }

  boot.ensureBuilt({ log: say });
  const dist = (p) => path.join(ROOT, 'dist', 'apps', p, 'src', 'main.js');
  const entry = { api: dist('api'), worker: dist('worker'), cli: dist('cli') };
  for (const [name, file] of Object.entries(entry)) {
    if (!fs.existsSync(file)) throw new SetupError(`the build has no ${path.relative(ROOT, file)} (${name}): run npm run build and check apps/${name}/src/main.ts exists`);
  }

  const dataDir = path.resolve(process.env.DATA_DIR || path.join(ROOT, '.data'));
  fs.mkdirSync(dataDir, { recursive: true });
  const smtpUrl = process.env.SMTP_URL || '';
  const mailDir = path.join(dataDir, 'mail');
  if (!smtpUrl) fs.mkdirSync(mailDir, { recursive: true });

  // ------------------------------------------------------------ shutdown
  const children = new Set(); // { name, proc, exited }
  let pg = null;
  let redis = null;
  let stopping = false;

  async function terminate(c) {
    if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
    const kill = (sig) => {
      try {
        process.kill(-c.proc.pid, sig); // its process group (detached)
      } catch {
        try {
          c.proc.kill(sig);
        } catch {
          /* gone */
        }
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => {
      say(`${c.name} did not stop within 10 s; killing it`);
      kill('SIGKILL');
    }, 10000);
    await c.exited;
    clearTimeout(timer);
  }

  async function shutdown(code, why) {
    if (stopping) return;
    stopping = true;
    if (why) (code ? fatalLine : say)(why);
    const anything = children.size > 0 || pg || (redis && redis.started);
    if (anything) say('stopping…');
    await Promise.all([...children].map(terminate));
    if (redis) await redis.stop().catch((e) => say(`stopping Redis: ${e.message}`));
    if (pg) await pg.stop().catch((e) => say(`stopping Postgres: ${e.message}`));
    if (anything) say('stopped');
    process.exit(code);
  }

  let stopRequestedAt = 0;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      // The same Ctrl-C can arrive twice (terminal + forwarding parent).
      if (stopping) {
        if (Date.now() - stopRequestedAt > 1000) say(`got ${sig}; still stopping…`);
      } else {
        stopRequestedAt = Date.now();
        shutdown(0, `got ${sig}`);
      }
    });
  }

  // Give every failure from here on a clean stop.
  try {
    // ---------------------------------------------------------- services
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      say('DATABASE_URL is not set: starting the embedded PostgreSQL');
      pg = await services.startPostgres({
        dataDir,
        port: Number(process.env.PG_PORT || 54329),
        detached: true,
        log: say,
      });
      databaseUrl = pg.url;
      pg.exited.then((r) => shutdown(1, `Postgres exited unexpectedly (${r.signal || `code ${r.code}`}); see ${pg.logFile}`));
    }
    if (stopping) return;
    let redisUrl = process.env.REDIS_URL;
    if (!redisUrl) {
      redis = await services.ensureRedis({
        dataDir,
        port: process.env.REDIS_PORT ? Number(process.env.REDIS_PORT) : undefined,
        own: false,
        detached: true,
        log: say,
      });
      redisUrl = redis.url;
      if (redis.started) {
        say(`started redis-server on ${redisUrl}`);
        redis.exited.then((r) => shutdown(1, `redis-server exited unexpectedly (${r.signal || `code ${r.code}`}); see ${redis.logFile}`));
      }
    }
    if (stopping) return;

    const env = { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, DATA_DIR: dataDir, PORT: String(port) };
    // The children write into a pipe to us; tell them whether it ends on a terminal (LOG_FORMAT=auto reads it).
    if (process.stdout.isTTY) env.SAMVERKAN_LOG_TERMINAL = '1';
    else delete env.SAMVERKAN_LOG_TERMINAL;
    if (smtpUrl) env.SMTP_URL = smtpUrl;
    else delete env.SMTP_URL;

    // ---------------------------------------------------------- children
    const guard = path.join(__dirname, 'lib', 'parent-guard.js');
    const { SERVER_NODE_FLAGS } = require('./lib/node-flags');
    const launch = (name, file, args, tagColor) => {
      const proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--enable-source-maps', '--require', guard, file, ...args], {
        cwd: ROOT,
        env,
        detached: true, // own process group: a terminal Ctrl-C reaches only us, and we stop it in order
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const tag = paint(tagColor, `[${name}]`.padEnd(9));
      pipeLines(proc.stdout, process.stdout, tag);
      pipeLines(proc.stderr, process.stderr, tag);
      const exited = new Promise((resolve) => {
        proc.on('exit', (code, signal) => resolve({ code, signal }));
        proc.on('error', (err) => resolve({ code: -1, signal: null, error: err }));
      });
      const c = { name, proc, exited };
      children.add(c);
      return c;
    };

    const runCli = async (args) => {
      const c = launch(args[0], entry.cli, args, '33');
      const r = await c.exited;
      children.delete(c);
      if (stopping) return false;
      if (r.code !== 0) throw new SetupError(`cli ${args.join(' ')} failed (${r.signal || `exit ${r.code}`}): see its output above`);
      return true;
    };

    say('running migrations');
    if (!(await runCli(['migrate']))) return;
    if (process.env.SEED !== 'false') {
      if (!(await runCli(['seed', '--if-empty']))) return;
    }

    const api = launch('api', entry.api, [], '36');
    const worker = launch('worker', entry.worker, [], '35');
    for (const c of [api, worker]) {
      c.exited.then((r) => {
        if (!stopping) shutdown(1, `the ${c.name} exited unexpectedly (${r.error ? r.error.message : r.signal || `exit code ${r.code}`}); stopping everything`);
      });
    }

    const base = `http://localhost:${port}`;
    const ac = new AbortController();
    const stopWaiting = () => ac.abort();
    api.exited.then(stopWaiting);
    try {
      await services.waitForHttp(`http://127.0.0.1:${port}/health/ready`, Number(process.env.START_TIMEOUT_MS || 90000), { signal: ac.signal });
    } catch (err) {
      if (stopping) return;
      throw new SetupError(`the API did not become ready: ${err.message}; see the [api] output above`);
    }
    if (stopping) return;

    const hidePassword = (u) => {
      try {
        const x = new URL(u);
        if (x.password) x.password = '***';
        return x.toString();
      } catch {
        return '(unparsable URL)';
      }
    };
    const lines = [
      '',
      paint('1', `Samverkan is running (Node ${process.version})`),
      `  App        ${base}/   (sign in: member@demo.samverkan.test / samverkan-demo)`,
      `  GraphQL    ${base}/graphql`,
      `  GraphiQL   ${base}/graphiql`,
      `  Health     ${base}/health/live   ${base}/health/ready`,
      `  Mail       ${smtpUrl ? `sent via ${hidePassword(smtpUrl)}` : `${mailDir}  (.eml files; set SMTP_URL to send real mail)`}`,
      `  Inbound    ${describeInbound(process.env, hidePassword)}`,
      `  Data       ${dataDir}`,
      `  Postgres   ${pg ? `embedded, ${hidePassword(databaseUrl)} (password in ${path.join(dataDir, 'postgres.password')})` : hidePassword(databaseUrl)}`,
      `  Redis      ${redis && redis.started ? `redis-server started here, ${redisUrl}` : hidePassword(redisUrl)}`,
      'Press Ctrl-C to stop.',
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (err) {
    if (stopping) return;
    await shutdown(1, describeError(err));
  }
}

/** Where inbound mail (calendar answers, bounces) arrives, from the same variables the worker reads. */
function describeInbound(env, hidePassword) {
  const mode = env.INBOUND_MAIL || 'off';
  const domain = env.INBOUND_DOMAIN || '(INBOUND_DOMAIN not set)';
  if (mode === 'smtp') return `SMTP ${env.INBOUND_SMTP_HOST || '0.0.0.0'}:${env.INBOUND_SMTP_PORT || 2525} for @${domain} (in the worker; docs/inbound-mail.md)`;
  if (mode === 'imap') return `IMAP poller of ${env.IMAP_URL ? hidePassword(env.IMAP_URL) : '(IMAP_URL not set)'} for @${domain} (in the worker)`;
  return 'off (set INBOUND_MAIL=smtp or imap to take calendar answers and bounces; docs/inbound-mail.md)';
}

/** Copies a child's output line by line, each line prefixed with `tag`. */
function pipeLines(from, to, tag) {
  let rest = '';
  from.setEncoding('utf8');
  from.on('data', (chunk) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop();
    if (parts.length) to.write(parts.map((l) => `${tag} ${l}\n`).join(''));
  });
  from.on('end', () => {
    if (rest) to.write(`${tag} ${rest}\n`);
    rest = '';
  });
}
