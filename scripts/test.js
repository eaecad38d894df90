'use strict';
// npm test: install (if needed) → Node 24 → make sure redis-server exists →
// Jest. Extra arguments go to Jest (npm test -- test/foo -t name).
// Jest's globalSetup starts its own Postgres and redis-server (see
// scripts/lib/services.js); nothing is built first.
// Jest runs in a process group of its own; when it ends, however it ends, so
// does every process group the tests started (test/harness/process-groups.js).

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
  const groups = require('../test/harness/process-groups');
  // Groups left by an earlier run that was killed outright (kill -9, a closed terminal).
  await groups.cleanUp({ log: say });
  if (!process.env.REDIS_URL && !process.env.TEST_REDIS_URL) await services.ensureRedisServer({ log: say });

  const args = process.argv.slice(2);
  if (process.env.CI === 'true' && !args.includes('--ci')) args.unshift('--ci');
  const jest = path.join(boot.ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  // Jest and its workers run in a process group of their own, so that when
  // Jest ends, any worker it left behind can be ended with it. Signals (a
  // Ctrl-C reaches us as the terminal's foreground group) are passed on to
  // that whole group, as the terminal would have. Watch mode reads the
  // terminal, so it stays in the foreground group.
  const watch = args.some((a) => /^--watch(All)?$/.test(a));
  const child = spawn(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, ...args], {
    cwd: boot.ROOT,
    stdio: 'inherit',
    detached: !watch,
  });

  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  let signalled = null;
  const forward = (sig) => {
    signalled = signalled || sig;
    try {
      if (watch) child.kill(sig);
      else process.kill(-child.pid, sig);
    } catch {
      /* gone */
    }
  };
  for (const sig of signals) process.on(sig, forward);
  child.on('error', (err) => fail(new Error(`could not start Jest (${err.message}): run npm install`)));
  child.on('exit', async (code, signal) => {
    if (!watch) {
      try {
        process.kill(-child.pid, 'SIGKILL'); // workers Jest did not wait for
      } catch {
        /* none left */
      }
      // A killed worker is alive until the kernel has ended it: until then the
      // groups it started are not orphans yet and cleanUp would pass them by.
      for (let waited = 0; groups.members(child.pid).length && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    }
    // Jest's globalTeardown does not run when Jest is interrupted or crashes:
    // end every process group whose starter is gone (Postgres, Redis, what tests started).
    await groups.cleanUp({ log: say }).catch((err) => say(`could not end every process group: ${err.message}`));
    for (const sig of signals) process.removeListener(sig, forward);
    const stopSignal = signal || signalled;
    if (stopSignal && code === null) {
      process.kill(process.pid, stopSignal);
      setTimeout(() => process.exit(1), 1000).unref();
    } else {
      process.exit(code === null ? 1 : code);
    }
  });
}
