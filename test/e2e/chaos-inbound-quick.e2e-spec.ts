import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Inbound mail under chaos, CI-sized, inside the normal test run: three real
 * worker processes from the build (one receiving over SMTP), 4 SIGKILLs while
 * calendar replies are processed (the receiver among them), 40 replies. Every
 * reply must become exactly one RSVP. The full run is `npm run test:chaos:inbound`.
 */
describe('inbound chaos (CI size)', () => {
  it('loses no calendar reply and applies none twice', async () => {
    const root = path.resolve(__dirname, '../..');
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'test/chaos/inbound-chaos.js')], {
        cwd: root,
        env: { ...process.env, CHAOS_KILLS: '4', CHAOS_INBOUND_MAILS: '40', CHAOS_ADMIN_URL: process.env.SAMVERKAN_TEST_ADMIN_URL, CHAOS_TIMEOUT_S: '90' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('exit', (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
    });
    const summary = /inbound sent (\d+), applied (\d+), lost (\d+), applied twice (\d+)/.exec(stdout);
    if (!summary || code !== 0) throw new Error(`inbound chaos run failed (exit ${code}):\n${stdout}\n${stderr.slice(-3000)}`);
    expect(Number(summary[1])).toBe(40);
    expect(Number(summary[2])).toBe(40);
    expect(Number(summary[3])).toBe(0);
    expect(Number(summary[4])).toBe(0);
    // The kills landed while mail was being processed, not only between mails.
    expect(Number(/\((\d+) kills with mail being processed/.exec(stderr)?.[1] ?? 0)).toBeGreaterThan(0);
  }, 300_000);
});
