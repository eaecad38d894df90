import { TestApp, startTestApp } from '../harness/test-app';
import { createPerson, signedInPerson, TestPerson } from '../harness/factories';
import { allocation, commission, group, ok, organisation } from '../harness/structure-fixtures';
import { HOSTILE_ACCEPT_LANGUAGES, RAW_GRAPHQL_REQUESTS, TERM_PROBES } from '../fuzz/catalog';
import { judge } from '../fuzz/oracle';

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
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', rule: 'tokens' });
  });

  it('refuses an unpaired surrogate in an e-mail address as bad input (validator.js threw URIError: a 500)', async () => {
    const login = await post(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: { email: '\ud800', password: 'long-enough-password' } });
    expect(login.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const created = await post(`mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, {
      input: { name: 'Surrogates', kind: 'AGENCY', country: 'SE', email: 'x\ud83dy@example.test' },
    });
    expect(created.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(created.body.errors?.[0].message).toContain('input.email');
  });

  it('refuses a NUL character in a reason kept in the audit trail (jsonb refused it: a 500) and erases nothing', async () => {
    const person = await createPerson(t.db, { account: false });
    const erased = await post(`mutation($input: ErasePersonInput!) { erasePerson(input: $input) { id } }`, { input: { personId: person.id, reason: 'ab\u0000c' } });
    expect(erased.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const [row] = await t.db.query(`SELECT full_name, erased_at FROM person WHERE id = $1`, [person.id]);
    expect(row.erased_at).toBeNull();
  });

  it('refuses an unpaired surrogate up front, naming the field, and the name stays as it was', async () => {
    const orgId = await organisation(t, admin.token, { name: 'Before' });
    const updated = await post(`mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { name } }`, { input: { id: orgId, name: 'x\udfffy' } });
    expect(updated.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(updated.body.errors?.[0].message).toContain('input.name');
    const [row] = await t.db.query(`SELECT name FROM organisation WHERE id = $1`, [orgId]);
    expect(row.name).toBe('Before');
    // A well-formed pair (an emoji) is of course fine.
    const emoji = await post(`mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { name } }`, { input: { id: orgId, name: 'x\ud83d\ude00y' } });
    expect(emoji.body).toMatchObject({ data: { updateOrganisation: { name: 'x😀y' } } });
  });

  it('refuses every impossible time and day on the paths that decide who sits on a meeting’s day with BAD_USER_INPUT, writing nothing (TERM_PROBES)', async () => {
    const c = await commission(t, admin);
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const allocationId = await allocation(t, c.secretariat.token, groupId, await organisation(t, admin.token), 2);
    const [seat] = await t.db.query(`SELECT id FROM seat WHERE allocation_id = $1 ORDER BY number LIMIT 1`, [allocationId]);
    const sitting = await createPerson(t.db, { account: false });
    const appointed = await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { seatId: seat.id, personId: sitting.id, startsOn: '2026-01-01' } });
    const appointmentId = appointed.appoint.id;
    const newcomer = await createPerson(t.db, { account: false });
    const valid = {
      createMeeting: { workingGroupId: groupId, title: 'Probe', kind: 'MEETING', startsAt: '2027-03-01T10:00:00+01:00', endsAt: '2027-03-01T12:00:00+01:00', timeZone: 'Europe/Stockholm', inviteMembers: true },
      appoint: { allocationId, personId: newcomer.id, startsOn: '2027-01-01' },
      endAppointment: { appointmentId, endsOn: '2027-06-30', reason: 'Probe' },
    };
    const mutation = {
      createMeeting: `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`,
      appoint: `mutation($input: AppointInput!) { appoint(input: $input) { id } }`,
      endAppointment: `mutation($input: EndAppointmentInput!) { endAppointment(input: $input) { id } }`,
    };
    const state = async () => (await t.db.query(
      `SELECT (SELECT count(*)::int FROM meeting WHERE working_group_id = $1) AS meetings,
              (SELECT count(*)::int FROM appointment a JOIN seat s ON s.id = a.seat_id WHERE s.allocation_id = $2) AS appointments,
              (SELECT ends_on::text FROM appointment WHERE id = $3) AS ends_on`,
      [groupId, allocationId, appointmentId],
    ))[0];
    const before = await state();
    expect(before).toEqual({ meetings: 0, appointments: 1, ends_on: null });
    for (const probe of TERM_PROBES) {
      const { body } = await post(mutation[probe.operation], { input: { ...valid[probe.operation], [probe.field]: probe.value } }, c.secretariat.token);
      expect({ ...probe, code: body.errors?.[0]?.extensions.code }).toEqual({ ...probe, code: 'BAD_USER_INPUT' });
      expect(body.errors?.[0]?.message).toContain(probe.field);
    }
    expect(await state()).toEqual(before);
    // The same inputs, valid, go through: the probes were refused for their value alone.
    for (const operation of ['createMeeting', 'appoint', 'endAppointment'] as const) {
      const { body } = await post(mutation[operation], { input: valid[operation] }, c.secretariat.token);
      expect({ operation, errors: body.errors }).toEqual({ operation, errors: undefined });
    }
  });

  it('answers every refusal of /graphql before an operation runs in the one typed shape, whatever Accept-Language says (issue 16, item 8)', async () => {
    const problems: string[] = [];
    for (const request of RAW_GRAPHQL_REQUESTS) {
      for (const language of HOSTILE_ACCEPT_LANGUAGES) {
        const response = await t.http(`/graphql${request.query ? `?${request.query}` : ''}`, {
          method: request.method,
          headers: { ...(request.contentType ? { 'content-type': request.contentType } : {}), 'accept-language': language, ...request.headers },
          body: request.body,
        });
        const text = await response.text();
        const verdict = judge(response.status, text);
        const body = JSON.parse(text.startsWith('{') ? text : '{}') as { errors?: unknown[] };
        if (verdict.internal || verdict.untyped || !body.errors?.length) problems.push(`${request.name} [${language.slice(0, 30)}]: ${response.status} ${verdict.untyped ?? ''} ${text.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
