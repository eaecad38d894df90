'use strict';
// Child processes of the benchmark (our API, the floor, PostGraphile, the SMTP
// sink): started on a free port, waited for, sampled for memory, stopped.

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { freePort, waitForHttp } = require('../../scripts/lib/services');

/** Resident memory of a process in MB: now (VmRSS) and its peak so far (VmHWM). */
function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number((new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status) || [])[1] || 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: 0, peakMb: 0 };
  }
}

const TICKS = (() => {
  const r = require('node:child_process').spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(r.stdout) || 100;
})();

/** CPU seconds (user + system) a process has used so far; with `reaped`, also its children that ended. */
function cpuSeconds(pid, reaped = false) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0)) / TICKS;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of a process and its children (PostgreSQL: the postmaster and
 * every backend, those that ended included: pools close idle connections).
 */
function cpuSecondsOfTree(rootPid) {
  // A backend that ends while we read moves its CPU time from the child into the
  // postmaster's "reaped children" figure: read again until that figure held still.
  for (let attempt = 0; ; attempt++) {
    const reapedBefore = cpuSeconds(rootPid, true);
    let total = reapedBefore;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === rootPid) total += cpuSeconds(Number(entry));
      } catch {
        /* gone */
      }
    }
    if (cpuSeconds(rootPid, true) === reapedBefore || attempt >= 10) return total;
  }
}

/**
 * Starts `node script` with env (PORT set to a free port) and waits until
 * `healthPath` answers 200. `nodeArgs` go before the script (e.g. --cpu-prof).
 */
async function startServer(name, script, { env = {}, healthPath = '/health', nodeArgs = [], logFile } = {}) {
  const port = await freePort();
  const out = logFile ? fs.openSync(logFile, 'w') : 'ignore';
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', out, out, 'ipc'],
  });
  if (typeof out === 'number') fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const controller = new AbortController();
  child.on('exit', () => controller.abort());
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}${healthPath}`, 120_000, { signal: controller.signal, intervalMs: 100 });
  } catch (error) {
    child.kill('SIGKILL');
    const tail = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
    throw new Error(`${name} did not start (${exited ? `exit ${exited.code ?? exited.signal}` : error.message})${tail ? `:\n${tail}` : ''}`);
  }
  return {
    name,
    url,
    pid: child.pid,
    memory: () => memoryOf(child.pid),
    cpuSeconds: () => cpuSeconds(child.pid),
    send: (message) => child.send(message),
    /** Sends a message over the IPC channel and waits for the first answer that `accept`s. */
    request(message, accept, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not answer ${JSON.stringify(message)}`)), timeoutMs);
        const onMessage = (answer) => {
          if (!accept(answer)) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(answer);
        };
        child.on('message', onMessage);
        child.send(message);
      });
    },
    async stop() {
      if (exited) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(timer);
    },
  };
}

module.exports = { startServer, memoryOf, cpuSeconds, cpuSecondsOfTree };
