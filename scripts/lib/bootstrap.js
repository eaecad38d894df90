'use strict';
// First steps of `npm start` and `npm test`: install dependencies when needed,
// move onto Node 24 (shipped as the npm package `node`), build when sources
// changed. Plain CommonJS that runs on Node 20 as well as Node 24.

const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { SetupError } = require('./services');

const ROOT = path.resolve(__dirname, '..', '..');
const NODE_MAJOR_WANTED = 24;
const BUILD_STAMP = path.join(ROOT, 'dist', '.build-stamp');

const defaultLog = (msg) => process.stderr.write(`${msg}\n`);

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/**
 * Runs `npm install --no-audit --no-fund` when node_modules is missing or
 * package.json / package-lock.json is newer than node_modules/.package-lock.json.
 * Returns true when it installed.
 */
function ensureInstalled({ log = defaultLog } = {}) {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const pkg = path.join(ROOT, 'package.json');
  const lock = path.join(ROOT, 'package-lock.json');
  const installed = mtime(marker);
  let reason = null;
  if (!fs.existsSync(path.join(ROOT, 'node_modules'))) reason = 'node_modules is missing';
  else if (!installed) reason = 'node_modules is incomplete';
  else if (mtime(pkg) > installed) reason = 'package.json changed';
  else if (mtime(lock) > installed) reason = 'package-lock.json changed';
  if (!reason) return false;

  log(`${reason}: running npm install --no-audit --no-fund`);
  const r = spawnSync(npmCommand(), ['install', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (r.error) throw new SetupError(`could not run npm (${r.error.code || r.error.message}): install Node.js with npm (https://nodejs.org) and try again`);
  if (r.status !== 0) throw new SetupError(`npm install failed (exit ${r.status === null ? r.signal : r.status}): fix the error above, then run the command again`);
  // npm may write package-lock.json after its hidden lockfile; mark the
  // install as newer than both so the next run does not install again.
  if (fs.existsSync(marker)) {
    const t = new Date(Math.max(Date.now(), mtime(pkg) + 1, mtime(lock) + 1));
    fs.utimesSync(marker, t, t);
  }
  return true;
}

/**
 * On Node < 24, re-runs the current script with node_modules/.bin/node (Node
 * 24 from the npm package `node`), forwarding stdio, signals and the exit
 * code. Returns true when it did so: the caller must then do nothing else.
 */
function ensureNode24({ log = defaultLog } = {}) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= NODE_MAJOR_WANTED) return false;
  const binDir = path.join(ROOT, 'node_modules', '.bin');
  const node24 = path.join(binDir, 'node');
  if (!fs.existsSync(node24)) {
    log(`warning: running on Node ${process.version}, but Samverkan needs Node ${NODE_MAJOR_WANTED}: run npm install (it puts Node ${NODE_MAJOR_WANTED} in node_modules) or install Node ${NODE_MAJOR_WANTED}`);
    return false;
  }
  const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH || ''}` };
  const child = spawn(node24, [...process.execArgv, process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit', env });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (sig) => {
    try {
      child.kill(sig);
    } catch {
      /* already gone */
    }
  };
  for (const sig of signals) process.on(sig, forward);
  child.on('error', (err) => {
    process.stderr.write(`could not start ${node24} (${err.message}): run npm install again\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const sig of signals) process.removeListener(sig, forward);
    if (signal) {
      process.kill(process.pid, signal);
      setTimeout(() => process.exit(1), 1000).unref();
    } else {
      process.exit(code === null ? 1 : code);
    }
  });
  return true;
}

/** First file under `dir` (.ts, .tsx, .mts, .css, .html; recursive) modified after `since`, or null. */
function newerSource(dir, since) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
      const found = newerSource(p, since);
      if (found) return found;
    } else if (/\.(ts|tsx|mts|css|html)$/.test(e.name) && !e.name.endsWith('.d.ts') && mtime(p) > since) {
      return p;
    }
  }
  return null;
}

/**
 * Runs `npm run build` when there is no successful build yet, or a .ts file
 * under apps/ or libs/ (or a tsconfig) changed since the last successful
 * build. A stamp file in dist/ records the start time of the last build that
 * succeeded, so a failed build (which still emits files) is not mistaken for
 * a good one. Returns true when it built.
 */
function ensureBuilt({ log = defaultLog } = {}) {
  const built = mtime(BUILD_STAMP);
  let reason = null;
  if (!built) reason = fs.existsSync(path.join(ROOT, 'dist')) ? 'no successful build recorded' : 'dist/ is missing';
  else {
    const changed =
      ['tsconfig.json', 'tsconfig.build.json'].map((f) => path.join(ROOT, f)).find((f) => mtime(f) > built) ||
      newerSource(path.join(ROOT, 'apps'), built) ||
      newerSource(path.join(ROOT, 'libs'), built) ||
      // The migrations are compiled into dist/ too (the bench migrates its data set from there).
      newerSource(path.join(ROOT, 'prisma-free-schema'), built);
    if (changed) reason = `${path.relative(ROOT, changed)} changed`;
  }
  if (!reason) return false;

  log(`${reason}: running npm run build`);
  const startedAt = new Date();
  const r = spawnSync(npmCommand(), ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.error) throw new SetupError(`could not run npm (${r.error.code || r.error.message}): install Node.js with npm and try again`);
  if (r.status !== 0) throw new SetupError(`npm run build failed (exit ${r.status === null ? r.signal : r.status}): fix the TypeScript errors above and run the command again`);
  fs.mkdirSync(path.dirname(BUILD_STAMP), { recursive: true });
  fs.writeFileSync(BUILD_STAMP, `${startedAt.toISOString()}\n`);
  fs.utimesSync(BUILD_STAMP, startedAt, startedAt);
  return true;
}

module.exports = { ensureInstalled, ensureNode24, ensureBuilt, SetupError, ROOT };
