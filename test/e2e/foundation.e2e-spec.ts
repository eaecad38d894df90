import { Module } from '@nestjs/common';
import { Args, Field, Int, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, ConflictError, NotFoundError, Permission } from '@samverkan/core';
import { TestApp, startTestApp } from '../harness/test-app';
import { createPerson, login, signedInPerson, TEST_PASSWORD } from '../harness/factories';

@ObjectType()
class ProbeNode {
  @Field(() => Int)
  value: number;

  @Field(() => ProbeNode)
  child: ProbeNode;
}

// Resolvers that exist only in this test: one forgets @Allow, one throws each error kind.
@Resolver(() => ProbeNode)
class ProbeResolver {
  @Allow(Permission.Public)
  @Query(() => ProbeNode)
  probeTree(): ProbeNode {
    return { value: 1 } as ProbeNode;
  }

  @ResolveField(() => ProbeNode)
  child(): ProbeNode {
    return { value: 1 } as ProbeNode;
  }

  @Query(() => Int)
  undeclared(): number {
    return 42;
  }

  @Allow(Permission.Public)
  @Query(() => Int)
  probeError(@Args('kind') kind: string): number {
    if (kind === 'notFound') throw new NotFoundError('Commission', 'abc');
    if (kind === 'conflict') throw new ConflictError('common.conflict', { details: 'x' });
    throw new Error('secret internal detail: SELECT * FROM account');
  }

  @Allow(Permission.Admin)
  @Query(() => Int)
  adminOnly(): number {
    return 1;
  }
}

@Module({ providers: [ProbeResolver] })
class ProbeModule {}

describe('foundation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_ALIASES: '3' }, [ProbeModule]);
  });
  afterAll(() => t?.close());

  it('reports live and ready (database and Redis)', async () => {
    expect((await t.http('/health/live')).status).toBe(200);
    const ready = await t.http('/health/ready');
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { info: unknown };
    expect(body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('keeps an idle connection open longer than a client or a proxy does (no ECONNRESET race on reuse)', async () => {
    const response = await t.http('/health/live');
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
  });

  it('serves GraphiQL and its assets from local packages', async () => {
    const page = await t.http('/graphiql');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/graphiql/assets/graphiql.js');
    const asset = await t.http('/graphiql/assets/graphiql.js');
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(100_000);
  });

  it('signs in with a good password and answers me', async () => {
    const person = await signedInPerson(t, { fullName: 'Karin Lund' });
    const me = await t.gql(`{ me { person { fullName } isAdmin } }`, {}, { token: person.token });
    expect(me.data?.me).toEqual({ person: { fullName: 'Karin Lund' }, isAdmin: false });
  });

  it('refuses a bad password with UNAUTHENTICATED, then rate-limits the account', async () => {
    const person = await createPerson(t.db);
    for (let i = 0; i < 3; i++) {
      const bad = await t.gql(`mutation { login(input: { email: "${person.email}", password: "wrong" }) { accessToken } }`);
      expect(bad.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const limited = await t.gql(`mutation { login(input: { email: "${person.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`);
    expect(limited.errors?.[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('rotates refresh tokens and revokes a session whose old token is replayed', async () => {
    const person = await createPerson(t.db);
    const first = await t.gql(`mutation { login(input: { email: "${person.email}", password: "${TEST_PASSWORD}" }) { accessToken refreshToken } }`);
    const { refreshToken, accessToken } = first.data!.login;
    const second = await t.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`, { t: refreshToken });
    expect(second.data?.refreshSession.accessToken).toBeTruthy();
    const replay = await t.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: refreshToken });
    expect(replay.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const after = await t.gql(`{ me { isAdmin } }`, {}, { token: accessToken });
    expect(after.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the access token at once', async () => {
    const person = await signedInPerson(t);
    expect((await t.gql(`mutation { logout }`, {}, { token: person.token })).data?.logout).toBe(1);
    const me = await t.gql(`{ me { isAdmin } }`, {}, { token: person.token });
    expect(me.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('denies a resolver that declares no permission, even to an admin', async () => {
    const admin = await signedInPerson(t, { isAdmin: true });
    const result = await t.gql(`{ undeclared }`, {}, { token: admin.token });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('gives each error its code, in the caller’s language, without internals', async () => {
    expect((await t.gql(`{ me { isAdmin } }`)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const member = await signedInPerson(t);
    expect((await t.gql(`{ adminOnly }`, {}, { token: member.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const notFound = await t.gql(`{ probeError(kind: "notFound") }`, {}, { headers: { 'accept-language': 'da' } });
    expect(notFound.errors?.[0]).toMatchObject({ message: 'Kommissionen med id abc findes ikke.', extensions: { code: 'NOT_FOUND' } });
    expect((await t.gql(`{ probeError(kind: "conflict") }`)).errors?.[0].extensions.code).toBe('CONFLICT');
    const internal = await t.gql(`{ probeError(kind: "boom") }`);
    expect(internal.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const text = JSON.stringify(internal);
    expect(text).not.toMatch(/SELECT|secret internal|stack|at .*\.ts/);
    const badInput = await t.gql(`mutation { login(input: { email: "not-an-email", password: "x" }) { accessToken } }`);
    expect(badInput.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(badInput.errors?.[0].message).toMatch(/email/);
  });

  it('a bad token is UNAUTHENTICATED, not a crash', async () => {
    const result = await t.gql(`{ me { isAdmin } }`, {}, { token: 'not.a.jwt' });
    expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  describe('limits', () => {
    it('refuses a query deeper than the limit', async () => {
      const ok = await t.gql(`{ probeTree { child { child { value } } } }`);
      expect(ok.data?.probeTree.child.child.value).toBe(1);
      const tooDeep = await t.gql(`{ probeTree { child { child { child { child { value } } } } } }`);
      expect(tooDeep.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', rule: 'depth' });
    });

    it('refuses too many aliases', async () => {
      const result = await t.gql(`{ a: probeError(kind: "x") b: probeError(kind: "x") c: probeError(kind: "x") d: probeError(kind: "x") e: probeError(kind: "x") }`);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', rule: 'aliases' });
    });

    it('refuses too many tokens and too many directives', async () => {
      const tokens = await t.gql(`{ ${Array.from({ length: 1600 }, () => '__typename').join(' ')} }`);
      expect(tokens.errors?.[0].extensions.code).toMatch(/GRAPHQL_(PARSE|VALIDATION)_FAILED/);
      const directives = await t.gql(`{ __typename ${Array.from({ length: 60 }, () => '@include(if: true)').join(' ')} }`);
      expect(directives.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', rule: 'directives' });
    });

    it('refuses an over-cost query', async () => {
      const cheap = await startTestApp({ GRAPHQL_MAX_COST: '100' }, [ProbeModule]);
      try {
        const trees = Array.from({ length: 20 }, (_, i) => `t${i}: probeTree { child { child { child { child { value } } } } }`).join(' ');
        const result = await cheap.gql(`{ ${trees} }`);
        expect(result.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', rule: 'cost' });
      } finally {
        await cheap.close();
      }
    });

    it('refuses a body over the size limit without a 500', async () => {
      const response = await t.http('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ me { isAdmin } }`, variables: { pad: 'x'.repeat(2_000_000) } }),
      });
      expect(response.status).toBe(413);
    });
  });

  describe('audit', () => {
    it('records a login in the same transaction and shows the trail to an admin', async () => {
      const admin = await signedInPerson(t, { isAdmin: true });
      const [session] = await t.db.query(`SELECT s.id FROM session s JOIN account a ON a.id = s.account_id WHERE a.person_id = $1`, [admin.id]);
      const trail = await t.gql(`query($id: String!) { auditTrail(entity: "session", entityId: $id) { action actorPersonId requestId } }`, { id: session.id }, { token: admin.token });
      expect(trail.data?.auditTrail).toEqual([expect.objectContaining({ action: 'login', actorPersonId: admin.id })]);
      expect(trail.data?.auditTrail[0].requestId).toBeTruthy();
    });

    it('refuses to update or delete audit rows', async () => {
      await signedInPerson(t);
      await expect(t.db.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/immutable/);
      await expect(t.db.query(`DELETE FROM audit_event`)).rejects.toThrow(/immutable/);
      await expect(t.db.query(`TRUNCATE audit_event`)).rejects.toThrow(/immutable/);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM audit_event WHERE action = 'forged'`);
      expect(count).toBe(0);
    });
  });
});
