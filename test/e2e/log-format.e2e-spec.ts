import path from 'node:path';
import { createTestDatabase, freePort } from '../harness/test-app';
import { GroupChild, killGroup, spawnGroup } from '../harness/process-groups';
import { OutputWatch, cpuTicks, scaled, untilStalled, watchOutput } from '../harness/progress';

/**
 * Issue 16, item 12: the built API as `npm start` runs it, its output piped.
 * LOG_FORMAT=auto (and json) write one JSON object a line; with the launcher's
 * SAMVERKAN_LOG_TERMINAL=1 the same process writes readable lines instead.
 */
const REQUEST_LINE = /POST \/graphql .*\d+ ms/;
const main = path.resolve(__dirname, '../../dist/apps/api/src/main.js');

interface Api {
  child: GroupChild;
  output: OutputWatch;
  lines: () => string[];
  port: number;
  drop: () => Promise<void>;
}

async function boot(env: Record<string, string>): Promise<Api> {
  const db = await createTestDatabase();
  const port = await freePort();
  const child = spawnGroup(process.execPath, [main], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', NO_COLOR: '1', PORT: String(port), DATABASE_URL: db.url, REDIS_URL: process.env.SAMVERKAN_TEST_REDIS_URL!, QUEUE_PREFIX: db.name, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    label: 'api (log format test)',
  });
  const output = watchOutput(child);
  const api: Api = { child, output, lines: () => output.text().split('\n').filter(Boolean), port, drop: () => db.drop() };
  // Ready when /health/ready says so; stalled when it neither answers, prints nor computes for a while.
  await untilStalled(
    async () => {
      const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status, () => 0);
      if (output.exit()) throw new Error(`the API exited before it was ready:\n${output.tail()}`);
      return { done: status === 200, progress: [status, output.bytes(), cpuTicks(child.pid!)], status: `last /health/ready: ${status || 'no answer'}; output:\n${output.tail(1500)}` };
    },
    { stallMs: scaled(20_000), intervalMs: 200, what: 'the API to report ready' },
  );
  return api;
}

async function stop(api: Api | undefined): Promise<void> {
  if (!api) return;
  await killGroup(api.child);
  await api.drop().catch(() => undefined);
}

async function traffic(port: number): Promise<void> {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then((r) => r.text());
  await post({ query: 'query Probe { __typename }', operationName: 'Probe' });
  await post({ query: 'query Me { me { isAdmin } }', operationName: 'Me' });
  await post({ query: '{ __typename }' }, { 'content-type': 'text/plain' });
}

/** Waits until the three request lines are written (they follow the responses), however slow the machine. */
async function requestLines(api: Api): Promise<string[]> {
  await untilStalled(
    () => {
      if (api.output.exit()) throw new Error(`the API exited:\n${api.output.tail()}`);
      const count = api.lines().filter((l) => REQUEST_LINE.test(l)).length;
      return { done: count >= 3, progress: [count, api.output.bytes(), cpuTicks(api.child.pid!)], status: `request lines so far: ${count}; output:\n${api.output.tail(1500)}` };
    },
    { stallMs: scaled(10_000), intervalMs: 50, what: 'the request log lines' },
  );
  return api.lines();
}

describe('log format of the API process (LOG_FORMAT)', () => {
  let api: Api | undefined;
  afterEach(async () => {
    await stop(api);
    api = undefined;
  });

  it.each(['auto', 'json'])('LOG_FORMAT=%s with piped output: every line is JSON, one per request with method, url, status, time and error codes', async (format) => {
    api = await boot({ LOG_FORMAT: format });
    await traffic(api.port);
    const lines = await requestLines(api);
    const entries = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, any>;
      } catch {
        throw new Error(`not a JSON line: ${line}`);
      }
    });
    const requests = entries.filter((e) => e.req?.url === '/graphql');
    expect(requests.map((e) => e.msg)).toEqual([
      expect.stringMatching(/^POST \/graphql Probe 200 \d+ ms$/),
      expect.stringMatching(/^POST \/graphql Me 200 \d+ ms UNAUTHENTICATED$/),
      expect.stringMatching(/^POST \/graphql 400 \d+ ms BAD_USER_INPUT$/),
    ]);
    expect(requests.map((e) => [e.level, e.res?.statusCode, typeof e.responseTime])).toEqual([
      [30, 200, 'number'],
      [40, 200, 'number'],
      [40, 400, 'number'],
    ]);
    expect(requests[1]).toMatchObject({ operationName: 'Me', errorCodes: ['UNAUTHENTICATED'] });
  }, 30 * 60_000); // a stall fails it sooner (untilStalled)

  it('LOG_FORMAT=auto under `npm start` on a terminal (SAMVERKAN_LOG_TERMINAL=1): readable lines, one per request, refusals marked WARN with their code', async () => {
    api = await boot({ LOG_FORMAT: 'auto', SAMVERKAN_LOG_TERMINAL: '1' });
    await traffic(api.port);
    const lines = await requestLines(api);
    expect(lines.filter((l) => l.trimStart().startsWith('{'))).toEqual([]);
    const requests = lines.filter((l) => REQUEST_LINE.test(l));
    expect(requests).toEqual([
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO.*: POST \/graphql Probe 200 \d+ ms$/),
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN.*: POST \/graphql Me 200 \d+ ms UNAUTHENTICATED$/),
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN.*: POST \/graphql 400 \d+ ms BAD_USER_INPUT$/),
    ]);
  }, 30 * 60_000);
});
