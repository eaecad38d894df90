import path from 'node:path';
import { spawnGroup } from '../harness/process-groups';
import { scaled, untilExit } from '../harness/progress';

/**
 * The CI-sized chaos run inside the normal test run: two real worker processes
 * from the build, 10 SIGKILLs mid-send, FLUSHALL, a Redis restart and the SMTP
 * server down for 3 s, over 300 owed reminders. The full run is `npm run test:chaos`.
 *
 * No wall-clock limit that a busy machine would miss: the run gives up by
 * itself when no mail went out for CHAOS_STALL_S while mail is owed (and
 * prints what was owed and where it stopped); this test gives up when the run
 * printed nothing for longer than that. The run, its workers and its Redis are
 * process groups that end with this file whatever happens (environment.js).
 */
const STALL_S = Math.round(scaled(60_000) / 1000);

describe('chaos (CI size)', () => {
  it('loses no reminder, and every duplicate repeats its Message-ID', async () => {
    const root = path.resolve(__dirname, '../..');
    const child = spawnGroup(process.execPath, [path.join(root, 'test/chaos/run-chaos.js')], {
      cwd: root,
      env: { ...process.env, CHAOS_KILLS: '10', CHAOS_MAILS: '300', CHAOS_ADMIN_URL: process.env.SAMVERKAN_TEST_ADMIN_URL, CHAOS_STALL_S: String(STALL_S) },
      stdio: ['ignore', 'pipe', 'pipe'],
      label: 'run-chaos (chaos-quick)',
    });
    // The run reports progress at least every 5 s while it waits for mail.
    const { code, output } = await untilExit(child, { stallMs: 2 * STALL_S * 1000, what: 'the chaos run' });
    const summary = /owed (\d+), received (\d+), lost (\d+), duplicates (\d+)/.exec(output);
    if (!summary || code !== 0) throw new Error(`chaos run failed (exit ${code}):\n${output.slice(-4000)}`);
    expect(Number(summary[1])).toBe(300);
    expect(Number(summary[3])).toBe(0);
    expect(Number(summary[2])).toBe(300);
  }, 30 * 60_000);
});
