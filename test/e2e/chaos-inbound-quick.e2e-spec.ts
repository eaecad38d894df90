import path from 'node:path';
import { spawnGroup } from '../harness/process-groups';
import { scaled, untilExit, watchOutput } from '../harness/progress';

/**
 * Inbound mail under chaos, CI-sized, inside the normal test run: three real
 * worker processes from the build (one receiving over SMTP), 4 SIGKILLs while
 * calendar replies are processed (the receiver among them), 40 replies. Every
 * reply must become exactly one RSVP. The full run is `npm run test:chaos:inbound`.
 */
describe('inbound chaos (CI size)', () => {
  it('loses no calendar reply and applies none twice', async () => {
    const root = path.resolve(__dirname, '../..');
    // Its own process group (with its workers' and Redis' groups), ended whatever happens to this test;
    // it gives up by itself after CHAOS_TIMEOUT_S without progress, this test when it prints nothing for longer.
    const stallS = Math.round(scaled(90_000) / 1000);
    const child = spawnGroup(process.execPath, [path.join(root, 'test/chaos/inbound-chaos.js')], {
      cwd: root,
      env: { ...process.env, CHAOS_KILLS: '4', CHAOS_INBOUND_MAILS: '40', CHAOS_ADMIN_URL: process.env.SAMVERKAN_TEST_ADMIN_URL, CHAOS_TIMEOUT_S: String(stallS) },
      stdio: ['ignore', 'pipe', 'pipe'],
      label: 'inbound-chaos (chaos-inbound-quick)',
    });
    const output = watchOutput(child);
    let stdout = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    const { code } = await untilExit(child, { stallMs: 2 * stallS * 1000, what: 'the inbound chaos run', output });
    const stderr = output.text();
    const summary = /inbound sent (\d+), applied (\d+), lost (\d+), applied twice (\d+)/.exec(stdout);
    if (!summary || code !== 0) throw new Error(`inbound chaos run failed (exit ${code}):\n${stdout}\n${stderr.slice(-3000)}`);
    expect(Number(summary[1])).toBe(40);
    expect(Number(summary[2])).toBe(40);
    expect(Number(summary[3])).toBe(0);
    expect(Number(summary[4])).toBe(0);
    // The kills landed while mail was being processed, not only between mails.
    expect(Number(/\((\d+) kills with mail being processed/.exec(stderr)?.[1] ?? 0)).toBeGreaterThan(0);
  }, 30 * 60_000);
});
