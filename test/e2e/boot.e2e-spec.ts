import path from 'node:path';
import { createTestDatabase } from '../harness/test-app';
import { GroupChild, spawnGroup } from '../harness/process-groups';
import { OutputWatch, cpuTicks, scaled, untilExit, untilStalled, watchOutput } from '../harness/progress';

const root = path.resolve(__dirname, '../..');
const main = path.join(root, 'dist/apps/api/src/main.js');

function run(env: Record<string, string>): { child: GroupChild; output: OutputWatch } {
  const child = spawnGroup(process.execPath, [main], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'], label: 'api (boot test)' });
  return { child, output: watchOutput(child) };
}

/** Waits for the process to end; it fails only if the process stops printing for a while without ending. */
async function exitOf(api: { child: GroupChild; output: OutputWatch }): Promise<number | string | null> {
  const { code, signal } = await untilExit(api.child, { stallMs: scaled(30_000), what: 'the API to exit', output: api.output });
  return code ?? signal;
}

describe('the built API as a process', () => {
  it('boots, reports ready and answers GraphQL', async () => {
    const db = await createTestDatabase();
    const port = String(40000 + Math.floor(Math.random() * 20000));
    const api = run({ PORT: port, DATABASE_URL: db.url, REDIS_URL: process.env.SAMVERKAN_TEST_REDIS_URL!, QUEUE_PREFIX: db.name });
    try {
      // Booting on a busy machine takes what it takes; it has stalled when the
      // process neither answers, prints nor computes for a while, or has ended.
      await untilStalled(
        async () => {
          const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status, () => 0);
          if (api.output.exit()) throw new Error(`the API exited (${JSON.stringify(api.output.exit())}) before it was ready:\n${api.output.tail()}`);
          return { done: status === 200, progress: [status, api.output.bytes(), cpuTicks(api.child.pid!)], status: `last /health/ready: ${status || 'no answer'}; output:\n${api.output.tail(1500)}` };
        },
        { stallMs: scaled(20_000), intervalMs: 200, what: 'the API to report ready' },
      );
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      api.child.kill('SIGTERM');
      // Nest closes the app, then re-raises the signal: a clean stop ends by SIGTERM or 0.
      expect([0, 'SIGTERM']).toContain(await exitOf(api));
      await db.drop();
    }
  }, 30 * 60_000);

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'nonsense'],
  ])('stops on %s=%s with one line naming the variable', async (name, value) => {
    const api = run({ [name]: value });
    expect(await exitOf(api)).toBe(1);
    expect(api.output.text().trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Invalid configuration: ${name}=`))]);
  }, 30 * 60_000);
});
