import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * The CI-sized chaos run inside the normal test run: two real worker processes
 * from the build, 10 SIGKILLs mid-send, FLUSHALL, a Redis restart and the SMTP
 * server down for 3 s, over 300 owed reminders. The full run is `npm run test:chaos`.
 */
describe('chaos (CI size)', () => {
  it('loses no reminder, and every duplicate repeats its Message-ID', async () => {
    const root = path.resolve(__dirname, '../..');
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'test/chaos/run-chaos.js')], {
        cwd: root,
        env: { ...process.env, CHAOS_KILLS: '10', CHAOS_MAILS: '300', CHAOS_ADMIN_URL: process.env.SAMVERKAN_TEST_ADMIN_URL, CHAOS_TIMEOUT_S: '60' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('exit', (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
    });
    const summary = /owed (\d+), received (\d+), lost (\d+), duplicates (\d+)/.exec(stdout);
    if (!summary || code !== 0) throw new Error(`chaos run failed (exit ${code}):\n${stdout}\n${stderr.slice(-3000)}`);
    expect(Number(summary[1])).toBe(300);
    expect(Number(summary[3])).toBe(0);
    expect(Number(summary[2])).toBe(300);
  }, 120_000);
});
