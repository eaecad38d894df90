import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanUp, killGroup, list, running, spawnGroup, startTime } from '../harness/process-groups';
import { scaled, untilExit, untilStalled, watchOutput } from '../harness/progress';

/**
 * Every process a test starts runs in a process group of its own that is
 * ended as a whole on every outcome (issue 16, item 11): a process that
 * ignores SIGTERM, a grandchild, a test that Jest gives up on, and a Ctrl-C
 * of `npm test` leave nothing running.
 */
const root = path.resolve(__dirname, '../..');
const harness = path.join(root, 'test/harness');

/** A shell that ignores SIGTERM (its `sleep` inherits that) and prints the sleep's pid. */
const STUBBORN = 'trap "" TERM; sleep 600 & echo $!; wait';

interface Proc {
  pid: number;
  start: string | null;
}

function proc(pid: number): Proc {
  return { pid, start: startTime(pid) };
}

function firstLine(child: { stdout: NodeJS.ReadableStream | null }): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    child.stdout!.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.split('\n')[0].trim());
    });
  });
}

const alive = (p: Proc) => running(p.pid, p.start);

describe('process groups', () => {
  it('kills a child that ignores SIGTERM once the grace is over, and forgets its group', async () => {
    const child = spawnGroup('sh', ['-c', STUBBORN], { stdio: ['ignore', 'pipe', 'ignore'] });
    const sleeper = proc(Number(await firstLine(child)));
    const shell = proc(child.pid!);
    expect(list().map((e) => e.pgid)).toContain(child.pgid);

    const began = Date.now();
    await killGroup(child, { graceMs: 500 });
    expect(Date.now() - began).toBeGreaterThanOrEqual(500); // SIGTERM did not end it; SIGKILL did
    expect([alive(shell), alive(sleeper)]).toEqual([false, false]);
    expect(list().map((e) => e.pgid)).not.toContain(child.pgid);
  });

  it('ends a grandchild with its group, also when the leader exits first', async () => {
    const child = spawnGroup('sh', ['-c', 'sleep 600 & echo $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const grandchild = proc(Number(await firstLine(child)));
    await killGroup(child, { graceMs: 2000 });
    expect(alive(grandchild)).toBe(false);

    // The leader leaves a grandchild behind and exits: the rest of the group goes with it.
    const leaver = spawnGroup('sh', ['-c', 'sleep 600 >/dev/null 2>&1 & echo $!'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const leaderExit = new Promise((resolve) => leaver.once('exit', resolve));
    const left = proc(Number(await firstLine(leaver)));
    await leaderExit;
    await untilStalled(async () => ({ done: !alive(left), progress: 0, status: `pid ${left.pid} still runs` }), { stallMs: scaled(5000), what: 'the grandchild to end' });
    expect(list().map((e) => e.pgid)).not.toContain(leaver.pgid);
  });

  describe('a Jest run in a project of its own', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'samverkan-groups-'));
    });
    afterEach(async () => {
      // Should there be anything left, it must not outlive this test either.
      await cleanUpIn(path.join(dir, 'groups'));
      rmSync(dir, { recursive: true, force: true });
    });

    /** A project whose spec files each start a stubborn group, note its pids and then never finish. */
    function project(files: number, testTimeoutMs: number): string {
      writeFileSync(
        path.join(dir, 'jest.config.js'),
        `module.exports = ${JSON.stringify({
          rootDir: dir,
          testMatch: ['<rootDir>/*.spec.js'],
          transform: {},
          testEnvironment: path.join(harness, 'environment.js'),
          globalTeardown: path.join(harness, 'global-teardown.js'),
          maxWorkers: files,
          watchman: false,
        })};\n`,
      );
      for (let i = 0; i < files; i++) {
        writeFileSync(
          path.join(dir, `stubborn-${i}.spec.js`),
          `const fs = require('node:fs');
const groups = require(${JSON.stringify(path.join(harness, 'process-groups.js'))});
test('starts a group and never finishes', async () => {
  const child = groups.spawnGroup('sh', ['-c', ${JSON.stringify(STUBBORN)}], { stdio: ['ignore', 'pipe', 'ignore'] });
  const sleeper = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  const note = [child.pid, sleeper].map((pid) => pid + ':' + groups.startTime(pid)).join(' ');
  fs.writeFileSync(${JSON.stringify(dir)} + '/pids-${i}.txt', note);
  await new Promise(() => undefined);
}, ${testTimeoutMs});
`,
        );
      }
      return path.join(dir, 'jest.config.js');
    }

    function notedProcesses(): Proc[] {
      return readdirSync(dir)
        .filter((f) => f.startsWith('pids-'))
        .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').trim().split(' '))
        .map((s) => {
          const [pid, start] = s.split(':');
          return { pid: Number(pid), start };
        });
    }

    const env = () => ({ ...process.env, SAMVERKAN_GROUPS_DIR: path.join(dir, 'groups'), SAMVERKAN_GROUP_GRACE_MS: '1000', JEST_WORKERS: undefined });

    it('leaves no process when a test hits its Jest timeout', async () => {
      const config = project(1, 2000);
      const jest = spawnGroup(process.execPath, [path.join(root, 'node_modules/jest/bin/jest.js'), '--config', config, '--ci'], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      const run = await untilExit(jest, { stallMs: scaled(60_000), what: 'the inner Jest run' });
      expect(run.output).toMatch(/Exceeded timeout of 2000 ms/);
      expect(run.code).toBe(1);
      const noted = notedProcesses();
      expect(noted).toHaveLength(2);
      expect(noted.filter(alive)).toEqual([]);
      expect(readdirSync(path.join(dir, 'groups'))).toEqual([]);
    }, scaled(120_000));

    it('leaves no process when npm test gets a Ctrl-C (SIGINT to its process group)', async () => {
      const config = project(2, 600_000);
      const npmTest = spawnGroup(process.execPath, [path.join(root, 'scripts/test.js'), '--config', config, '--ci'], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      const output = watchOutput(npmTest);
      // Both files are running once both have noted their processes (Jest prints nothing until then).
      await untilStalled(async () => ({ done: notedProcesses().length === 4 || output.exit() !== null, progress: notedProcesses().length, status: output.tail() }), {
        stallMs: scaled(60_000),
        what: 'both spec files to start their groups',
      });
      expect(output.exit()).toBeNull();
      const noted = notedProcesses();
      expect(noted.filter(alive)).toHaveLength(4);

      process.kill(-npmTest.pgid, 'SIGINT'); // what a terminal's Ctrl-C does
      const run = await untilExit(npmTest, { stallMs: scaled(60_000), what: 'npm test to stop after SIGINT', output });
      expect(run.signal ?? run.code).toBe('SIGINT');
      expect(noted.filter(alive)).toEqual([]);
      expect(existsSync(path.join(dir, 'groups')) ? readdirSync(path.join(dir, 'groups')) : []).toEqual([]);
    }, scaled(120_000));
  });
});

async function cleanUpIn(registry: string): Promise<void> {
  const before = process.env.SAMVERKAN_GROUPS_DIR;
  process.env.SAMVERKAN_GROUPS_DIR = registry;
  try {
    await cleanUp({ pid: -1 });
  } finally {
    if (before === undefined) delete process.env.SAMVERKAN_GROUPS_DIR;
    else process.env.SAMVERKAN_GROUPS_DIR = before;
  }
}
