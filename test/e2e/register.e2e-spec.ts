import { randomUUID } from 'node:crypto';
import { RegionsAndCommissionAudit1732400040001 } from '../../prisma-free-schema/migrations/1732400040001-regions-and-commission-audit';
import { TestApp, startTestApp } from '../harness/test-app';
import { createPerson, signedInPerson } from '../harness/factories';
import { allocation, appoint, commission, CommissionFixture, group, ok, organisation } from '../harness/structure-fixtures';

/**
 * Issue 18's register: people (no duplicate by e-mail, search, merge), organisations
 * with regions from a controlled list, stakeholder coverage by region reference, and a
 * commission's audit trail for its secretariat.
 */
describe('people and organisations register, coverage, audit trail', () => {
  let t: TestApp;
  let c: CommissionFixture;

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
  });
  afterAll(() => t?.close());

  const seatHolders = async (groupId: string) => {
    const data = await ok(t, c.secretariat.token, `query($id: ID!) { workingGroup(id: $id) { allocations { seats { id number currentAppointment { kind person { id } } } } } }`, { id: groupId });
    return data.workingGroup.allocations.flatMap((a: any) => a.seats);
  };

  describe('people', () => {
    it('offers the existing person when an e-mail is already registered, in any case; the database refuses the duplicate too', async () => {
      const email = `Karin.${randomUUID().slice(0, 6)}@example.test`;
      const first = await ok(t, c.secretariat.token, `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, { input: { fullName: 'Karin Lund', email } });
      const again = await t.gql(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, { input: { fullName: 'K. Lund', email: email.toUpperCase() } }, { token: c.secretariat.token });
      expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
      expect(again.errors?.[0].extensions.details).toMatchObject({ field: 'email', existingPersonId: first.createPerson.id });
      expect(again.errors?.[0].message).toContain('Karin Lund');
      await expect(t.db.query(`INSERT INTO person (full_name, email) VALUES ('Dup', $1)`, [email.toLowerCase()])).rejects.toThrow(/person_email_key/);

      const other = await createPerson(t.db, { account: false });
      const clash = await t.gql(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }`, { input: { id: other.id, email: email.toLowerCase() } }, { token: c.secretariat.token });
      expect(clash.errors?.[0].extensions.code).toBe('CONFLICT');
    });

    it('finds people by name, e-mail and the name of their organisation', async () => {
      const orgName = `Lunds universitet ${randomUUID().slice(0, 4)}`;
      const orgId = await organisation(t, c.secretariat.token, { name: orgName, kind: 'UNIVERSITY', country: 'SE' });
      const person = await createPerson(t.db, { fullName: 'Sven Ek', affiliationId: orgId, account: false });
      const byOrg = await ok(t, c.secretariat.token, `query($q: String) { people(first: 10, search: $q) { edges { node { id affiliation { name } } } } }`, { q: orgName.slice(0, 20) });
      expect(byOrg.people.edges.map((e: any) => e.node.id)).toContain(person.id);
      const byMail = await ok(t, c.secretariat.token, `query($q: String) { people(first: 10, search: $q) { totalCount edges { node { id } } } }`, { q: person.email.slice(0, 14) });
      expect(byMail.people.edges.map((e: any) => e.node.id)).toEqual([person.id]);
      const byOrgId = await ok(t, c.secretariat.token, `query($o: ID) { people(first: 10, organisationId: $o) { edges { node { id } } } }`, { o: orgId });
      expect(byOrgId.people.edges.map((e: any) => e.node.id)).toEqual([person.id]);
    });

    it('merges a duplicate: seats, roles and the sign-in move to the kept person in one audited step', async () => {
      const groupId = await group(t, c.secretariat.token, c.commissionId);
      const orgId = await organisation(t, c.secretariat.token);
      const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 2);
      const keep = await createPerson(t.db, { fullName: 'Anna Berg', account: false });
      const duplicate = await createPerson(t.db, { fullName: 'Anna Berg (dubblett)' });
      expect((await appoint(t, c.secretariat.token, { allocationId, personId: duplicate.id })).errors).toBeUndefined();
      for (const personId of [keep.id, duplicate.id]) {
        await ok(t, c.secretariat.token, `mutation($input: CommissionRoleInput!) { assignCommissionRole(input: $input) { role } }`, {
          input: { commissionId: c.commissionId, personId, role: 'OBSERVER' },
        });
      }

      const merged = await ok(t, c.secretariat.token, `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { id fullName email } }`, {
        input: { keepPersonId: keep.id, mergePersonId: duplicate.id },
      });
      expect(merged.mergePeople).toMatchObject({ id: keep.id, fullName: 'Anna Berg', email: keep.email });

      const holders = (await seatHolders(groupId)).filter((s: any) => s.currentAppointment);
      expect(holders.map((s: any) => s.currentAppointment.person.id)).toEqual([keep.id]);
      const roles = await ok(t, c.secretariat.token, `query($id: ID!) { commission(id: $id) { roles { role person { id } } } }`, { id: c.commissionId });
      expect(roles.commission.roles.filter((r: any) => [keep.id, duplicate.id].includes(r.person.id))).toEqual([{ role: 'OBSERVER', person: { id: keep.id } }]);
      const [account] = await t.db.query(`SELECT person_id FROM account WHERE lower(email) = lower($1)`, [duplicate.email]);
      expect(account.person_id).toBe(keep.id);

      const record = await ok(t, c.secretariat.token, `query($id: ID!) { person(id: $id) { mergedInto { id } } }`, { id: duplicate.id });
      expect(record.person.mergedInto.id).toBe(keep.id);
      const search = await ok(t, c.secretariat.token, `{ people(first: 20, search: "Anna Berg") { edges { node { id } } } }`);
      expect(search.people.edges.map((e: any) => e.node.id)).toEqual([keep.id]);
      const audit = await t.db.query(`SELECT entity_id, action FROM audit_event WHERE entity = 'person' AND entity_id = ANY($1) AND action LIKE 'merge%' ORDER BY id`, [[keep.id, duplicate.id]]);
      expect(audit).toEqual([
        { entity_id: keep.id, action: 'merge' },
        { entity_id: duplicate.id, action: 'merged-into' },
      ]);
    });

    it('refuses with CONFLICT to merge two people who hold the same seat at the same time, and changes nothing', async () => {
      const groupId = await group(t, c.secretariat.token, c.commissionId);
      const allocationId = await allocation(t, c.secretariat.token, groupId, await organisation(t, c.secretariat.token), 1);
      const principal = await createPerson(t.db, { account: false });
      const substitute = await createPerson(t.db, { account: false });
      await appoint(t, c.secretariat.token, { allocationId, personId: principal.id });
      const [seat] = await seatHolders(groupId);
      const sub = await appoint(t, c.secretariat.token, { seatId: seat.id, personId: substitute.id, kind: 'SUBSTITUTE' });
      expect(sub.errors).toBeUndefined();

      const refused = await t.gql(`mutation($input: MergePeopleInput!) { mergePeople(input: $input) { id } }`, { input: { keepPersonId: principal.id, mergePersonId: substitute.id } }, { token: c.secretariat.token });
      expect(refused.errors?.[0].extensions.code).toBe('CONFLICT');
      const [row] = await t.db.query(`SELECT merged_into_id FROM person WHERE id = $1`, [substitute.id]);
      expect(row.merged_into_id).toBeNull();
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM appointment WHERE person_id = $1`, [substitute.id]);
      expect(count).toBe(1);

      const same = await t.gql(`mutation($input: MergePeopleInput!) { mergePeople(input: $input) { id } }`, { input: { keepPersonId: principal.id, mergePersonId: principal.id } }, { token: c.secretariat.token });
      expect(same.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('lets no secretariat merge people who take part in a commission it does not run', async () => {
      const other = await commission(t, c.admin);
      const groupId = await group(t, c.secretariat.token, c.commissionId);
      const allocationId = await allocation(t, c.secretariat.token, groupId, await organisation(t, c.secretariat.token), 1);
      const seated = await createPerson(t.db, { account: false });
      await appoint(t, c.secretariat.token, { allocationId, personId: seated.id });
      const loose = await createPerson(t.db, { account: false });
      const refused = await t.gql(`mutation($input: MergePeopleInput!) { mergePeople(input: $input) { id } }`, { input: { keepPersonId: loose.id, mergePersonId: seated.id } }, { token: other.secretariat.token });
      expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('regions', () => {
    it('lists 21 Swedish and 5 Danish regions and reads "Skåne" and "Region Skåne" as the same one', async () => {
      const se = await t.gql(`{ regions(country: "SE") { code name } }`);
      expect(se.data!.regions).toHaveLength(21);
      const dk = await t.gql(`{ regions(country: "DK") { code name } }`);
      expect(dk.data!.regions.map((r: any) => r.name).sort()).toEqual(['Region Hovedstaden', 'Region Midtjylland', 'Region Nordjylland', 'Region Sjælland', 'Region Syddanmark']);

      const a = await organisation(t, c.secretariat.token, { country: 'SE', region: 'Skåne' });
      const b = await organisation(t, c.secretariat.token, { country: 'SE', region: 'Region Skåne' });
      const d = await organisation(t, c.secretariat.token, { country: 'SE', regionCode: 'SE-M' });
      for (const id of [a, b, d]) {
        const data = await ok(t, c.secretariat.token, `query($id: ID!) { organisation(id: $id) { region regionCode } }`, { id });
        expect(data.organisation).toEqual({ region: 'Region Skåne', regionCode: 'SE-M' });
      }
    });

    it('refuses a region not on the list, or of another country, at its field', async () => {
      const unknown = await t.gql(`mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, { input: { name: `X ${randomUUID()}`, kind: 'AGENCY', country: 'SE', region: 'Atlantis' } }, { token: c.secretariat.token });
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'region' } });
      const foreign = await t.gql(`mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, { input: { name: `X ${randomUUID()}`, kind: 'AGENCY', country: 'SE', regionCode: 'DK-82' } }, { token: c.secretariat.token });
      expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'regionCode' } });
      const id = await organisation(t, c.secretariat.token, { country: 'DK', regionCode: 'DK-82' });
      const moved = await t.gql(`mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }`, { input: { id, country: 'SE' } }, { token: c.secretariat.token });
      expect(moved.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const cleared = await ok(t, c.secretariat.token, `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { region regionCode } }`, { input: { id, regionCode: null } });
      expect(cleared.updateOrganisation).toEqual({ region: null, regionCode: null });
    });

    it('the migration maps free-text regions to the list and keeps what it could not map in the audit trail', async () => {
      const migration = new RegionsAndCommissionAudit1732400040001();
      const runner = t.db.createQueryRunner();
      try {
        await migration.down(runner);
        const names = ['Skåne', ' region skåne ', 'Skåne län', 'Midtjylland', 'Norrland'];
        const ids: string[] = [];
        for (const [i, region] of names.entries()) {
          const [row] = await runner.query(`INSERT INTO organisation (name, kind, country, region) VALUES ($1, 'agency', $2, $3) RETURNING id`, [
            `Migrated ${i} ${randomUUID().slice(0, 6)}`,
            region === 'Midtjylland' ? 'DK' : 'SE',
            region,
          ]);
          ids.push(row.id);
        }
        await migration.up(runner);
        const rows = await runner.query(`SELECT id, region_code FROM organisation WHERE id = ANY($1)`, [ids]);
        const code = (id: string) => rows.find((r: any) => r.id === id).region_code;
        expect(ids.map(code)).toEqual(['SE-M', 'SE-M', 'SE-M', 'DK-82', null]);
        const [kept] = await runner.query(`SELECT action, changes FROM audit_event WHERE entity = 'organisation' AND entity_id = $1`, [ids[4]]);
        expect(kept).toEqual({ action: 'region-not-in-list', changes: { region: { before: 'Norrland', after: null } } });
      } finally {
        await runner.release();
      }
    });
  });

  describe('stakeholder coverage', () => {
    it('counts regions by reference and kinds of organisation, with the same figures in every field, in statements that do not grow', async () => {
      const fresh = await commission(t, c.admin);
      const groupId = await group(t, fresh.secretariat.token, fresh.commissionId);
      const coverage = `query($id: ID!) { commission(id: $id) {
          stakeholderRegister { organisation { name region } seats }
          stakeholderCoverage(country: "SE") { missingRegions representedRegions missingKinds
            kinds { kind organisations seats } regions { region { code name } organisations seats } } } }`;
      const one = await t.gql(coverage, { id: fresh.commissionId }, { token: fresh.secretariat.token });

      const skane1 = await organisation(t, fresh.secretariat.token, { country: 'SE', region: 'Skåne', kind: 'REGION' });
      const skane2 = await organisation(t, fresh.secretariat.token, { country: 'SE', region: 'Region Skåne', kind: 'UNIVERSITY' });
      const uppsala = await organisation(t, fresh.secretariat.token, { country: 'SE', regionCode: 'SE-C', kind: 'UNIVERSITY' });
      await allocation(t, fresh.secretariat.token, groupId, skane1, 2);
      await allocation(t, fresh.secretariat.token, groupId, skane2, 1);
      await ok(t, fresh.secretariat.token, `mutation($input: RecordEngagementInput!) { recordStakeholderEngagement(input: $input) { id } }`, {
        input: { commissionId: fresh.commissionId, organisationId: uppsala, how: 'DIALOGUE', engagedOn: '2022-09-15', note: 'Dialogmöte' },
      });
      const many = await t.gql(coverage, { id: fresh.commissionId }, { token: fresh.secretariat.token });
      expect(many.errors).toBeUndefined();
      const cov = many.data!.commission.stakeholderCoverage;
      expect(cov.representedRegions).toEqual(['Region Skåne', 'Region Uppsala']);
      expect(cov.missingRegions).toHaveLength(19);
      expect(cov.regions.find((r: any) => r.region.code === 'SE-M')).toEqual({ region: { code: 'SE-M', name: 'Region Skåne' }, organisations: 2, seats: 3 });
      expect(cov.regions.find((r: any) => r.region.code === 'SE-C')).toMatchObject({ organisations: 1, seats: 0 });
      expect(cov.kinds.find((k: any) => k.kind === 'UNIVERSITY')).toEqual({ kind: 'UNIVERSITY', organisations: 2, seats: 1 });
      expect(cov.missingKinds).not.toContain('UNIVERSITY');
      expect(cov.missingKinds).toEqual(cov.kinds.filter((k: any) => k.organisations === 0).map((k: any) => k.kind));
      expect(many.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);

      const engagements = await ok(t, fresh.secretariat.token, `query($id: ID!) { commission(id: $id) { stakeholderEngagements { how note engagedOn organisation { id } } } }`, { id: fresh.commissionId });
      expect(engagements.commission.stakeholderEngagements).toEqual([{ how: 'DIALOGUE', note: 'Dialogmöte', engagedOn: '2022-09-15', organisation: { id: uppsala } }]);
    });
  });

  describe('audit trail of a commission', () => {
    it('lists every entity of the commission for its secretariat, filtered by entity, name, actor and date, paged, in statements that do not grow', async () => {
      const fresh = await commission(t, c.admin);
      const query = `query($c: ID!, $first: Int, $after: String, $entity: String, $name: String, $actor: ID, $from: DateTime, $to: DateTime) {
        commissionAuditTrail(commissionId: $c, first: $first, after: $after, entity: $entity, entityName: $name, actorPersonId: $actor, from: $from, to: $to) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { node { id entity entityName action occurredAt actor { id displayName } changes { field } } } } }`;
      const before = await t.gql(query, { c: fresh.commissionId, first: 50 }, { token: fresh.secretariat.token });
      expect(before.errors).toBeUndefined();

      const groupId = await group(t, fresh.secretariat.token, fresh.commissionId, { name: 'Arbetsgrupp precisionsmedicin' });
      const orgId = await organisation(t, fresh.secretariat.token, { name: `Region Örebro län ${randomUUID().slice(0, 4)}` });
      await allocation(t, fresh.secretariat.token, groupId, orgId, 2);
      await ok(t, fresh.admin.token, `mutation($input: UpdateCommissionInput!) { updateCommission(input: $input) { id } }`, { input: { id: fresh.commissionId, referenceNumber: 'N2021/02811' } });
      // Another commission's changes stay out.
      await group(t, c.secretariat.token, c.commissionId, { name: 'Arbetsgrupp precisionsmedicin' });

      const all = await t.gql(query, { c: fresh.commissionId, first: 50 }, { token: fresh.secretariat.token });
      expect(all.errors).toBeUndefined();
      const nodes = all.data!.commissionAuditTrail.edges.map((e: any) => e.node);
      expect(nodes.map((n: any) => n.entity)).toEqual(['commission', 'seat_allocation', 'working_group', 'commission']);
      expect(nodes[2]).toMatchObject({ entityName: 'Arbetsgrupp precisionsmedicin', action: 'create', actor: { id: fresh.secretariat.id } });
      expect(all.extensions?.sqlStatements).toBe(before.extensions?.sqlStatements);

      const byActor = await ok(t, fresh.secretariat.token, query, { c: fresh.commissionId, actor: fresh.admin.id });
      expect(byActor.commissionAuditTrail.edges.map((e: any) => e.node.entity)).toEqual(['commission', 'commission']);
      const byEntity = await ok(t, fresh.secretariat.token, query, { c: fresh.commissionId, entity: 'seat_allocation' });
      expect(byEntity.commissionAuditTrail.totalCount).toBe(1);
      const byName = await ok(t, fresh.secretariat.token, query, { c: fresh.commissionId, name: 'precisions' });
      expect(byName.commissionAuditTrail.edges.map((e: any) => e.node.entity)).toEqual(['seat_allocation', 'working_group']);
      const future = await ok(t, fresh.secretariat.token, query, { c: fresh.commissionId, from: '2100-01-01T00:00:00+01:00' });
      expect(future.commissionAuditTrail.totalCount).toBe(0);
      const past = await ok(t, fresh.secretariat.token, query, { c: fresh.commissionId, to: '2000-01-01T00:00:00Z' });
      expect(past.commissionAuditTrail.totalCount).toBe(0);

      const page1 = await ok(t, fresh.secretariat.token, query, { c: fresh.commissionId, first: 3 });
      expect(page1.commissionAuditTrail).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
      const page2 = await ok(t, fresh.secretariat.token, query, { c: fresh.commissionId, first: 3, after: page1.commissionAuditTrail.pageInfo.endCursor });
      expect(page2.commissionAuditTrail.edges.map((e: any) => e.node.id)).toEqual([nodes[3].id]);
      const tooMany = await t.gql(query, { c: fresh.commissionId, first: 101 }, { token: fresh.secretariat.token });
      expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });
});
