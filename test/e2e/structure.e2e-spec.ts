import { ReminderEngine } from '@samverkan/notifications';
import { TestApp, startTestApp } from '../harness/test-app';
import { createPerson, signedInPerson } from '../harness/factories';
import { allocation, appoint, commission, CommissionFixture, group, ok, organisation } from '../harness/structure-fixtures';

describe('commissions, groups and seats', () => {
  let t: TestApp;
  let c: CommissionFixture;

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
  });
  afterAll(() => t?.close());

  it('lets exactly one of 50 concurrent appointments take the last free seat', async () => {
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const orgId = await organisation(t, c.secretariat.token);
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 2);
    const first = await createPerson(t.db, { account: false });
    expect((await appoint(t, c.secretariat.token, { allocationId, personId: first.id })).errors).toBeUndefined();
    const people = await Promise.all(Array.from({ length: 50 }, () => createPerson(t.db, { account: false })));
    const results = await Promise.all(people.map((p) => appoint(t, c.secretariat.token, { allocationId, personId: p.id })));
    const won = results.filter((r) => r.data?.appoint);
    const codes = results.filter((r) => r.errors).map((r) => r.errors![0].extensions.code);
    expect(won).toHaveLength(1);
    expect(codes).toHaveLength(49);
    expect(new Set(codes)).toEqual(new Set(['CONFLICT']));
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM appointment a JOIN seat s ON s.id = a.seat_id WHERE s.allocation_id = $1`,
      [allocationId],
    );
    expect(count).toBe(2);
  });

  it('names the seat when an appointment overlaps another principal', async () => {
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const orgId = await organisation(t, c.secretariat.token, { name: 'Danske Regioner' });
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 1);
    const seats = await ok(t, c.secretariat.token, `query($id: ID!) { workingGroup(id: $id) { allocations { seats { id number } } } }`, { id: groupId });
    const seatId = seats.workingGroup.allocations[0].seats[0].id;
    const a = await createPerson(t.db, { account: false });
    const b = await createPerson(t.db, { account: false });
    await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { seatId, personId: a.id, startsOn: '2024-01-01', endsOn: '2025-12-31' } });
    const clash = await appoint(t, c.secretariat.token, { seatId, personId: b.id, startsOn: '2025-06-01' });
    expect(clash.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(clash.errors?.[0].message).toContain('Danske Regioner 1');
    expect((await appoint(t, c.secretariat.token, { seatId, personId: b.id, startsOn: '2026-01-01' })).errors).toBeUndefined();
  });

  it('refuses to lower a count below the seats filled, and changes nothing', async () => {
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const orgId = await organisation(t, c.secretariat.token);
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 3);
    for (let i = 0; i < 2; i++) {
      const person = await createPerson(t.db, { account: false });
      await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { allocationId, personId: person.id, startsOn: '2024-01-01' } });
    }
    const refused = await t.gql(`mutation { changeSeatCount(input: { allocationId: "${allocationId}", seatCount: 1 }) { seatCount } }`, {}, { token: c.secretariat.token });
    expect(refused.errors?.[0].extensions.code).toBe('CONFLICT');
    const after = await ok(t, c.secretariat.token, `query($id: ID!) { workingGroup(id: $id) { allocations { seatCount filledCount seats { number status } } } }`, { id: groupId });
    expect(after.workingGroup.allocations[0]).toMatchObject({ seatCount: 3, filledCount: 2 });
    expect(after.workingGroup.allocations[0].seats).toHaveLength(3);
    const lowered = await ok(t, c.secretariat.token, `mutation { changeSeatCount(input: { allocationId: "${allocationId}", seatCount: 2 }) { seatCount } }`);
    expect(lowered.changeSeatCount.seatCount).toBe(2);
    const vacant = await ok(t, c.secretariat.token, `query($id: ID!) { workingGroup(id: $id) { vacantSeats { id } } }`, { id: groupId });
    expect(vacant.workingGroup.vacantSeats).toHaveLength(0);
  });

  it('reminds the secretariat of a vacant seat once a week, and stops when it is filled', async () => {
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const orgId = await organisation(t, c.secretariat.token);
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 1);
    const [seat] = await t.db.query(`SELECT id FROM seat WHERE allocation_id = $1`, [allocationId]);
    // Past its grace period (a new seat first gets its nomination round: seats-vacancy.e2e-spec.ts).
    await t.db.query(`UPDATE seat SET created_at = now() - interval '30 days' WHERE id = $1`, [seat.id]);
    await t.app.get(ReminderEngine).run();
    const owed = () => t.db.query(`SELECT person_id, status, dedupe_key FROM notification WHERE kind = 'seat.vacant' AND subject_id = $1`, [seat.id]);
    const monday = (await t.db.query(`SELECT date_trunc('week', current_date)::date::text AS d`))[0].d;
    expect(await owed()).toEqual([{ person_id: c.secretariat.id, status: 'owed', dedupe_key: `seat.vacant:${seat.id}:${monday}:${c.secretariat.id}` }]);
    const person = await createPerson(t.db, { account: false });
    await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { allocationId, personId: person.id, startsOn: '2024-01-01' } });
    await t.app.get(ReminderEngine).run();
    expect((await owed()).map((row: { status: string }) => row.status)).toEqual(['cancelled']);
  });

  it('checks the term limit, shows holdover, terms ending and time served', async () => {
    const groupId = await group(t, c.secretariat.token, c.commissionId, { holdoverAllowed: true });
    const orgId = await organisation(t, c.secretariat.token);
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 1, { maxConsecutiveTerms: 2, termMonths: 24 });
    const person = await createPerson(t.db, { account: false });
    const first = await appoint(t, c.secretariat.token, { allocationId, personId: person.id, startsOn: '2020-01-01' });
    expect(first.data?.appoint).toMatchObject({ termNumber: 1, endsOn: '2021-12-31' });
    const second = await appoint(t, c.secretariat.token, { allocationId, personId: person.id, startsOn: '2022-01-01' });
    expect(second.data?.appoint).toMatchObject({ termNumber: 2, endsOn: '2023-12-31' });
    const third = await appoint(t, c.secretariat.token, { allocationId, personId: person.id, startsOn: '2024-01-01' });
    expect(third.errors?.[0].extensions.code).toBe('CONFLICT');
    const holdover = await ok(t, c.secretariat.token, `query($id: ID!) { workingGroup(id: $id) { allocations { seats { status currentAppointment { status person { id } } } } } }`, { id: groupId });
    expect(holdover.workingGroup.allocations[0].seats[0]).toMatchObject({ status: 'HOLDOVER', currentAppointment: { status: 'HOLDOVER', person: { id: person.id } } });
    const served = await ok(t, c.secretariat.token, `query($id: ID!) { timeServed(personId: $id) { days appointments } }`, { id: person.id });
    expect(served.timeServed).toEqual({ days: 1461, appointments: 2 });

    const soon = new Date(Date.now() + 35 * 86_400_000).toISOString().slice(0, 10);
    const other = await createPerson(t.db, { account: false });
    const allocation2 = await allocation(t, c.secretariat.token, groupId, orgId, 1);
    await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { allocationId: allocation2, personId: other.id, startsOn: '2024-01-01', endsOn: soon } });
    const ending = await ok(t, c.secretariat.token, `query($id: ID!) { commission(id: $id) { appointmentsEnding(withinDays: 40) { endsOn person { id } } } }`, { id: c.commissionId });
    expect(ending.commission.appointmentsEnding).toEqual([{ endsOn: soon, person: { id: other.id } }]);

    // Reminders owed: the 30-day one (due in 5 days) for the member and for the secretariat; the 60-day one is long past.
    await t.app.get(ReminderEngine).run();
    const owed = await t.db.query(
      `SELECT person_id, props->>'commissionId' AS commission_id FROM notification WHERE kind = 'appointment.term-ending' AND subject_id = (SELECT id FROM appointment WHERE person_id = $1) AND status <> 'cancelled'`,
      [other.id],
    );
    expect(owed.map((r: { person_id: string }) => r.person_id).sort()).toEqual([other.id, c.secretariat.id].sort());
    // The mail it becomes shows in the commission's mail log.
    expect(owed.map((r: { commission_id: string }) => r.commission_id)).toEqual([c.commissionId, c.commissionId]);
  });

  it('keeps the deadline history of amendments to the mandate', async () => {
    const amendment = await ok(
      t,
      c.secretariat.token,
      `mutation($input: AmendMandateInput!) { amendMandate(input: $input) { previousDeadline newDeadline } }`,
      { input: { commissionId: c.commissionId, decidedOn: '2022-09-01', reason: 'Tilläggsdirektiv: mer tid', newDeadline: '2023-06-30', addObjectives: [{ letter: 'c', text: 'Network mapping' }] } },
    );
    expect(amendment.amendMandate).toEqual({ previousDeadline: '2023-02-28', newDeadline: '2023-06-30' });
    const commission = await ok(t, c.secretariat.token, `query($id: ID!) { commission(id: $id) { reportingDeadline deadlineHistory { deadline reason } objectives { letter } } }`, { id: c.commissionId });
    expect(commission.commission.reportingDeadline).toBe('2023-06-30');
    expect(commission.commission.deadlineHistory).toEqual([
      { deadline: '2023-02-28', reason: null },
      { deadline: '2023-06-30', reason: 'Tilläggsdirektiv: mer tid' },
    ]);
    expect(commission.commission.objectives.map((o: { letter: string }) => o.letter)).toEqual(['a', 'b', 'c']);
    const empty = await t.gql(`mutation($input: AmendMandateInput!) { amendMandate(input: $input) { id } }`, { input: { commissionId: c.commissionId, decidedOn: '2022-09-01', reason: 'nothing' } }, { token: c.secretariat.token });
    expect(empty.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const badDate = await t.gql(`mutation($input: AmendMandateInput!) { amendMandate(input: $input) { id } }`, { input: { commissionId: c.commissionId, decidedOn: '2022-02-30', reason: 'x', newDeadline: '2024-01-01' } }, { token: c.secretariat.token });
    expect(badDate.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('enforces the gender rule on nominations, or records the reason', async () => {
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const orgId = await organisation(t, c.secretariat.token, { name: 'Lægeforeningen' });
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 1, { requiresGenderPair: true, requiredPerspective: 'hospital' });
    const request = await ok(t, c.secretariat.token, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id seatsRequested } }`, { input: { allocationId, deadline: '2030-01-31' } });
    expect(request.requestNomination.seatsRequested).toBe(1);
    const requestId = request.requestNomination.id;
    const oneWoman = await t.gql(`mutation($input: SubmitNominationInput!) { submitNomination(input: $input) { id } }`, { input: { requestId, candidates: [{ fullName: 'Anna Demo', gender: 'WOMAN' }] } }, { token: c.secretariat.token });
    expect(oneWoman.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const balanced = await ok(t, c.secretariat.token, `mutation($input: SubmitNominationInput!) { submitNomination(input: $input) { compliesWithGenderRule candidates { fullName } } }`, {
      input: { requestId, candidates: [{ fullName: 'Anna Demo', gender: 'WOMAN' }, { fullName: 'Bo Demo', gender: 'MAN' }] },
    });
    expect(balanced.submitNomination.compliesWithGenderRule).toBe(true);
    const report = await ok(t, c.secretariat.token, `query($id: ID!) { workingGroup(id: $id) { genderCompliance { complies womenProposed menProposed } compositionReport { lines { seats requiredPerspective proposed { fullName gender } } proposed { women men shareWomen } } } }`, { id: groupId });
    expect(report.workingGroup.genderCompliance).toEqual([{ complies: true, womenProposed: 1, menProposed: 1 }]);
    expect(report.workingGroup.compositionReport.proposed).toEqual({ women: 1, men: 1, shareWomen: 0.5 });
    expect(report.workingGroup.compositionReport.lines[0].proposed).toEqual([{ fullName: 'Anna Demo', gender: 'WOMAN' }, { fullName: 'Bo Demo', gender: 'MAN' }]);
    const again = await t.gql(`mutation($input: SubmitNominationInput!) { submitNomination(input: $input) { id } }`, { input: { requestId, candidates: [{ fullName: 'X', gender: 'MAN' }], genderRuleReason: 'r' } }, { token: c.secretariat.token });
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('answers "who works on goal 4.4" in one query, and refuses a malformed code', async () => {
    const strategy = await ok(t, c.admin.token, `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { id } }`, {
      input: { title: 'Life science', priorityAreas: [{ number: 4, title: 'Integrering', goals: [{ code: '4.4', text: 'Precisionsmedicin' }] }] },
    });
    const strategyId = strategy.createStrategy.id;
    const body = await organisation(t, c.admin.token, { kind: 'GOVERNMENT' });
    const strat = await ok(t, c.admin.token, `mutation($input: CreateCommissionInput!) { createCommission(input: $input) { id } }`, {
      input: { title: 'Samverkansgruppen', kind: 'STRATEGY_COLLABORATION_GROUP', commissioningBodyId: body, leadOrganisationId: body, startsOn: '2020-01-01', strategyId, secretariatIds: [c.secretariat.id] },
    });
    const goal = await ok(t, c.admin.token, `query($s: ID!) { goal(strategyId: $s, code: "4.4") { id } }`, { s: strategyId });
    await group(t, c.secretariat.token, strat.createCommission.id, { name: 'Precisionsmedicin', goalIds: [goal.goal.id] });
    const answer = await ok(t, c.secretariat.token, `query($s: ID!) { goal(strategyId: $s, code: "4.4") { text workingGroups { name } priorityArea { number } } }`, { s: strategyId });
    expect(answer.goal).toEqual({ text: 'Precisionsmedicin', workingGroups: [{ name: 'Precisionsmedicin' }], priorityArea: { number: 4 } });
    const bad = await t.gql(`query($s: ID!) { goal(strategyId: $s, code: "four") { id } }`, { s: strategyId }, { token: c.secretariat.token });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await t.gql(`query { commission(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, { token: c.admin.token });
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  describe('access', () => {
    it('lets each role do what it may and refuses the rest', async () => {
      const groupId = await group(t, c.secretariat.token, c.commissionId);
      const orgId = await organisation(t, c.secretariat.token);
      const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 2);
      const member = await signedInPerson(t, { gender: 'woman' });
      await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { allocationId, personId: member.id, startsOn: '2024-01-01' } });
      const commissioner = await signedInPerson(t);
      const observer = await signedInPerson(t);
      for (const [person, role] of [[commissioner, 'COMMISSIONER'], [observer, 'OBSERVER']] as const) {
        await ok(t, c.secretariat.token, `mutation($input: CommissionRoleInput!) { assignCommissionRole(input: $input) { id } }`, { input: { commissionId: c.commissionId, personId: person.id, role } });
      }
      const stranger = await commission(t, c.admin);
      const read = `query($id: ID!) { workingGroup(id: $id) { name allocations { seats { currentAppointment { person { fullName } } } } } }`;

      expect((await ok(t, member.token, `{ myWorkingGroups { id } }`)).myWorkingGroups).toEqual([{ id: groupId }]);
      for (const person of [member, commissioner, observer, c.secretariat]) {
        expect((await t.gql(read, { id: groupId }, { token: person.token })).errors).toBeUndefined();
      }
      expect((await t.gql(read, { id: groupId }, { token: stranger.secretariat.token })).errors?.[0].extensions.code).toBe('NOT_FOUND');

      const balance = `query($id: ID!) { workingGroup(id: $id) { genderBalance { women } } }`;
      expect((await ok(t, commissioner.token, balance, { id: groupId })).workingGroup.genderBalance.women).toBe(1);
      expect((await t.gql(balance, { id: groupId }, { token: observer.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await t.gql(balance, { id: groupId }, { token: member.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');

      const gender = `query($id: ID!) { person(id: $id) { gender email } }`;
      expect((await ok(t, c.secretariat.token, gender, { id: member.id })).person).toEqual({ gender: 'WOMAN', email: member.email });
      expect((await ok(t, observer.token, gender, { id: member.id })).person).toEqual({ gender: null, email: null });
      expect((await ok(t, stranger.secretariat.token, gender, { id: member.id })).person).toEqual({ gender: null, email: null });

      const manage = `mutation($input: CreateSeatAllocationInput!) { createSeatAllocation(input: $input) { id } }`;
      const input = { workingGroupId: groupId, organisationId: orgId, seatCount: 1 };
      expect((await t.gql(manage, { input }, { token: member.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await t.gql(manage, { input }, { token: commissioner.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await t.gql(manage, { input }, { token: stranger.secretariat.token })).errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await t.gql(manage, { input })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await t.gql(manage, { input }, { token: c.admin.token })).errors).toBeUndefined();

      const list = await ok(t, stranger.secretariat.token, `{ commissionList(first: 10) { totalCount edges { node { id } } } }`);
      expect(list.commissionList.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([stranger.commissionId]);
      const tooMany = await t.gql(`{ commissionList(first: 101) { totalCount } }`, {}, { token: c.admin.token });
      expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  it('lists the stakeholder register with coverage, and exports it as CSV', async () => {
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const region = await organisation(t, c.secretariat.token, { name: 'Region Midtjylland', kind: 'REGION', region: 'Region Midtjylland' });
    await allocation(t, c.secretariat.token, groupId, region, 1);
    const dialogue = await organisation(t, c.secretariat.token, { name: 'Företagsläkarföreningen, "FLF"', kind: 'ASSOCIATION' });
    await ok(t, c.secretariat.token, `mutation($input: RecordEngagementInput!) { recordStakeholderEngagement(input: $input) { id } }`, { input: { commissionId: c.commissionId, organisationId: dialogue, how: 'DIALOGUE' } });
    const register = await ok(t, c.secretariat.token, `query($id: ID!) { commission(id: $id) { stakeholderRegister { organisation { name } ways } stakeholderCoverage(country: "DK") { missingRegions representedRegions } } }`, { id: c.commissionId });
    const ways = Object.fromEntries(register.commission.stakeholderRegister.map((e: { organisation: { name: string }; ways: string[] }) => [e.organisation.name, e.ways]));
    expect(ways['Region Midtjylland']).toEqual(['seat']);
    expect(ways['Företagsläkarföreningen, "FLF"']).toEqual(['dialogue']);
    expect(register.commission.stakeholderCoverage.representedRegions).toEqual(['Region Midtjylland']);
    expect(register.commission.stakeholderCoverage.missingRegions).toHaveLength(4);
    const csv = await t.http(`/commissions/${c.commissionId}/stakeholders.csv`, { headers: { authorization: `Bearer ${c.secretariat.token}` } });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('"Företagsläkarföreningen, ""FLF""",association,DK,,dialogue,0');
    expect((await t.http(`/commissions/${c.commissionId}/stakeholders.csv`)).status).toBe(401);
  });

  it('issues the same number of SQL statements for the dashboard of 1 group and of 50', async () => {
    const dashboard = `query($id: ID!) { commission(id: $id) { title leadOrganisation { name } groups { name chair { fullName }
      allocations { seatCount organisation { name } nominatingOrganisation { name }
        seats { number status currentAppointment { startsOn person { fullName } } } } } } }`;
    const small = await commission(t, c.admin);
    const large = await commission(t, c.admin);
    const org = await organisation(t, c.admin.token);
    const build = async (fixture: CommissionFixture, groups: number) => {
      for (let g = 0; g < groups; g++) {
        const groupId = await group(t, fixture.admin.token, fixture.commissionId);
        const allocationId = await allocation(t, fixture.admin.token, groupId, org, 3);
        const person = await createPerson(t.db, { account: false });
        await ok(t, fixture.admin.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { allocationId, personId: person.id, startsOn: '2024-01-01' } });
      }
    };
    await build(small, 1);
    await build(large, 50);
    const one = await t.gql(dashboard, { id: small.commissionId }, { token: small.secretariat.token });
    const fifty = await t.gql(dashboard, { id: large.commissionId }, { token: large.secretariat.token });
    expect(one.errors).toBeUndefined();
    expect(fifty.data?.commission.groups).toHaveLength(50);
    expect(fifty.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
    expect(one.extensions?.sqlStatements).toBeLessThanOrEqual(12);
  });
});
