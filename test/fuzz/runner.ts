import { GraphQLSchema } from 'graphql';
import type { TestApp } from '../harness/test-app';
import { FuzzRequest, RequestGenerator } from './generator';
import { judge, Verdict } from './oracle';
import { Rng } from './rng';
import { Actor, World } from './world';

export interface Failure {
  index: number;
  actor: string;
  operation: string;
  mode: FuzzRequest['mode'];
  reason: string;
  query: string;
  variables: string;
  status: number;
  response: string;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  /** Requests sent a second time after a fuzzed logout had ended the actor's session. */
  resent: number;
  internal: number;
  untyped: number;
  operations: number;
  /** Requests per operation that got past GraphQL validation into a resolver (data, or an error with a path). */
  reachedResolvers: number;
  /** Operations whose every request was stopped before a resolver. */
  neverReached: string[];
  codes: Record<string, number>;
  /** Per operation: answered with data and no error, and the error codes seen. */
  byOperation: Record<string, { ok: number; codes: Record<string, number> }>;
  failures: Failure[];
  seconds: number;
}

export interface FuzzOptions {
  seed: number;
  requests: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Only these request numbers (to replay a failure: FUZZ_ONLY=17,230). */
  only?: number[];
}

/** Shortens a value for a failure report (100k strings stay out of the log). */
export function shorten(value: unknown, max = 600): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Sends `requests` fuzzed GraphQL requests, each to the next operation of the
 * schema in turn as one of the world's actors, and judges every response.
 * Request i is generated from (seed, i) alone, so one can be replayed.
 */
export async function runFuzz(t: TestApp, schema: GraphQLSchema, world: World, options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const generator = new RequestGenerator(schema, world.pools);
  const indexes = options.only ?? Array.from({ length: options.requests }, (_, i) => i);
  const report: FuzzReport = {
    seed: options.seed,
    requests: 0,
    resent: 0,
    internal: 0,
    untyped: 0,
    operations: generator.all.length,
    reachedResolvers: 0,
    neverReached: [],
    codes: {},
    byOperation: {},
    failures: [],
    seconds: 0,
  };
  const reached = new Map<string, number>(generator.all.map((op) => [`${op.kind} ${op.field}`, 0]));
  let next = 0;
  let sinceRefresh = 0;
  const relogins = new Map<Actor, Promise<void>>();

  const worker = async () => {
    while (next < indexes.length) {
      const index = indexes[next++];
      const rng = Rng.forRequest(options.seed, index);
      // Rotate so that each operation meets each actor (48 operations would otherwise pin one actor to each).
      const actor = world.actors[(index + Math.floor(index / generator.all.length)) % world.actors.length];
      const request = generator.request(rng, index);
      await relogins.get(actor);
      const token = actor.token;
      let { status, text } = await send(t, request, token);
      let verdict = judge(status, text);
      if (verdict.unauthenticated) {
        // A fuzzed logout ended this actor's session: record this answer, sign in again and send once more.
        if (verdict.internal || verdict.untyped) report.failures.push(failure(index, actor, request, verdict, status, text));
        await ensureSignedIn(t, world, actor, relogins);
        if (actor.token !== token) {
          report.resent++;
          ({ status, text } = await send(t, request, actor.token));
          verdict = judge(status, text);
        }
      }
      report.requests++;
      const stats = (report.byOperation[`${request.operation.kind} ${request.operation.field}`] ??= { ok: 0, codes: {} });
      if (!verdict.codes.length) stats.ok++;
      for (const code of verdict.codes) {
        report.codes[code] = (report.codes[code] ?? 0) + 1;
        stats.codes[code] = (stats.codes[code] ?? 0) + 1;
      }
      if (reachedResolver(text)) {
        report.reachedResolvers++;
        const key = `${request.operation.kind} ${request.operation.field}`;
        reached.set(key, (reached.get(key) ?? 0) + 1);
      }
      if (verdict.internal) report.internal++;
      if (verdict.untyped) report.untyped++;
      if ((verdict.internal || verdict.untyped) && report.failures.length < 200) report.failures.push(failure(index, actor, request, verdict, status, text));
      if (++sinceRefresh >= 250) {
        sinceRefresh = 0;
        generator.setPools(await world.refresh());
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 3 }, worker));
  report.neverReached = [...reached].filter(([, n]) => n === 0).map(([k]) => k);
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  return report;
}

function failure(index: number, actor: Actor, request: FuzzRequest, verdict: Verdict, status: number, text: string): Failure {
  return {
    index,
    actor: actor.name,
    operation: `${request.operation.kind} ${request.operation.field}`,
    mode: request.mode,
    reason: verdict.internal ? `internal (${verdict.untyped ?? 'INTERNAL_SERVER_ERROR'})` : verdict.untyped!,
    query: shorten(request.query, 400),
    variables: shorten(request.variables, 800),
    status,
    response: shorten(text, 800),
  };
}

/** Data for the field, or an error raised inside a resolver (it has a path). */
function reachedResolver(text: string): boolean {
  try {
    const body = JSON.parse(text);
    return (body.data && Object.values(body.data).some((v) => v !== null)) || (body.errors ?? []).some((e: { path?: unknown }) => e.path);
  } catch {
    return false;
  }
}

export async function send(t: TestApp, request: { query: string; variables: Record<string, unknown> }, token?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: request.query, variables: request.variables }),
  });
  return { status: response.status, text: await response.text() };
}

/** A fuzzed `logout(everywhere: true)` ends the actor's sessions; sign in again so the run stays authorised. */
async function ensureSignedIn(t: TestApp, world: World, actor: Actor, relogins: Map<Actor, Promise<void>>): Promise<void> {
  if (relogins.has(actor)) return relogins.get(actor);
  const pending = (async () => {
    const me = await send(t, { query: '{ me { sessionId } }', variables: {} }, actor.token);
    if (judge(me.status, me.text).unauthenticated) await world.relogin(actor);
  })().finally(() => relogins.delete(actor));
  relogins.set(actor, pending);
  return pending;
}

export function printReport(report: FuzzReport): string {
  const lines = [
    `fuzz seed ${report.seed}: ${report.operations} operations, ${report.seconds} s`,
    `requests ${report.requests}, internal errors ${report.internal}, untyped errors ${report.untyped}`,
    `(${report.resent} of them sent again after a fuzzed logout had ended the actor's session)`,
    `reached a resolver: ${report.reachedResolvers} requests; codes: ${Object.entries(report.codes).map(([c, n]) => `${c} ${n}`).join(', ')}`,
  ];
  if (report.neverReached.length) lines.push(`never past validation: ${report.neverReached.join(', ')}`);
  if (process.env.FUZZ_VERBOSE) {
    for (const [op, s] of Object.entries(report.byOperation)) lines.push(`  ${op}: ok ${s.ok}, ${Object.entries(s.codes).map(([c, n]) => `${c} ${n}`).join(', ')}`);
  }
  for (const f of report.failures.slice(0, 30)) {
    lines.push(`✖ #${f.index} ${f.operation} [${f.mode}] as ${f.actor}: ${f.reason}\n    ${f.query}\n    variables ${f.variables}\n    → ${f.status} ${f.response}`);
  }
  return lines.join('\n');
}
