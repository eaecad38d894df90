import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { SeedsModule } from '@samverkan/seeds';
import { TestApp, startTestApp } from '../harness/test-app';
import { HOSTILE_DATES, HOSTILE_STRINGS, HOSTILE_TIME_ZONES, LEAK_PATTERNS, MALFORMED_IDS } from '../fuzz/catalog';
import { operationsOf } from '../fuzz/generator';
import { judge } from '../fuzz/oracle';
import { printReport, runFuzz } from '../fuzz/runner';
import { World, buildWorld } from '../fuzz/world';
import { scaled } from '../harness/progress';

/**
 * Schema-aware fuzzing of every query and mutation as authorised users.
 * In the suite: 1,000 requests with a fixed seed. `npm run fuzz`: 10,000.
 * FUZZ_SEED picks another seed, FUZZ_ONLY=3,17 replays single requests.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_241_110);
const ONLY = process.env.FUZZ_ONLY?.split(',').map(Number);

describe('fuzz: every operation, hostile inputs, no internal or untyped error', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    // The fuzzer fails logins on purpose; the per-address limit would lock its own actors out.
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000' }, [SeedsModule]);
    world = await buildWorld(t);
  }, scaled(120_000));
  afterAll(() => t?.close());

  it('knows no hostile value that would pass for a leak (the oracle can tell them apart)', () => {
    for (const value of [...HOSTILE_STRINGS, ...HOSTILE_DATES, ...HOSTILE_TIME_ZONES, ...MALFORMED_IDS]) {
      expect(LEAK_PATTERNS.filter((p) => p.test(value))).toEqual([]);
    }
    expect(judge(500, '{}').internal).toBe(true);
    expect(judge(200, '{"errors":[{"message":"x","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}').internal).toBe(true);
    expect(judge(200, '{"errors":[{"message":"x"}]}').untyped).toBe('error without extensions.code');
    expect(judge(400, '{"errors":[{"message":"x","extensions":{"code":"BAD_REQUEST"}}]}').untyped).toBe('code BAD_REQUEST');
    expect(judge(400, '{"errors":[{"message":"x","extensions":{"code":"BAD_USER_INPUT","messageKey":"common.notFound"}}]}').untyped).toMatch(/untranslated/);
    expect(judge(400, '{"errors":[{"message":"Syntax Error: Query depth limit of 4 exceeded","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}').untyped).toMatch(/Syntax Error/);
    expect(judge(200, '{"errors":[{"message":"duplicate key value violates unique constraint","extensions":{"code":"CONFLICT"}}]}').untyped).toMatch(/leaks/);
    expect(judge(200, '{"errors":[{"message":"x","extensions":{"code":"NOT_FOUND"}}],"data":null}')).toMatchObject({ internal: false, untyped: null });
  });

  it(`sends ${ONLY ? ONLY.length : REQUESTS} requests to every query and mutation without an internal or untyped error`, async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const report = await runFuzz(t, schema, world, { seed: SEED, requests: REQUESTS, only: ONLY });
    const text = printReport(report);
    process.stdout.write(`${text}\n`);
    if (report.failures.length) writeFileSync(path.join(t.config.DATA_DIR, '..', `fuzz-failures-${SEED}.json`), JSON.stringify(report.failures, null, 2));
    expect(report.requests).toBe(ONLY ? ONLY.length : REQUESTS);
    expect(operationsOf(schema).length).toBeGreaterThan(40);
    expect({ internal: report.internal, untyped: report.untyped, failures: report.failures.slice(0, 5) }).toEqual({ internal: 0, untyped: 0, failures: [] });
    // The world's ids lead most operations past validation into their resolvers.
    if (!ONLY) expect(report.reachedResolvers).toBeGreaterThan(REQUESTS * 0.3);
  }, scaled(Math.max(60_000, REQUESTS * 60)));
});
