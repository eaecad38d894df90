'use strict';
// Time limits that follow progress rather than the wall clock.
//
// A busy machine makes everything slower, but it does not stop progress: mail
// keeps arriving, jobs keep completing, a child process keeps printing. So a
// wait fails only after `stallMs` without progress, and then says what was
// owed and where it stopped. Where there is nothing to watch (one long
// request loop), a limit is scaled by how loaded the machine is.
//
// Plain CommonJS with types in progress.d.ts: run-chaos.js uses it too.

const fs = require('node:fs');
const os = require('node:os');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How much slower than an idle machine to expect things to be: SLOW_FACTOR if
 * set, else 1 + (1-minute load average + Jest workers) / CPUs, from 1 to 10.
 * Read when called, so each test file sees the load of its own moment.
 */
function slowFactor() {
  const given = Number(process.env.SLOW_FACTOR);
  if (given >= 1) return given;
  const cpus = Math.max(1, (os.availableParallelism ? os.availableParallelism() : os.cpus().length));
  const workers = Number(process.env.JEST_WORKERS) || 2;
  const factor = 1 + (os.loadavg()[0] + workers) / cpus;
  return Math.min(10, Math.max(1, Math.round(factor * 10) / 10));
}

/** `ms` scaled by slowFactor(): for a limit that has no progress to follow. */
function scaled(ms) {
  return Math.round(ms * slowFactor());
}

class StallError extends Error {
  constructor(message) {
    super(message);
    this.name = 'StallError';
  }
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Calls `check` every `intervalMs` until it reports `done`. Fails only when
 * `progress` (any JSON value: a count, several counts, a status) has not
 * changed for `stallMs`, naming `what` was awaited and the last `status` (what
 * is owed, where it stopped). Resolves to the last check's result.
 *
 * check: () => Promise<{ done: boolean, progress: unknown, status?: string }>
 */
async function untilStalled(check, { stallMs, intervalMs = 200, what = 'progress', onStall } = {}) {
  if (!(stallMs > 0)) throw new Error('untilStalled needs stallMs');
  let last;
  let lastChange = Date.now();
  let first = true;
  for (;;) {
    const result = await check();
    if (result.done) return result;
    if (first || !same(result.progress, last)) {
      first = false;
      last = result.progress;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > stallMs) {
      const message = `stalled: no progress for ${Math.round((Date.now() - lastChange) / 1000)} s while waiting for ${what}` + (result.status ? `; ${result.status}` : '');
      if (onStall) await onStall(message, result);
      throw new StallError(message);
    }
    await sleep(intervalMs);
  }
}

/**
 * Collects a child process's output (stdout and stderr) and tells how much
 * there is: output that grows is progress.
 */
function watchOutput(child) {
  let text = '';
  let exit = null;
  child.stdout?.on('data', (chunk) => (text += chunk));
  child.stderr?.on('data', (chunk) => (text += chunk));
  const exited = new Promise((resolve) => {
    child.on('close', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  return {
    text: () => text,
    tail: (chars = 3000) => text.slice(-chars),
    bytes: () => text.length,
    exit: () => exit,
    exited,
  };
}

/**
 * CPU time (clock ticks) a process and its reaped children have used: a
 * process that computes makes progress even when it prints nothing, however
 * slowly a busy machine lets it. 0 when it is gone.
 */
function cpuTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  } catch {
    return 0;
  }
}

/**
 * Waits for a child process to end; fails when for `stallMs` it neither
 * printed anything nor used CPU (it is then ended by the caller's harness).
 * Resolves to { code, signal, output }.
 */
async function untilExit(child, { stallMs, what = 'the process to finish', output = watchOutput(child) } = {}) {
  await untilStalled(async () => ({ done: output.exit() !== null, progress: [output.bytes(), cpuTicks(child.pid)], status: `last output:\n${output.tail(2000)}` }), {
    stallMs,
    what,
    intervalMs: 250,
  });
  return { ...output.exit(), output: output.text() };
}

module.exports = { untilStalled, untilExit, watchOutput, cpuTicks, slowFactor, scaled, StallError };
