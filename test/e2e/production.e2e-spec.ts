import { TestApp, startTestApp } from '../harness/test-app';
import { TEST_PASSWORD, createPerson, signedInPerson } from '../harness/factories';

// The API as it runs in production: what an attacker probing it can and cannot learn or do.
describe('production mode', () => {
  let t: TestApp;
  const allowedOrigin = 'https://app.samverkan.example';

  beforeAll(async () => {
    t = await startTestApp({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      EXPOSE_STATEMENT_COUNT: 'false',
      CORS_ORIGINS: allowedOrigin,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
    });
  });
  afterAll(() => t?.close());

  it('turns introspection off', async () => {
    const response = await t.gql(`{ __schema { queryType { name } } }`);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0].message).toMatch(/introspection/i);
  });

  it('does not suggest field names', async () => {
    const { token } = await signedInPerson(t);
    const response = await t.gql(`{ commisions(first: 1) { totalCount } }`, {}, { token });
    expect(response.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(response.errors)).not.toMatch(/did you mean/i);
    expect(JSON.stringify(response.errors)).not.toMatch(/commissions/);
  });

  it('refuses a cross-site simple request to GraphQL (CSRF)', async () => {
    const response = await t.http('/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(response.status).toBe(400);
    const get = await t.http(`/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
  });

  it('sends security headers and hides the framework', async () => {
    const response = await t.http('/health/live');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('allows the configured browser origin and no other', async () => {
    const preflight = (origin: string) =>
      t.http('/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const allowed = await preflight(allowedOrigin);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves metrics only to the scraper with its token', async () => {
    const token = 'a-metrics-token-of-24-chars-or-more';
    const withToken = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters', METRICS_TOKEN: token });
    try {
      expect((await withToken.http('/metrics')).status).toBe(401);
      expect((await withToken.http('/metrics', { headers: { authorization: 'Bearer wrong-token-wrong-token-wrong' } })).status).toBe(401);
      const scraped = await withToken.http('/metrics', { headers: { authorization: `Bearer ${token}` } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('samverkan_');
    } finally {
      await withToken.close();
    }
    // Without a token configured, production has no metrics endpoint at all.
    expect((await t.http('/metrics')).status).toBe(404);
  });

  it('does not serve GraphiQL', async () => {
    expect((await t.http('/graphiql')).status).toBe(404);
    expect((await t.http('/graphiql/assets/graphiql.js')).status).toBe(404);
  });

  it('answers broken requests with a typed error and no stack trace or SQL', async () => {
    const malformed = await t.http('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(text).not.toMatch(/at \w+ \(|node_modules|SELECT|stack/i);
    const { token } = await signedInPerson(t);
    const badId = await t.gql(`query { commission(id: "1' OR '1'='1") { id } }`, {}, { token });
    // Access is checked first: an id that names no commission of the caller's is NOT_FOUND.
    expect(badId.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(JSON.stringify(badId.errors)).not.toMatch(/stacktrace|SELECT|uuid|at \w+ \(/i);
  });

  it('limits login attempts and revokes a session whose refresh token is replayed', async () => {
    const person = await createPerson(t.db);
    for (let i = 0; i < 3; i++) {
      const bad = await t.gql(`mutation($e: String!) { login(input: { email: $e, password: "wrong-password" }) { accessToken } }`, { e: person.email });
      expect(bad.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const limited = await t.gql(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }`, { e: person.email, p: TEST_PASSWORD });
    expect(limited.errors?.[0].extensions.code).toBe('RATE_LIMITED');

    const other = await createPerson(t.db);
    const first = await t.gql(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken refreshToken } }`, { e: other.email, p: TEST_PASSWORD });
    const refreshToken = first.data?.login.refreshToken;
    const rotated = await t.gql(`mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }`, { r: refreshToken });
    expect(rotated.data?.refreshSession.refreshToken).toBeTruthy();
    const replay = await t.gql(`mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }`, { r: refreshToken });
    expect(replay.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    // The replay revoked the whole session: the rotated token no longer works either.
    const after = await t.gql(`mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }`, { r: rotated.data?.refreshSession.refreshToken });
    expect(after.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('revokes a calendar feed token at once', async () => {
    const person = await signedInPerson(t);
    const feed = await t.gql(`mutation { createCalendarFeed { url } }`, {}, { token: person.token });
    const path = new URL(feed.data?.createCalendarFeed.url).pathname;
    expect((await t.http(path)).status).toBe(200);
    await t.gql(`mutation { revokeCalendarFeed }`, {}, { token: person.token });
    expect((await t.http(path)).status).toBe(404);
  });

  it('refuses weak passwords', async () => {
    const person = await signedInPerson(t);
    const weak = await t.gql(`mutation($o: String!) { changePassword(input: { currentPassword: $o, newPassword: "short" }) }`, { o: TEST_PASSWORD }, { token: person.token });
    expect(weak.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
