'use strict';
// npm test: install (if needed) → Node 24 → make sure redis-server exists →
// Jest. Extra arguments go to Jest (npm test -- test/foo -t name).
// Jest's globalSetup starts its own Postgres and redis-server (see
// scripts/lib/services.js); nothing is built first.

const path = require('node:path');
const { spawn } = require('node:child_process');
const boot = require('./lib/bootstrap');

const say = (msg) => process.stderr.write(`[test] ${msg}\n`);
const fail = (err) => {
  process.stderr.write(`[test] ✖ ${err && err.code === 'ESETUP' ? err.message : (err && err.stack) || err}\n`);
  process.exit(1);
};

try {
  boot.ensureInstalled({ log: say });
} catch (err) {
  fail(err);
}
if (!boot.ensureNode24({ log: say })) main().catch(fail);

async function main() {
  const services = require('./lib/services');
  if (!process.env.REDIS_URL && !process.env.TEST_REDIS_URL) await services.ensureRedisServer({ log: say });

  const args = process.argv.slice(2);
  if (process.env.CI === 'true' && !args.includes('--ci')) args.unshift('--ci');
  const jest = path.join(boot.ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const child = spawn(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, ...args], { cwd: boot.ROOT, stdio: 'inherit' });

  // Jest shares our terminal (a Ctrl-C reaches it directly); signals sent to
  // us alone are passed on, and we wait for Jest's own exit.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (sig) => {
    try {
      child.kill(sig);
    } catch {
      /* gone */
    }
  };
  for (const sig of signals) process.on(sig, forward);
  child.on('error', (err) => fail(new Error(`could not start Jest (${err.message}): run npm install`)));
  child.on('exit', (code, signal) => {
    for (const sig of signals) process.removeListener(sig, forward);
    if (signal) {
      process.kill(process.pid, signal);
      setTimeout(() => process.exit(1), 1000).unref();
    } else {
      process.exit(code === null ? 1 : code);
    }
  });
}
