import { TestApp, startTestApp } from '../harness/test-app';
import { signedInPerson, TestPerson } from '../harness/factories';

/**
 * Each failure the fuzzer (test/e2e/fuzz.e2e-spec.ts) found, as a small named
 * test that failed before its fix.
 */
describe('fuzz regressions', () => {
  let t: TestApp;
  let admin: TestPerson;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInPerson(t, { isAdmin: true });
  });
  afterAll(() => t?.close());

  const post = async (query: string, variables: Record<string, unknown> = {}, token = admin.token) => {
    const response = await t.http('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown } };
  };

  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED, not a 500 (graphql-armor parsed in a plugin hook)', async () => {
    for (const query of ['query F', '{ me { isAdmin }', 'query { me { isAdmin } } }', '{ me \u0000 { isAdmin } }', 'query Fuzz($id: ID!']) {
      const { status, body } = await post(query);
      expect({ query, status, code: body.errors?.[0].extensions.code }).toEqual({ query, status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    }
  });

  it('still refuses a document over the token limit, as a typed limit error with 400', async () => {
    const { status, body } = await post(`{ ${Array.from({ length: 3100 }, () => '__typename').join(' ')} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'tokens' });
  });
});
