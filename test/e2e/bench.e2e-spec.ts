import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { spawnGroup } from '../harness/process-groups';
import { scaled, untilExit } from '../harness/progress';

/**
 * The benchmark at BENCH_SCALE=0.01, so that it cannot rot: `npm run bench:data`
 * and `npm run bench` against the test Postgres and Redis, then the checks that
 * make a run valid. Speed goals are not asserted here (a shared CI machine at
 * 1 % of the data says nothing about them); that the three dashboard paths
 * return the same data, that statements per request do not grow, that the sweep
 * owes reminders, that My page and the commission overview answer as their SQL
 * floors do (statements flat, My page one request in a browser) and that every
 * mail arrives, is.
 *
 * Each script runs in a process group of its own (with the servers it starts),
 * ended with this file on any outcome; a script fails here when it neither
 * printed nor computed for a while, not after a fixed time.
 */
const root = path.resolve(__dirname, '../..');

async function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawnGroup(process.execPath, [path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    label: `${script} (bench test)`,
  });
  const { code, output } = await untilExit(child, { stallMs: scaled(60_000), what: script });
  return { code, output };
}

describe('benchmark (BENCH_SCALE=0.01)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samverkan-bench-'));
  const database = `bench_ci_${process.pid}`;
  const env = {
    BENCH_SCALE: '0.01',
    BENCH_ADMIN_URL: process.env.SAMVERKAN_TEST_ADMIN_URL!,
    BENCH_REDIS_URL: process.env.SAMVERKAN_TEST_REDIS_URL!,
    BENCH_DATABASE: database,
    BENCH_DATA_DIR: dir,
    // Seconds of load per path: on a busy machine one dashboard request can take
    // longer than 2 s, and a path that completed none in its window has no result.
    BENCH_DURATION: String(Math.ceil(scaled(2000) / 1000)),
    BENCH_WARMUP: String(Math.ceil(scaled(1000) / 1000)),
    BENCH_MAILS: '100',
  };

  afterAll(async () => {
    const admin = new Client({ connectionString: process.env.SAMVERKAN_TEST_ADMIN_URL });
    await admin.connect();
    for (const name of [database, `${database}_mail`]) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates the data set and runs every part with valid results', async () => {
    const data = await run('bench/data.js', [], env);
    expect({ code: data.code, output: data.output.slice(-2000) }).toMatchObject({ code: 0 });
    expect(data.output).toMatch(/reminder candidates: .*total 10000/);

    const out = path.join(dir, 'latest.json');
    const bench = await run('bench/run.js', ['--out', out], env);
    expect({ code: bench.code, output: bench.output.slice(-3000) }).toMatchObject({ code: 0 });
    expect(bench.output).toContain('Goals');
    const results = JSON.parse(readFileSync(out, 'utf8'));

    // The dashboard: same data on all three paths, no error answers, statements independent of size.
    expect(results.dashboard.sameAnswers).toEqual({ floor: true, postgraphile: true });
    for (const name of ['ours', 'floor', 'postgraphile']) {
      expect(results.dashboard.paths[name].requests).toBeGreaterThan(0);
      expect(results.dashboard.paths[name].errors + results.dashboard.paths[name].non2xx).toBe(0);
    }
    expect(results.dashboard.statements.bigCommission.groups).toBeGreaterThan(results.dashboard.statements.oneGroup.groups);
    expect(results.dashboard.statements.bigCommission.statements).toBe(results.dashboard.statements.oneGroup.statements);
    expect(results.dashboard.apiMemory.peakRssMb).toBeGreaterThan(0);

    // The web application's two busiest views: the same data as their SQL floors for three readers, no error
    // answers, statements the same for a reader with little and one with much, My page's data in one request.
    for (const name of ['mypage', 'overview']) {
      const page = results[name];
      expect({ name, same: page.sameAnswers, distinct: page.distinctSamples, differences: page.differences }).toEqual({ name, same: true, distinct: true, differences: [] });
      // Three readers compared (the overview's are the big, the one-group and the last commission: two at this scale).
      expect(page.samples).toHaveLength(name === 'mypage' ? 3 : Math.min(3, results.reports.all.count));
      for (const path of ['ours', 'floor']) {
        expect(page.paths[path].requests).toBeGreaterThan(0);
        expect(page.paths[path].errors + page.paths[path].non2xx).toBe(0);
      }
      expect(typeof page.statements.few.statements).toBe('number');
      expect(page.statements.many.statements).toBe(page.statements.few.statements);
    }
    expect(results.mypage.statements.many.seats).toBeGreaterThan(results.mypage.statements.few.seats);
    expect(results.mypage.samples.some((s: { nextMeetings: number }) => s.nextMeetings > 0)).toBe(true);
    expect(results.overview.statements.many.groups).toBe(results.dashboard.statements.bigCommission.groups);
    expect(results.overview.statements.few.groups).toBe(1);
    expect(results.mypage.requests).toEqual({ how: 'headless Chromium, counted', count: 1, operations: ['MyPage'] });

    // The sweep ran the real rules over the candidates, owed reminders, then owed nothing more.
    expect(results.sweep.candidates.total).toBe(10000);
    expect(results.sweep.rules).toEqual(expect.arrayContaining(['appointment.term-ending', 'nomination.unanswered']));
    expect(results.sweep.firstRun.owed).toBeGreaterThan(0);
    expect(results.sweep.steadyRun.owed).toBe(0);
    expect(results.sweep.explain.length).toBeGreaterThan(0);
    expect(results.sweep.explain[0].plan).toMatch(/Execution Time/);

    // Reports: the compiler ran for the big commission and for every commission.
    expect(results.reports.skipped).toBeUndefined();
    expect(results.reports.one.groups).toBe(results.dashboard.statements.bigCommission.groups);
    expect(results.reports.one.bytes).toBeGreaterThan(0);
    expect(results.reports.all.count).toBe(2);

    // Mail: every mail arrived both ways.
    expect(results.mail.outbox.received).toBe(100);
    expect(results.mail.bare.received).toBe(100);
    expect(results.mail.ratio).toBeGreaterThan(0);

    expect(results.verdicts.filter((v: { kind: string; pass: boolean }) => v.kind === 'check' && !v.pass)).toEqual([]);
  }, 30 * 60_000);
});
