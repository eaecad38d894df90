import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase } from '../harness/test-app';
import { freePort } from '../harness/test-app';

/**
 * Issue 16, item 12: the built API as `npm start` runs it, its output piped.
 * LOG_FORMAT=auto (and json) write one JSON object a line; with the launcher's
 * SAMVERKAN_LOG_TERMINAL=1 the same process writes readable lines instead.
 */
const REQUEST_LINE = /POST \/graphql .*\d+ ms/;
const main = path.resolve(__dirname, '../../dist/apps/api/src/main.js');

interface Api {
  child: ChildProcess;
  lines: () => string[];
  exit: Promise<number | string | null>;
  port: number;
}

async function boot(env: Record<string, string>): Promise<Api> {
  const db = await createTestDatabase();
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', NO_COLOR: '1', PORT: String(port), DATABASE_URL: db.url, REDIS_URL: process.env.SAMVERKAN_TEST_REDIS_URL!, QUEUE_PREFIX: db.name, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, ended whatever happens to the test
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  exit.then(() => db.drop().catch(() => undefined));
  // Ready when /health/ready says so; an API that exits instead fails at once with its output.
  let exited = false;
  exit.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`the API exited before it was ready:\n${output}`);
    const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status, () => 0);
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, lines: () => output.split('\n').filter(Boolean), exit, port };
}

async function stop(api: Api | undefined): Promise<void> {
  if (!api || api.child.exitCode !== null || api.child.signalCode !== null) return;
  try {
    process.kill(-api.child.pid!, 'SIGTERM');
  } catch {
    return;
  }
  await api.exit;
}

async function traffic(port: number): Promise<void> {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then((r) => r.text());
  await post({ query: 'query Probe { __typename }', operationName: 'Probe' });
  await post({ query: 'query Me { me { isAdmin } }', operationName: 'Me' });
  await post({ query: '{ __typename }' }, { 'content-type': 'text/plain' });
}

/** Waits until the request lines are written (they follow the response), however slow the machine. */
async function until(api: Api, done: (lines: string[]) => boolean): Promise<string[]> {
  while (!done(api.lines())) {
    if (api.child.exitCode !== null) throw new Error(`the API exited:\n${api.lines().join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return api.lines();
}

describe('log format of the API process (LOG_FORMAT)', () => {
  let api: Api | undefined;
  afterEach(() => stop(api));

  it.each(['auto', 'json'])('LOG_FORMAT=%s with piped output: every line is JSON, one per request with method, url, status, time and error codes', async (format) => {
    api = await boot({ LOG_FORMAT: format });
    await traffic(api.port);
    const lines = await until(api, (all) => all.filter((l) => REQUEST_LINE.test(l)).length >= 3);
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
  });

  it('LOG_FORMAT=auto under `npm start` on a terminal (SAMVERKAN_LOG_TERMINAL=1): readable lines, one per request, refusals marked WARN with their code', async () => {
    api = await boot({ LOG_FORMAT: 'auto', SAMVERKAN_LOG_TERMINAL: '1' });
    await traffic(api.port);
    const lines = await until(api, (all) => all.filter((l) => REQUEST_LINE.test(l)).length >= 3);
    expect(lines.filter((l) => l.trimStart().startsWith('{'))).toEqual([]);
    const requests = lines.filter((l) => REQUEST_LINE.test(l));
    expect(requests).toEqual([
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO.*: POST \/graphql Probe 200 \d+ ms$/),
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN.*: POST \/graphql Me 200 \d+ ms UNAUTHENTICATED$/),
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN.*: POST \/graphql 400 \d+ ms BAD_USER_INPUT$/),
    ]);
  });
});
