import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { Field, Int, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Permission } from '@samverkan/core';
import { TestApp, startTestApp } from '../harness/test-app';
import { TestPerson, signedInPerson } from '../harness/factories';

/**
 * Issue 16, item 8: one error shape, whole messages, a sane language fallback.
 * Every probe is sent over HTTP in sv, da and en.
 */

@ObjectType()
class ErrorProbeNode {
  @Field(() => Int)
  value: number;

  @Field(() => ErrorProbeNode)
  child: ErrorProbeNode;
}

@Resolver(() => ErrorProbeNode)
class ErrorProbeResolver {
  @Allow(Permission.Public)
  @Query(() => ErrorProbeNode)
  errorProbeTree(): ErrorProbeNode {
    return { value: 1 } as ErrorProbeNode;
  }

  @ResolveField(() => ErrorProbeNode)
  child(): ErrorProbeNode {
    return { value: 1 } as ErrorProbeNode;
  }
}

@Module({ providers: [ErrorProbeResolver] })
class ErrorProbeModule {}

const LANGUAGES = ['sv', 'da', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

const SIGN_IN: Record<Language, string> = { sv: 'Du måste logga in.', da: 'Du skal logge ind.', en: 'You must sign in.' };

interface Answer {
  status: number;
  body: { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown };
}

/** The one shape of every refusal of /graphql, with no code outside the README's table. */
function expectRefusal(answer: Answer, code: string): { message: string; extensions: Record<string, unknown> } {
  expect(answer.body.errors?.length).toBeGreaterThan(0);
  const [error] = answer.body.errors!;
  expect(Object.keys(answer.body).filter((k) => k !== 'data' && k !== 'extensions')).toEqual(['errors']);
  expect(typeof error.message).toBe('string');
  expect(error.extensions.code).toBe(code);
  expect(error.message).not.toMatch(/Syntax Error|BAD_REQUEST|\bstack\b/);
  expect(JSON.stringify(answer.body)).not.toMatch(/messageKey|"params"/);
  return error;
}

describe('errors: one shape, whole messages, the language of the request (issue 16, item 8)', () => {
  let t: TestApp;
  let admin: TestPerson;

  beforeAll(async () => {
    t = await startTestApp(
      { GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_ALIASES: '3', GRAPHQL_MAX_COST: '100', GRAPHQL_MAX_DIRECTIVES: '5', GRAPHQL_MAX_TOKENS: '200', HTTP_BODY_LIMIT: '10kb' },
      [ErrorProbeModule],
    );
    admin = await signedInPerson(t, { isAdmin: true, locale: 'da' });
  });
  afterAll(() => t?.close());

  async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await t.http('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }
  const gql = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => post(JSON.stringify({ query, variables }), headers);

  describe('the language of an answer', () => {
    it.each([
      ['sv', 'sv'],
      ['da-DK', 'da'],
      ['en-GB,en;q=0.9', 'en'],
      ['fr', 'sv'],
      ['*', 'sv'],
      ['fr-CH, fr;q=0.9, de;q=0.8, *;q=0.5', 'sv'],
      ['fr, da;q=0.5, en;q=0.4', 'da'],
      ['en;q=0.2, da;q=0.8', 'da'],
      ['da;q=0, en', 'en'],
      ['nb, no', 'sv'],
    ] as const)('Accept-Language %j answers an anonymous caller in %s (the configured default when nothing matches)', async (header, expected) => {
      const answer = await gql(`{ me { isAdmin } }`, {}, { 'accept-language': header });
      expect(expectRefusal(answer, 'UNAUTHENTICATED').message).toBe(SIGN_IN[expected]);
    });

    it('falls back to the signed-in person’s own language when the header names none we have, and the header wins when it does', async () => {
      const missing = randomUUID();
      const query = `query($id: ID!) { commission(id: $id) { id } }`;
      const auth = { authorization: `Bearer ${admin.token}` };
      for (const header of ['*', 'fr', 'de;q=1, *;q=0.1']) {
        const answer = await gql(query, { id: missing }, { ...auth, 'accept-language': header });
        expect(expectRefusal(answer, 'NOT_FOUND').message).toBe(`Kommissionen med id ${missing} findes ikke.`);
      }
      expect(expectRefusal(await gql(query, { id: missing }, { ...auth, 'accept-language': 'sv' }), 'NOT_FOUND').message).toBe(`Kommissionen med id ${missing} finns inte.`);
      expect(expectRefusal(await gql(query, { id: missing }, { ...auth, 'accept-language': 'en-US' }), 'NOT_FOUND').message).toBe(`The commission with id ${missing} does not exist.`);
    });

    it('follows DEFAULT_LOCALE when neither the header nor a person decides', async () => {
      const english = await startTestApp({ DEFAULT_LOCALE: 'en' });
      try {
        const response = await fetch(`${english.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'fr' }, body: JSON.stringify({ query: `{ me { isAdmin } }` }) });
        expect(((await response.json()) as Answer['body']).errors?.[0].message).toBe(SIGN_IN.en);
        const page = await fetch(`${english.url}/login`, { headers: { accept: 'text/html', 'accept-language': '*' } });
        expect(await page.text()).toMatch(/<html lang="en"/);
      } finally {
        await english.close();
      }
    });

    it('gives the server pages the same order: Accept-Language, else the default', async () => {
      for (const [header, lang] of [['da', 'da'], ['fr', 'sv'], ['*', 'sv'], ['en-US,en;q=0.9', 'en']] as const) {
        const page = await t.http('/login', { headers: { accept: 'text/html', 'accept-language': header } });
        expect({ header, lang: /<html lang="(\w+)"/.exec(await page.text())?.[1] }).toEqual({ header, lang });
      }
    });
  });

  describe('whole messages', () => {
    const texts: Record<Language, { notFound: RegExp; name: RegExp; country: RegExp; email: RegExp }> = {
      sv: { notFound: /^Organisationen med id [\w-]+ finns inte\.$/, name: /name ska vara mellan 1 och 300 tecken lång\./, country: /country ska vara två versaler enligt ISO 3166-1/, email: /email ska vara en e-postadress/ },
      da: { notFound: /^Organisationen med id [\w-]+ findes ikke\.$/, name: /name skal være mellem 1 og 300 tegn lang\./, country: /country skal være to store bogstaver efter ISO 3166-1/, email: /email skal være en e-mailadresse/ },
      en: { notFound: /^The organisation with id [\w-]+ does not exist\.$/, name: /name must be between 1 and 300 characters long\./, country: /country must be two capital letters \(ISO 3166-1\)/, email: /email must be an email address/ },
    };

    it.each(LANGUAGES)('names the entity and every broken rule in %s, with no English inside sv or da', async (language) => {
      const auth = { authorization: `Bearer ${admin.token}`, 'accept-language': language };
      const notFound = await gql(`query($id: ID!) { organisation(id: $id) { id } }`, { id: randomUUID() }, auth);
      expect(expectRefusal(notFound, 'NOT_FOUND').message).toMatch(texts[language].notFound);

      const invalid = await gql(`mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, { input: { name: '', kind: 'AGENCY', country: 'se', email: 'not-an-address' } }, auth);
      const error = expectRefusal(invalid, 'BAD_USER_INPUT');
      expect(error.message).toMatch(texts[language].name);
      expect(error.message).toMatch(texts[language].country);
      expect(error.message).toMatch(texts[language].email);
      const details = error.extensions.details as { fields: string[]; problems: { field: string; message: string }[] };
      expect(details.fields).toEqual(['name', 'country', 'email']);
      // Each field's own sentence, in the same language, for a form to show at the field.
      const problems = details.problems;
      expect(problems.map((p) => p.field)).toEqual(['name', 'country', 'email']);
      expect(problems[0].message).toMatch(texts[language].name);
      expect(problems[0].message).not.toMatch(texts[language].email);
      expect(problems[2].message).toMatch(texts[language].email);
      if (language !== 'en') expect(error.message).not.toMatch(/\b(must|should|be|characters|letters|address)\b/);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM organisation WHERE country = 'se'`);
      expect(count).toBe(0);
    });

    it.each(LANGUAGES)('refuses a variable of the wrong type with a whole sentence in %s and keeps graphql-js’s text as the reason', async (language) => {
      const answer = await gql(`query($first: Int!) { organisations(first: $first) { totalCount } }`, { first: 'many' }, { authorization: `Bearer ${admin.token}`, 'accept-language': language });
      const error = expectRefusal(answer, 'BAD_USER_INPUT');
      expect(error.message).toMatch({ sv: /^Variabeln \$first har ett värde av fel typ/, da: /^Variablen \$first har en værdi af forkert type/, en: /^The variable \$first has a value of the wrong type/ }[language]);
      expect(error.extensions.reason).toMatch(/Int cannot represent/);
    });
  });

  describe('limits: GRAPHQL_VALIDATION_FAILED with the rule, the limit and what was found, in the request’s language', () => {
    const deep = `{ errorProbeTree { child { child { child { child { child { value } } } } } } }`;
    const aliases = `{ ${['a', 'b', 'c', 'd', 'e'].map((a) => `${a}: errorProbeTree { value }`).join(' ')} }`;
    const directives = `{ __typename ${Array.from({ length: 7 }, () => '@include(if: true)').join(' ')} }`;
    const tokens = `{ ${Array.from({ length: 250 }, () => '__typename').join(' ')} }`;
    const cases = [
      ['depth', deep, 4, { sv: /^Frågan är för djup: högst 4 nivåer tillåts och den här har \d+\.$/, da: /^Forespørgslen er for dyb: højst 4 niveauer/, en: /^The query is too deep: at most 4 levels/ }],
      ['aliases', aliases, 3, { sv: /^Frågan har för många alias: högst 3 tillåts och den här har 5\.$/, da: /^Forespørgslen har for mange aliasser: højst 3 er tilladt, og denne har 5\.$/, en: /^The query has too many aliases: at most 3 are allowed and this one has 5\.$/ }],
      ['directives', directives, 5, { sv: /^Frågan har för många direktiv: högst 5 tillåts och den här har 7\.$/, da: /^Forespørgslen har for mange direktiver/, en: /^The query has too many directives: at most 5 are allowed and this one has 7\.$/ }],
      ['tokens', tokens, 200, { sv: /^Frågan är för lång: högst 200 symboler .* och den här har 252\.$/, da: /^Forespørgslen er for lang: højst 200 symboler/, en: /^The query is too long: at most 200 tokens .* and this one has 252\.$/ }],
    ] as const;

    it.each(LANGUAGES)('refuses depth, aliases, directives and tokens in %s', async (language) => {
      for (const [rule, query, limit, messages] of cases) {
        const answer = await gql(query, {}, { 'accept-language': language });
        expect({ rule, status: answer.status }).toEqual({ rule, status: 400 });
        const error = expectRefusal(answer, 'GRAPHQL_VALIDATION_FAILED');
        expect({ rule, message: error.message }).toEqual({ rule, message: expect.stringMatching(messages[language]) });
        expect(error.extensions).toMatchObject({ rule, limit });
        expect(Number.isInteger(error.extensions.found) && (error.extensions.found as number) > limit).toBe(true);
      }
    });

    it.each(LANGUAGES)('refuses an over-cost query in %s with the cost as a whole number', async (language) => {
      // Its own app: a query costly enough needs more depth and aliases than the limits above allow.
      const cheap = await startTestApp({ GRAPHQL_MAX_COST: '100' }, [ErrorProbeModule]);
      const wide = `{ ${Array.from({ length: 6 }, (_, i) => `t${i}: errorProbeTree { child { child { child { child { value } } } } }`).join(' ')} }`;
      const response = await fetch(`${cheap.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': language }, body: JSON.stringify({ query: wide }) });
      const answer: Answer = { status: response.status, body: (await response.json()) as Answer['body'] };
      await cheap.close();
      const error = expectRefusal(answer, 'GRAPHQL_VALIDATION_FAILED');
      expect(error.extensions).toMatchObject({ rule: 'cost', limit: 100 });
      expect(Number.isInteger(error.extensions.found)).toBe(true);
      expect(error.message).toMatch({ sv: /^Frågan är för kostsam: kostnaden får vara högst 100 och den här kostar \d+\./, da: /^Forespørgslen er for dyr: omkostningen må højst være 100, og denne koster \d+\./, en: /^The query costs too much: the cost may be at most 100 and this one costs \d+\./ }[language]);
    });
  });

  describe('one response shape for every refusal of /graphql', () => {
    const bodies: Record<Language, Record<string, RegExp>> = {
      sv: { large: /^Begäran är för stor: kroppen får vara högst 10kb\.$/, json: /inte giltig JSON/, csrf: /möjlig förfalskning \(CSRF\)/, type: /saknar en GraphQL-fråga/, get: /^En mutation måste skickas med POST/, batch: /flera frågor i en lista stöds inte/, persisted: /Sparade frågor \(persisted queries\) stöds inte/, empty: /fältet query får inte vara tomt/ },
      da: { large: /^Forespørgslen er for stor: indholdet må højst være 10kb\.$/, json: /ikke gyldig JSON/, csrf: /mulig forfalskning \(CSRF\)/, type: /mangler en GraphQL-forespørgsel/, get: /^En mutation skal sendes med POST/, batch: /flere forespørgsler i en liste understøttes ikke/, persisted: /Gemte forespørgsler \(persisted queries\) understøttes ikke/, empty: /feltet query må ikke være tomt/ },
      en: { large: /^The request is too large: its body may be at most 10kb\.$/, json: /not valid JSON/, csrf: /possible forgery \(CSRF\)/, type: /holds no GraphQL operation/, get: /^A mutation must be sent with POST/, batch: /a list of operations is not supported/, persisted: /Persisted queries are not supported/, empty: /the field query may not be empty/ },
    };

    it.each(LANGUAGES)('answers %s: 413, malformed JSON, wrong content type, CSRF, GET mutation, batch, persisted query, empty query', async (language) => {
      const lang = { 'accept-language': language };
      const probes: [string, Promise<Answer>, number][] = [
        ['large', post(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(20_000) } }), lang), 413],
        ['json', post('{"query": "{ __typename }"', lang), 400],
        ['csrf', post(JSON.stringify({ query: '{ __typename }' }), { ...lang, 'content-type': 'text/plain' }), 400],
        ['type', post('<query>{ __typename }</query>', { ...lang, 'content-type': 'application/xml' }), 400],
        [
          'get',
          t.http(`/graphql?query=${encodeURIComponent('mutation { logout }')}`, { headers: { ...lang, 'apollo-require-preflight': 'true' } }).then(async (r) => ({ status: r.status, body: (await r.json()) as Answer['body'] })),
          405,
        ],
        ['batch', post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), lang), 400],
        // Apollo keeps 200 here, as the persisted-query protocol has it; the error is ours.
        ['persisted', post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }), lang), 200],
        ['empty', post(JSON.stringify({ query: '' }), lang), 400],
      ];
      for (const [name, pending, status] of probes) {
        const answer = await pending;
        expect({ name, status: answer.status }).toEqual({ name, status });
        const error = expectRefusal(answer, 'BAD_USER_INPUT');
        expect({ name, message: error.message }).toEqual({ name, message: expect.stringMatching(bodies[language][name]) });
      }
    });

    it('answers a body refused on another route in that route’s shape, { code, message }', async () => {
      const response = await t.http('/login', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: '{"email": ' });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ code: 'BAD_USER_INPUT', message: 'The request body cannot be read: it is not valid JSON.' });
    });
  });
});
