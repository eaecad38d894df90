import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { Field, Int, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, ForbiddenError, NotFoundError, Permission } from '@samverkan/core';
import { TestApp, startTestApp } from '../harness/test-app';
import { TestPerson, signedInPerson } from '../harness/factories';
import { CommissionFixture, allocation, commission, group, organisation } from '../harness/structure-fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bench = require('../../bench/lib/dashboard.js') as { OURS_QUERY: string };

/** Which executor called a field resolver, read from the call stack (graphql-jit's compiled code, or graphql-js). */
function executedBy(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Infinity;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  if (/node_modules[\\/]graphql-jit[\\/]/.test(stack)) return 'graphql-jit';
  return /graphql[\\/]execution[\\/]execute/.test(stack) ? 'graphql-js' : 'unknown';
}

@ObjectType()
class ExecutorProbe {
  @Field(() => Int)
  value: number;
}

@Resolver(() => ExecutorProbe)
class ExecutorProbeResolver {
  @Allow(Permission.Public)
  @Query(() => ExecutorProbe)
  executorProbe(): ExecutorProbe {
    return { value: 1 };
  }

  @Allow(Permission.Public)
  @Mutation(() => ExecutorProbe)
  executorProbeMutation(): ExecutorProbe {
    return { value: 2 };
  }

  @ResolveField(() => String)
  executedBy(): string {
    return executedBy();
  }

  @ResolveField(() => [Int])
  list(probe: ExecutorProbe): number[] {
    return [probe.value, probe.value + 1];
  }

  @ResolveField(() => ExecutorProbe, { nullable: true })
  child(probe: ExecutorProbe): ExecutorProbe {
    return { value: probe.value + 1 };
  }

  // A refusal in a nullable field: that field null, the rest of the answer kept, the error at its path.
  @ResolveField(() => ExecutorProbe, { nullable: true })
  refused(): ExecutorProbe {
    throw new NotFoundError('Commission', '00000000-0000-4000-8000-000000000000');
  }

  // A failure in a non-null field: null travels up to the nearest nullable parent.
  @ResolveField(() => Int)
  broken(): number {
    throw new Error('a bug, not for the client');
  }

  @ResolveField(() => Int)
  async brokenLater(): Promise<number> {
    await new Promise((resolve) => setImmediate(resolve));
    throw new ForbiddenError();
  }
}

@Module({ providers: [ExecutorProbeResolver] })
class ExecutorProbeModule {}

interface Answer {
  status: number;
  body: Record<string, any>;
}

/**
 * graphql-jit behind Apollo (issue 20): queries compiled, mutations on
 * graphql-js, and no answer different from graphql-js's. Two apps over the same
 * database, one per executor (GRAPHQL_EXECUTOR), are asked the same
 * operations: data, partial data, errors (codes, messages, paths), variable
 * refusals and HTTP status must be the same, except which executor ran.
 */
describe('graphql-jit executes queries exactly as graphql-js does (issue 20)', () => {
  let jit: TestApp;
  let reference: TestApp;
  let fixture: CommissionFixture;
  let outsider: TestPerson;

  beforeAll(async () => {
    jit = await startTestApp({ GRAPHQL_EXECUTOR: 'jit' }, [ExecutorProbeModule]);
    reference = await startTestApp({ GRAPHQL_EXECUTOR: 'graphql-js', DATABASE_URL: jit.config.DATABASE_URL }, [ExecutorProbeModule]);
    fixture = await commission(jit);
    const org = await organisation(jit, fixture.admin.token);
    const groupId = await group(jit, fixture.secretariat.token, fixture.commissionId);
    await allocation(jit, fixture.secretariat.token, groupId, org, 3);
    outsider = await signedInPerson(jit);
  });
  afterAll(async () => {
    await reference?.close();
    await jit?.close();
  });

  async function ask(t: TestApp, body: unknown, token?: string, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await t.http('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, any>;
    // Each request has its own id; the statement count is compared where it matters (dashboard-read-path).
    for (const error of answer.errors ?? []) {
      const requestId = error.extensions?.requestId;
      if (requestId) error.message = error.message.replace(requestId, '<request id>');
      delete error.extensions?.requestId;
    }
    return { status: response.status, body: answer };
  }

  /** The same answer from both executors. */
  async function same(body: unknown, token?: string, headers?: Record<string, string>): Promise<Answer> {
    const [a, b] = [await ask(jit, body, token, headers), await ask(reference, body, token, headers)];
    expect(a).toEqual(b);
    return a;
  }

  it('runs queries compiled and mutations on graphql-js, with the same answers', async () => {
    const query = await ask(jit, { query: '{ executorProbe { executedBy value } }' });
    expect(query.body).toEqual({ data: { executorProbe: { executedBy: 'graphql-jit', value: 1 } }, extensions: { sqlStatements: 0 } });
    expect((await ask(reference, { query: '{ executorProbe { executedBy value } }' })).body.data.executorProbe.executedBy).toBe('graphql-js');
    const mutation = await same({ query: 'mutation { executorProbeMutation { executedBy value list } }' });
    expect(mutation.body.data.executorProbeMutation).toEqual({ executedBy: 'graphql-js', value: 2, list: [2, 3] });
  });

  it('answers the dashboard with the same data', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const answer = await same({ query: bench.OURS_QUERY, variables: { id: fixture.commissionId, from } }, fixture.secretariat.token);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.commission.groups[0].allocations[0].seats).toHaveLength(3);
    // Hidden from someone without a role in the commission, as before.
    const refused = await same({ query: bench.OURS_QUERY, variables: { id: fixture.commissionId, from } }, outsider.token);
    expect(refused.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('keeps partial data, null propagation and error paths', async () => {
    const answer = await same({
      query: `{ executorProbe {
        value
        refused { value }
        child { value broken }
        other: child { value child { brokenLater } }
        list
      } }`,
    });
    expect(answer.body.data).toEqual({ executorProbe: { value: 1, refused: null, child: null, other: { value: 2, child: null }, list: [1, 2] } });
    const errors = answer.body.errors.map((e: { path: unknown[]; extensions: { code: string } }) => [e.path.join('.'), e.extensions.code]).sort();
    expect(errors).toEqual([
      ['executorProbe.child.broken', 'INTERNAL_SERVER_ERROR'],
      ['executorProbe.other.child.brokenLater', 'FORBIDDEN'],
      ['executorProbe.refused', 'NOT_FOUND'],
    ]);
    // A non-null root field that fails leaves no data at all; in Danish when asked in Danish.
    await same({ query: `query($id: ID!) { commission(id: $id) { id } }`, variables: { id: randomUUID() } }, fixture.secretariat.token, { 'accept-language': 'da' });
  });

  it('reads variables, fragments, aliases and directives the same way', async () => {
    const query = `query Probe($skip: Boolean!, $id: ID!) {
      executorProbe { ...P a: value b: value @skip(if: $skip) c: value @include(if: $skip) __typename }
      commission(id: $id) { id __typename }
    }
    fragment P on ExecutorProbe { value list child { ... on ExecutorProbe { value } } }`;
    for (const skip of [true, false]) {
      const answer = await same({ query, variables: { skip, id: fixture.commissionId }, operationName: 'Probe' }, fixture.secretariat.token);
      expect(answer.body.errors).toBeUndefined();
    }
    // Variables refused before execution: 400 and BAD_USER_INPUT from both.
    const missing = await same({ query, variables: { skip: true } }, fixture.secretariat.token);
    expect([missing.status, missing.body.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    const wrongType = await same({ query, variables: { skip: 'yes', id: fixture.commissionId } }, fixture.secretariat.token);
    expect(wrongType.status).toBe(400);
    // Two operations in one document: the one named runs; none named is a refusal.
    const two = `query A { executorProbe { value } } query B { executorProbe { list } }`;
    expect((await same({ query: two, operationName: 'B' })).body.data).toEqual({ executorProbe: { list: [1, 2] } });
    expect((await same({ query: two })).status).toBe(400);
  });

  it('refuses arguments out of range with the same typed error', async () => {
    const answer = await same(
      { query: `query($c: ID!) { deliverables(filter: { commissionId: $c }, first: 1000) { totalCount } }`, variables: { c: fixture.commissionId } },
      fixture.secretariat.token,
    );
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
