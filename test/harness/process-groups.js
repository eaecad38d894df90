'use strict';
// Every process a test starts (API, workers, redis-server, Postgres, chaos and
// benchmark runs) runs in a process group of its own, and that group is ended
// as a whole — SIGTERM, then SIGKILL after a grace — on every outcome: pass,
// fail, Jest timeout, Ctrl-C.
//
// Why groups and a registry on disk: a Jest worker that gives up on a test, or
// is killed, runs none of the test's `finally` blocks, and a process started by
// a process started by the test (a chaos run's workers) is not the test's child
// at all. So each group is written to a registry (one file per group, named by
// its pgid, under .data/test/groups or $SAMVERKAN_GROUPS_DIR, which children
// inherit) together with who started it. The Jest environment
// (test/harness/environment.js) ends the groups its worker started, and those
// they started in turn, when a test file ends; globalTeardown and
// scripts/test.js end every group whose starter is gone (also those left by a
// run that crashed earlier).
//
// Plain CommonJS, so that scripts/test.js, run-chaos.js and Jest's
// environment can load it as well as the specs.

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_GRACE_MS = Number(process.env.SAMVERKAN_GROUP_GRACE_MS) || 5000;

function registryDir() {
  return process.env.SAMVERKAN_GROUPS_DIR || path.join(ROOT, '.data', 'test', 'groups');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fields of /proc/<pid>/stat after the command name, or null when the process is gone. */
function statFields(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Start time (clock ticks since boot) of `pid`: with the pid, it names one process for good. */
function startTime(pid) {
  const f = statFields(pid);
  return f ? f[19] : null;
}

/** True while `pid` runs (a zombie has ended: only its parent has not read its status yet). */
function running(pid, start) {
  const f = statFields(pid);
  if (!f || f[0] === 'Z') return false;
  return start === undefined || start === null || f[19] === start;
}

/** The process group of `pid` (Node has no getpgid). */
function groupOf(pid) {
  const f = statFields(pid);
  return f ? Number(f[2]) : null;
}

/** Pids of the live (non-zombie) members of process group `pgid`. */
function members(pgid) {
  const pids = [];
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(name);
    if (f && Number(f[2]) === pgid && f[0] !== 'Z') pids.push(Number(name));
  }
  return pids;
}

/**
 * Whether the group an entry names is still ours and alive. While its leader
 * runs, the leader's start time must match (the pid may have been reused by
 * now); once the leader is gone, Linux hands out no pid that still names a
 * live group, so live members are the members of our group.
 */
function groupAlive(entry) {
  const leader = statFields(entry.pgid);
  if (leader && Number(leader[2]) === entry.pgid && leader[19] !== entry.leaderStart) return false;
  return members(entry.pgid).length > 0;
}

function entryPath(pgid) {
  return path.join(registryDir(), String(pgid));
}

function writeEntry(entry) {
  fs.mkdirSync(registryDir(), { recursive: true });
  const file = entryPath(entry.pgid);
  fs.writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify(entry));
  fs.renameSync(`${file}.tmp-${process.pid}`, file);
}

function removeEntry(pgid) {
  fs.rmSync(entryPath(pgid), { force: true });
}

/** Every group in the registry (entries that cannot be read are dropped). */
function list() {
  let names = [];
  try {
    names = fs.readdirSync(registryDir());
  } catch {
    return [];
  }
  const entries = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      entries.push(JSON.parse(fs.readFileSync(path.join(registryDir(), name), 'utf8')));
    } catch {
      fs.rmSync(path.join(registryDir(), name), { force: true });
    }
  }
  return entries;
}

/** Groups this process started and has not ended yet; killed synchronously if it exits. */
const own = new Map();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const entry of own.values()) signalGroup(entry, 'SIGKILL');
  });
}

function signalGroup(entry, signal) {
  if (!groupAlive(entry)) return false;
  try {
    process.kill(-entry.pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * spawn() in a group of its own, recorded in the registry until the whole
 * group has ended. Options are spawn's, plus `stopSignal` (what ends it
 * cleanly: SIGTERM unless given, SIGINT for Postgres' fast shutdown) and
 * `label` (shown in diagnostics). When the leader exits, the rest of its group
 * is killed: a group without its leader is what stays behind by mistake.
 */
function spawnGroup(command, args = [], options = {}) {
  const { stopSignal = 'SIGTERM', label, ...spawnOptions } = options;
  const base = spawnOptions.env || process.env;
  // Children register in the same registry, unless told to use their own.
  const env = { ...base, SAMVERKAN_GROUPS_DIR: base.SAMVERKAN_GROUPS_DIR || registryDir() };
  const child = spawn(command, args, { ...spawnOptions, env, detached: true });
  if (!child.pid) return child; // spawn failed: 'error' follows, nothing to register
  const entry = {
    pgid: child.pid,
    leaderStart: startTime(child.pid),
    owner: process.pid,
    ownerStart: startTime(process.pid),
    ownerGroup: groupOf(process.pid),
    command: label || [command, ...args].join(' ').slice(0, 300),
    stopSignal,
    startedAt: new Date().toISOString(),
  };
  writeEntry(entry);
  own.set(entry.pgid, entry);
  installExitHook();
  child.once('exit', () => {
    // The leader is gone; whatever it left in its group goes too.
    signalGroup(entry, 'SIGKILL');
    own.delete(entry.pgid);
    removeEntry(entry.pgid);
  });
  child.pgid = entry.pgid;
  return child;
}

/**
 * Ends every group in `entries` (and every group started from inside one of
 * them, found in the registry as it is then): the stop signal first, SIGKILL
 * to what still runs after `graceMs`. Resolves to what had to be killed.
 */
async function endGroups(entries, { graceMs = DEFAULT_GRACE_MS, log } = {}) {
  const ended = [];
  const seen = new Set();
  let batch = entries;
  for (let round = 0; batch.length && round < 10; round++) {
    for (const entry of batch) {
      seen.add(entry.pgid);
      if (signalGroup(entry, entry.stopSignal || 'SIGTERM')) ended.push(entry);
      own.delete(entry.pgid);
    }
    const deadline = Date.now() + graceMs;
    while (batch.some(groupAlive) && Date.now() < deadline) await sleep(50);
    for (const entry of batch) {
      if (signalGroup(entry, 'SIGKILL') && log) log(`killed process group ${entry.pgid} (${entry.command}): it ignored ${entry.stopSignal || 'SIGTERM'} for ${graceMs} ms`);
    }
    const killDeadline = Date.now() + 5000;
    while (batch.some(groupAlive) && Date.now() < killDeadline) await sleep(20);
    for (const entry of batch) removeEntry(entry.pgid);
    // Groups these groups started (they may have started more while stopping).
    const pgids = new Set(batch.map((e) => e.pgid));
    batch = list().filter((e) => !seen.has(e.pgid) && (pgids.has(e.ownerGroup) || !ownerAlive(e)));
  }
  return ended;
}

/** Ends one group (a ChildProcess from spawnGroup, or a pgid). */
async function killGroup(childOrPgid, options = {}) {
  const pgid = typeof childOrPgid === 'number' ? childOrPgid : childOrPgid.pgid;
  const entry = own.get(pgid) || list().find((e) => e.pgid === pgid) || { pgid, leaderStart: startTime(pgid), stopSignal: 'SIGTERM', command: String(pgid) };
  await endGroups([entry], options);
}

function ownerAlive(entry) {
  return running(entry.owner, entry.ownerStart);
}

/** `roots` and every group of `all` started from inside them, however deep. */
function withDescendants(all, roots) {
  const out = [...roots];
  const groups = new Set(out.map((e) => e.pgid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of all) {
      if (!groups.has(e.pgid) && groups.has(e.ownerGroup)) {
        out.push(e);
        groups.add(e.pgid);
        grew = true;
      }
    }
  }
  return out;
}

/** Groups whose starter has ended, and every group started from inside them. */
function orphans() {
  const all = list();
  return withDescendants(all, all.filter((e) => !ownerAlive(e)));
}

/** Groups started by process `pid` and every group started from inside them. */
function startedBy(pid) {
  const all = list();
  return withDescendants(all, all.filter((e) => e.owner === pid));
}

/**
 * Ends what `pid` started (default: this process) but for the groups in
 * `except` (pgids), and whatever is orphaned.
 */
async function cleanUp({ pid = process.pid, except = new Set(), graceMs, log } = {}) {
  const wanted = new Map();
  for (const e of [...startedBy(pid), ...orphans()]) if (!except.has(e.pgid)) wanted.set(e.pgid, e);
  if (!wanted.size) return [];
  const ended = await endGroups([...wanted.values()], { graceMs, log });
  if (log && ended.length) log(`ended ${ended.length} process group(s) left running: ${ended.map((e) => `${e.pgid} ${e.command}`).join('; ')}`);
  return ended;
}

/**
 * For a process that may be stopped by a signal (a runner such as run-chaos):
 * on SIGINT, SIGTERM or SIGHUP, end the groups it started, run `beforeExit`
 * (best effort, bounded by the grace), and exit as if killed by that signal.
 */
function endGroupsOnSignal({ beforeExit, graceMs = DEFAULT_GRACE_MS, log } = {}) {
  let stopping = false;
  const handler = (signal) => {
    if (stopping) return;
    stopping = true;
    if (log) log(`${signal}: stopping the processes this run started`);
    void (async () => {
      await cleanUp({ graceMs, log });
      if (beforeExit) await Promise.race([Promise.resolve().then(beforeExit).catch(() => undefined), sleep(graceMs)]);
      for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(sig);
      process.kill(process.pid, signal);
    })();
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, handler);
}

module.exports = {
  spawnGroup,
  killGroup,
  endGroups,
  cleanUp,
  orphans,
  startedBy,
  list,
  members,
  groupAlive,
  running,
  startTime,
  registryDir,
  endGroupsOnSignal,
  DEFAULT_GRACE_MS,
};
