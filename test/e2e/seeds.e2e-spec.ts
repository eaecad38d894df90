import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccessModule } from '@samverkan/access';
import { ConfigModule, CoreModule } from '@samverkan/core';
import { DEMO_LOGINS, DEMO_PASSWORD, NGC_GROUP_NAME, SeedsModule, SeederService } from '@samverkan/seeds';
import { TestApp, createTestDatabase, startTestApp } from '../harness/test-app';
import { login } from '../harness/factories';
import { scaled } from '../harness/progress';

interface Allocation {
  seatCount: number;
  role: string;
  requiresGenderPair: boolean;
  requiredPerspective: string | null;
  filledCount: number;
  organisation: { id: string; name: string; kind: string; region: string | null };
  nominatingOrganisation: { id: string; name: string; parent: { name: string } | null };
}

describe('seeds: the four situations and the demo logins', () => {
  let t: TestApp;
  let counts: Record<string, number>;
  const tokens: Record<string, string> = {};
  let commissionIds: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({}, [SeedsModule]);
    const result = await t.app.get(SeederService).seed({ ifEmpty: true });
    expect(result.skipped).toBe(false);
    counts = result.counts;
    for (const demo of DEMO_LOGINS) tokens[demo.role] = await login(t, demo.email, DEMO_PASSWORD);
    const list = await t.gql(`{ commissionList(first: 20) { totalCount edges { node { id title kind isDemo } } } }`, {}, { token: tokens.admin });
    expect(list.errors).toBeUndefined();
    const nodes: { id: string; kind: string; isDemo: boolean }[] = list.data!.commissionList.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.every((n) => n.isDemo)).toBe(true);
    const byKind = (kind: string) => nodes.find((n) => n.kind === kind)!.id;
    commissionIds = {
      '000': byKind('INNOVATION_PROGRAMME'),
      '001': byKind('GOVERNMENT_ASSIGNMENT'),
      '002': byKind('STRATEGY_COLLABORATION_GROUP'),
      '003': byKind('BOARD_WORKING_GROUP'),
    };
  }, scaled(120_000));
  afterAll(() => t?.close());

  it('loads once: a second run with ifEmpty is skipped', async () => {
    expect(counts).toMatchObject({ commissions: 4, strategies: 1, accounts: 6 });
    expect(await t.app.get(SeederService).seed({ ifEmpty: true })).toEqual({ skipped: true, counts: {} });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM commission`);
    expect(n).toBe(4);
  });

  it('loads in a bare application context without GraphQL, as the CLI does', async () => {
    const database = await createTestDatabase();
    @Module({ imports: [ConfigModule.forRoot({ ...t.config, DATABASE_URL: database.url }), CoreModule, AccessModule, SeedsModule] })
    class CliLikeModule {}
    const app = await NestFactory.createApplicationContext(CliLikeModule, { logger: false });
    try {
      const seeder = app.get(SeederService);
      expect(await seeder.seed({ ifEmpty: true })).toEqual({ skipped: false, counts });
      expect((await seeder.seed({ ifEmpty: true })).skipped).toBe(true);
      // Forced: a second set of the commissions, reusing the organisations, people, logins and strategy.
      const again = await seeder.seed({ ifEmpty: false });
      expect(again.counts).toMatchObject({ commissions: 4, organisations: 0, people: 0, accounts: 0, strategies: 0 });
    } finally {
      await app.close();
      await database.drop();
    }
  });

  it('gives the demo commissioner a status report of the NGC working group to open', async () => {
    expect(counts.statusReports).toBeGreaterThanOrEqual(1);
    const list = await t.gql(`query($id: ID!) { statusReports(commissionId: $id) { edges { node { id kind url } } } }`, { id: commissionIds['003'] }, { token: tokens.commissioner });
    const report = list.data!.statusReports.edges[0].node;
    expect(report.kind).toBe('ON_DEMAND');
    const page = await t.http(report.url, { headers: { authorization: `Bearer ${tokens.commissioner}` } });
    expect(page.status).toBe(200);
  });

  it('went through the services: every change has its audit event, under one seed request id', async () => {
    const rows: { entity: string; n: number }[] = await t.db.query(
      `SELECT entity, count(*)::int AS n FROM audit_event WHERE request_id LIKE 'seed:%' GROUP BY entity`,
    );
    const byEntity = Object.fromEntries(rows.map((r) => [r.entity, r.n]));
    expect(byEntity).toMatchObject({
      organisation: counts.organisations,
      person: counts.people,
      account: counts.accounts,
      strategy: 1,
      seat_allocation: counts.seatAllocations,
      appointment: counts.appointments,
      working_group: counts.workingGroups,
    });
    const [{ ids }] = await t.db.query(`SELECT count(DISTINCT request_id)::int AS ids FROM audit_event WHERE request_id LIKE 'seed:%'`);
    expect(ids).toBe(1);
  });

  describe('003: the NGC working group (Denmark)', () => {
    const query = `query($id: ID!) {
      commission(id: $id) {
        title kind startsOn timeZone reportCadence
        commissioningBody { name kind parent { name } }
        leadOrganisation { name kind country }
        objectives { letter text }
        groups {
          id name reportsTo subgroupsAllowed
          chair { displayName }
          secretariatOrganisation { name }
          allocations {
            seatCount role requiresGenderPair requiredPerspective filledCount
            organisation { id name kind region }
            nominatingOrganisation { id name parent { name } }
          }
          vacantSeats { id status }
        }
        appointmentsEnding(withinDays: 60) { endsOn person { displayName } }
      }
    }`;
    let commission: Record<string, any>;
    let allocations: Allocation[];

    beforeAll(async () => {
      const result = await t.gql(query, { id: commissionIds['003'] }, { token: tokens.secretariat });
      expect(result.errors).toBeUndefined();
      commission = result.data!.commission;
      allocations = commission.groups[0].allocations;
    });

    it('is the board’s working group, led, chaired and run by NGC', () => {
      expect(commission).toMatchObject({
        title: NGC_GROUP_NAME,
        kind: 'BOARD_WORKING_GROUP',
        startsOn: '2017-09-01',
        timeZone: 'Europe/Copenhagen',
        reportCadence: 'QUARTERLY',
        commissioningBody: { name: 'Nationalt Genom Centers bestyrelse', kind: 'OTHER', parent: { name: 'Nationalt Genom Center' } },
        leadOrganisation: { name: 'Nationalt Genom Center', kind: 'AGENCY', country: 'DK' },
      });
      expect(commission.groups).toHaveLength(1);
      expect(commission.groups[0]).toMatchObject({
        name: NGC_GROUP_NAME,
        reportsTo: 'Nationalt Genom Centers bestyrelse',
        subgroupsAllowed: true,
        chair: { displayName: 'Karen Demosen' },
        secretariatOrganisation: { name: 'Nationalt Genom Center' },
      });
    });

    it('has the terms of reference a, b, c in the document’s words', () => {
      expect(commission.objectives.map((o: { letter: string }) => o.letter)).toEqual(['a', 'b', 'c']);
      expect(commission.objectives[0].text).toMatch(/^Afdække den nuværende dækning .* genomteknologier i sundhedsvæsenet\.$/);
      expect(commission.objectives[1].text).toMatch(/^Afdække i hvilken grad .* eksisterende uddannelser, efteruddannelser og kurser\.$/);
      expect(commission.objectives[2].text).toMatch(/^Udvikle forslag til konkrete programmer .* til rette faggrupper\.$/);
    });

    it('has 20 seats outside NGC: 15 organisations, the 11 lines of the text (the five regions are one line)', () => {
      const outside = allocations.filter((a) => a.organisation.name !== 'Nationalt Genom Center');
      expect(outside.reduce((sum, a) => sum + a.seatCount, 0)).toBe(20);
      const organisations = new Set(outside.map((a) => a.organisation.id));
      expect(organisations.size).toBe(15);
      const lines = new Set(outside.map((a) => (a.organisation.kind === 'REGION' ? 'regions' : a.organisation.id)));
      expect(lines.size).toBe(11);
      expect(outside.every((a) => a.requiresGenderPair)).toBe(true);

      const seatsOf = (name: string) => outside.filter((a) => a.organisation.name === name).reduce((sum, a) => sum + a.seatCount, 0);
      expect(seatsOf('Sundhedsstyrelsen')).toBe(1);
      expect(seatsOf('Danske Regioner')).toBe(1);
      expect(seatsOf('Danske Universiteter')).toBe(5);
      expect(seatsOf('Lægeforeningen')).toBe(2);
      expect(outside.filter((a) => a.organisation.kind === 'REGION').map((a) => a.organisation.region).sort()).toEqual([
        'Region Hovedstaden',
        'Region Midtjylland',
        'Region Nordjylland',
        'Region Sjælland',
        'Region Syddanmark',
      ]);

      // Danske Universiteter: five seats, each nominated by a dean (four faculties and DTU).
      const universities = outside.filter((a) => a.organisation.name === 'Danske Universiteter');
      expect(universities).toHaveLength(5);
      expect(new Set(universities.map((a) => a.nominatingOrganisation.id)).size).toBe(5);
      expect(universities.map((a) => a.nominatingOrganisation.parent?.name ?? a.nominatingOrganisation.name).sort()).toEqual([
        'Aalborg Universitet',
        'Aarhus Universitet',
        'Danmarks Tekniske Universitet',
        'Københavns Universitet',
        'Syddansk Universitet',
      ]);
      // Lægeforeningen: one hospital and one general-practice perspective.
      expect(outside.filter((a) => a.organisation.name === 'Lægeforeningen').map((a) => a.requiredPerspective).sort()).toEqual(['almen praksis', 'hospital']);
    });

    it('shows vacancies and terms ending soon', () => {
      const group = commission.groups[0];
      expect(group.vacantSeats).toHaveLength(3);
      const filled = allocations.reduce((sum, a) => sum + a.filledCount, 0);
      expect(filled).toBe(21 - 3);
      expect(commission.appointmentsEnding.map((a: { person: { displayName: string } }) => a.person.displayName).sort()).toEqual(['Anne Fiktivsen', 'Mikkel Eksempelsen']);
    });
  });

  describe('002: the life-science strategy and its working groups', () => {
    it('has 8 priority areas and goals 2.2 and 4.4, pursued by Hälsodata and Precisionsmedicin', async () => {
      const strategies = await t.gql(`{ strategies { id title priorityAreas { number title goals { code text } } } }`, {}, { token: tokens.admin });
      const strategy = strategies.data!.strategies.find((s: { title: string }) => s.title === 'En nationell strategi för life science');
      expect(strategy.priorityAreas.map((a: { number: number }) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(strategy.priorityAreas[1].title).toBe('Nyttiggörande av hälso- och vårddata för forskning och innovation');
      expect(strategy.priorityAreas[1].goals).toEqual([{ code: '2.2', text: 'Ökat nyttjande av hälsodata för forskning och innovation' }]);

      const goal = `query($s: ID!, $code: String!) { goal(strategyId: $s, code: $code) { code text workingGroups { name allocations { role organisation { name } } } } }`;
      const g44 = await t.gql(goal, { s: strategy.id, code: '4.4' }, { token: tokens.admin });
      expect(g44.data!.goal.text).toBe('Sverige ska vara ett föregångsland för införande av precisionsmedicin i vården');
      expect(g44.data!.goal.workingGroups.map((g: { name: string }) => g.name)).toEqual(['Precisionsmedicin']);
      const g22 = await t.gql(goal, { s: strategy.id, code: '2.2' }, { token: tokens.admin });
      expect(g22.data!.goal.workingGroups.map((g: { name: string }) => g.name)).toEqual(['Hälsodata']);
    });

    it('Swedish Medtech takes part in all three groups and leads Krishantering och resiliens', async () => {
      const result = await t.gql(
        `query($id: ID!) { commission(id: $id) { title commissioningBody { name } leadOrganisation { name } strategy { title }
            roles { role person { displayName } }
            groups { name leadOrganisation { name } chair { displayName } allocations { role seatCount organisation { name } } } } }`,
        { id: commissionIds['002'] },
        { token: tokens.admin },
      );
      const commission = result.data!.commission;
      expect(commission).toMatchObject({
        title: 'Samverkansgruppen för Hälsa och Life Science',
        commissioningBody: { name: 'Regeringen' },
        leadOrganisation: { name: 'Vinnova' },
        strategy: { title: 'En nationell strategi för life science' },
      });
      expect(commission.roles).toContainEqual({ role: 'MEMBER', person: { displayName: 'Anna Lefevre Skjöldebrand' } });
      expect(commission.groups.map((g: { name: string }) => g.name).sort()).toEqual(['Hälsodata', 'Krishantering och resiliens', 'Precisionsmedicin']);
      for (const group of commission.groups) {
        const medtech = group.allocations.filter((a: { organisation: { name: string } }) => a.organisation.name === 'Swedish Medtech');
        expect(medtech).toHaveLength(1);
        expect(medtech[0]).toMatchObject({ seatCount: 1, role: group.name === 'Krishantering och resiliens' ? 'CHAIR' : 'MEMBER' });
      }
      expect(commission.groups.find((g: { name: string }) => g.name === 'Krishantering och resiliens').leadOrganisation).toEqual({ name: 'Swedish Medtech' });
    });
  });

  it('001: the government assignment’s deadline, partners, secretariat and stakeholder dialogues', async () => {
    const result = await t.gql(
      `query($id: ID!) { commission(id: $id) { title kind startsOn reportingDeadline timeZone
          commissioningBody { name } leadOrganisation { name } partners { name }
          roles { role person { displayName isDemo } }
          stakeholderRegister { organisation { name } ways } } }`,
      { id: commissionIds['001'] },
      { token: tokens.admin },
    );
    expect(result.errors).toBeUndefined();
    const commission = result.data!.commission;
    expect(commission).toMatchObject({
      title: 'Samordna företagshälsovårdens kompetensförsörjning avseende läkare',
      kind: 'GOVERNMENT_ASSIGNMENT',
      startsOn: '2021-11-01',
      reportingDeadline: '2023-02-28',
      timeZone: 'Europe/Stockholm',
      commissioningBody: { name: 'Regeringen' },
      leadOrganisation: { name: 'Myndigheten för arbetsmiljökunskap' },
    });
    expect(commission.partners.map((p: { name: string }) => p.name).sort()).toEqual(['Nationella vårdkompetensrådet', 'Socialstyrelsen']);
    expect(commission.roles.filter((r: { role: string }) => r.role === 'SECRETARIAT').map((r: { person: unknown }) => r.person)).toEqual(
      expect.arrayContaining([
        { displayName: 'Pinar Aslan Akay', isDemo: false },
        { displayName: 'Mikael Nilsson', isDemo: false },
      ]),
    );
    const ways = Object.fromEntries(commission.stakeholderRegister.map((row: { organisation: { name: string }; ways: string[] }) => [row.organisation.name, row.ways]));
    for (const name of ['Sveriges Företagshälsor', 'Företagsläkarföreningen', 'AMM-kliniker (representanter)', 'Företagshälsobolag (representanter)']) {
      expect(ways[name]).toContain('dialogue');
    }
    expect(Object.values(ways).flat()).toContain('network');
    expect(ways['Socialstyrelsen']).toContain('partner');
  });

  it('000: ATMP 2030, funded by Vinnova, with its sub-goal a and its working group', async () => {
    const result = await t.gql(
      `query($id: ID!) { commission(id: $id) { title kind startsOn commissioningBody { name } leadOrganisation { name }
          objectives { letter text } groups { name objectives { letter } } } }`,
      { id: commissionIds['000'] },
      { token: tokens.admin },
    );
    expect(result.data!.commission).toEqual({
      title: 'ATMP 2030',
      kind: 'INNOVATION_PROGRAMME',
      startsOn: '2021-01-01',
      commissioningBody: { name: 'Vinnova' },
      leadOrganisation: { name: 'ATMP 2030' },
      objectives: [{ letter: 'a', text: 'Utbildning och kompetensförsörjning' }],
      groups: [{ name: 'Utbildning och kompetensförsörjning', objectives: [{ letter: 'a' }] }],
    });
  });

  describe('each demo login signs in and sees what its role allows', () => {
    const overview = `query($id: ID!) {
      me { isAdmin person { displayName isDemo } }
      commissionList { totalCount }
      commission(id: $id) { myRoles groups { id } }
    }`;
    const report = `query($id: ID!) { commission(id: $id) { groups { compositionReport { lines { seats } } } } }`;
    const balance = `query($id: ID!) { commission(id: $id) { groups { genderBalance { women men } } } }`;

    it.each([
      ['admin', true, 4, []],
      ['secretariat', false, 1, ['SECRETARIAT']],
      ['chair', false, 1, ['CHAIR', 'MEMBER']],
      ['member', false, 1, ['MEMBER']],
      ['commissioner', false, 1, ['COMMISSIONER']],
      ['observer', false, 1, ['OBSERVER']],
    ])('%s', async (role, isAdmin, commissions, roles) => {
      const result = await t.gql(overview, { id: commissionIds['003'] }, { token: tokens[role] });
      expect(result.errors).toBeUndefined();
      expect(result.data!.me).toMatchObject({ isAdmin, person: { isDemo: true } });
      expect(result.data!.commissionList.totalCount).toBe(commissions);
      expect([...result.data!.commission.myRoles].sort()).toEqual(roles);
    });

    it('the secretariat, the commissioner and the admin read the composition report and the balance; the group\'s other roles do not', async () => {
      const codes = async (role: string, q: string) => {
        const result = await t.gql(q, { id: commissionIds['003'] }, { token: tokens[role] });
        return result.errors?.[0]?.extensions.code ?? 'OK';
      };
      expect(await codes('admin', report)).toBe('OK');
      expect(await codes('secretariat', report)).toBe('OK');
      expect(await codes('commissioner', report)).toBe('OK');
      expect(await codes('chair', report)).toBe('FORBIDDEN');
      expect(await codes('member', report)).toBe('FORBIDDEN');
      expect(await codes('observer', report)).toBe('FORBIDDEN');
      expect(await codes('commissioner', balance)).toBe('OK');
      expect(await codes('observer', balance)).toBe('FORBIDDEN');
    });

    it('the secretariat’s composition report shows who was proposed, a woman and a man where the law asks', async () => {
      const result = await t.gql(
        `query($id: ID!) { commission(id: $id) { groups { genderCompliance { organisation { name } required nominated complies womenProposed menProposed reason }
            compositionReport { current { women men } } } } }`,
        { id: commissionIds['003'] },
        { token: tokens.secretariat },
      );
      const group = result.data!.commission.groups[0];
      const sst = group.genderCompliance.find((c: { organisation: { name: string } }) => c.organisation.name === 'Sundhedsstyrelsen');
      expect(sst).toMatchObject({ required: true, nominated: true, complies: true, womenProposed: 1, menProposed: 1 });
      const dasys = group.genderCompliance.find((c: { organisation: { name: string } }) => c.organisation.name === 'Dansk Sygepleje Selskab');
      expect(dasys).toMatchObject({ nominated: true, womenProposed: 1, menProposed: 0, complies: true });
      expect(dasys.reason).toBeTruthy();
      expect(group.compositionReport.current).toEqual({ women: 10, men: 8 });
    });

    it('a commission outside one’s roles stays hidden (NOT_FOUND), the member sees their group', async () => {
      const hidden = await t.gql(`query($id: ID!) { commission(id: $id) { title } }`, { id: commissionIds['001'] }, { token: tokens.observer });
      expect(hidden.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const mine = await t.gql(`{ myWorkingGroups { name } }`, {}, { token: tokens.member });
      expect(mine.data!.myWorkingGroups).toEqual([{ name: NGC_GROUP_NAME }]);
    });
  });
});
