import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase } from '../harness/test-app';

const root = path.resolve(__dirname, '../..');
const main = path.join(root, 'dist/apps/api/src/main.js');

function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number | string | null> } {
  let output = '';
  const child = spawn(process.execPath, [main], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal))) };
}

describe('the built API as a process', () => {
  it('boots, reports ready and answers GraphQL', async () => {
    const db = await createTestDatabase();
    const port = String(40000 + Math.floor(Math.random() * 20000));
    const api = run({ PORT: port, DATABASE_URL: db.url, REDIS_URL: process.env.SAMVERKAN_TEST_REDIS_URL!, QUEUE_PREFIX: db.name });
    try {
      let ready = 0;
      for (let i = 0; i < 100 && ready !== 200; i++) {
        await new Promise((r) => setTimeout(r, 200));
        ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status, () => 0);
      }
      expect(ready).toBe(200);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      api.child.kill('SIGTERM');
      // Nest closes the app, then re-raises the signal: a clean stop ends by SIGTERM or 0.
      expect([0, 'SIGTERM']).toContain(await api.exit);
      await db.drop();
    }
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'nonsense'],
  ])('stops on %s=%s with one line naming the variable', async (name, value) => {
    const api = run({ [name]: value });
    expect(await api.exit).toBe(1);
    expect(api.output().trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Invalid configuration: ${name}=`))]);
  });
});
