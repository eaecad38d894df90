import { DEMO_LOGINS, DEMO_PASSWORD, SeedsModule, SeederService } from '@samverkan/seeds';
import { TestApp, startTestApp } from '../harness/test-app';
import { login } from '../harness/factories';
import { ok } from '../harness/structure-fixtures';
import { scaled } from '../harness/progress';

describe('deliverables in the demo data', () => {
  let t: TestApp;
  let counts: Record<string, number>;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({}, [SeedsModule]);
    counts = (await t.app.get(SeederService).seed({ ifEmpty: true })).counts;
    for (const demo of DEMO_LOGINS) tokens[demo.role] = await login(t, demo.email, DEMO_PASSWORD);
    const list = await ok(t, tokens.admin, `{ commissionList(first: 20) { edges { node { id kind } } } }`);
    for (const { node } of list.commissionList.edges) {
      ids[{ INNOVATION_PROGRAMME: '000', GOVERNMENT_ASSIGNMENT: '001', STRATEGY_COLLABORATION_GROUP: '002', BOARD_WORKING_GROUP: '003' }[node.kind as string]!] = node.id;
    }
  }, scaled(120_000));
  afterAll(() => t?.close());

  const deliverablesOf = async (key: string, token = tokens.admin) =>
    (
      await ok(t, token, `query($f: DeliverableFilter!) { deliverables(filter: $f, first: 50) { edges { node {
        title kind dueOn status deliveredOn health workingGroup { name } responsiblePerson { fullName } goals { code } objectives { letter }
        deadlineChanges { reason } versions { number mediaType } } } } }`, { f: { commissionId: ids[key] } })
    ).deliverables.edges.map((e: { node: Record<string, any> }) => e.node);

  it('holds the dated deliverables of the texts: 001’s report due February 2023 and its network mapping, 000’s report published 2024-06-20', async () => {
    expect(counts).toMatchObject({ deliverables: 8, deadlineChanges: 1, documentVersions: 1, reviewRounds: 1 });
    const d001 = await deliverablesOf('001');
    expect(d001.map((d: Record<string, any>) => [d.kind, d.dueOn, d.status, d.deliveredOn])).toEqual([
      ['DATASET', '2023-02-28', 'DELIVERED', '2023-02-28'],
      ['FINAL_REPORT', '2023-02-28', 'DELIVERED', '2023-02-28'],
    ]);
    expect(d001.find((d: Record<string, any>) => d.kind === 'DATASET').title).toContain('Kartläggning av befintliga nätverk');
    expect(d001.find((d: Record<string, any>) => d.kind === 'FINAL_REPORT').responsiblePerson.fullName).toBe('Pinar Aslan Akay');
    const [atmp] = await deliverablesOf('000');
    expect(atmp).toMatchObject({ title: 'Kompetensbehov och utbildning inom ATMP', status: 'DELIVERED', deliveredOn: '2024-06-20', objectives: [{ letter: 'a' }], health: null });
  });

  it('ties 002’s working-group deliverables to the strategy’s goals and 003’s proposals to objective c, with a moved deadline and a draft', async () => {
    const d002 = await deliverablesOf('002');
    const byGroup = Object.fromEntries(d002.map((d: Record<string, any>) => [d.workingGroup.name, d]));
    expect(byGroup['Hälsodata'].goals).toEqual([{ code: '2.2' }]);
    expect(byGroup['Precisionsmedicin'].goals).toEqual([{ code: '4.4' }]);
    expect(byGroup['Krishantering och resiliens'].status).toBe('DELIVERED');
    const d003 = await deliverablesOf('003', tokens.member);
    const proposal = d003.find((d: Record<string, any>) => d.kind === 'PROPOSAL');
    expect(proposal).toMatchObject({ status: 'IN_REVIEW', objectives: [{ letter: 'c' }], versions: [{ number: 1, mediaType: 'text/plain' }] });
    expect(proposal.deadlineChanges[0].reason).toContain('høringsrunde');
    // The commissioner of 003 sees every one of 003's deliverables, as the status report lists them.
    expect((await deliverablesOf('003', tokens.commissioner)).map((d: { id?: string; title: string }) => d.title).sort()).toEqual((await deliverablesOf('003')).map((d: { title: string }) => d.title).sort());
  });

  it('has 003’s draft out for review: the member asked for changes with an anchored comment and proposed wording, the chair has not answered yet', async () => {
    const data = await ok(t, tokens.secretariat, `query($f: DeliverableFilter!) { deliverables(filter: $f, first: 50) { edges { node { kind reviewRounds {
      status message reviewers { person { fullName } } nonResponders { fullName }
      answers { verdict summary person { fullName } } comments { number anchorKind anchor body proposedWording } } } } } }`, { f: { commissionId: ids['003'] } });
    const proposal = data.deliverables.edges.map((e: { node: Record<string, any> }) => e.node).find((d: Record<string, any>) => d.kind === 'PROPOSAL');
    const [round] = proposal.reviewRounds;
    expect(round).toMatchObject({ status: 'OPEN', message: expect.stringContaining('afsnit 2') });
    const reviewers = round.reviewers.map((r: { person: { fullName: string } }) => r.person.fullName);
    expect(reviewers).toHaveLength(2);
    expect(reviewers).toContain('Karen Demosen');
    expect(round.nonResponders).toEqual([{ fullName: 'Karen Demosen' }]);
    expect(round.answers).toEqual([{ verdict: 'REQUEST_CHANGES', summary: expect.stringContaining('diplomuddannelser'), person: { fullName: expect.any(String) } }]);
    expect(round.comments).toEqual([
      { number: 1, anchorKind: 'SECTION', anchor: '2.1', body: expect.stringContaining('ledere i regionerne'), proposedWording: expect.stringContaining('diplommodul') },
      { number: 2, anchorKind: 'GENERAL', anchor: null, body: expect.stringContaining('deltagere'), proposedWording: null },
    ]);
  });
});
