import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, NGC_GROUP_NAME, SeedsModule, SeederService } from '@samverkan/seeds';
import { checkPage, launchBrowser, newBrowserContext, submitSignIn } from '../harness/browser';
import { TEST_PASSWORD, login, signedInPerson } from '../harness/factories';
import { scaled } from '../harness/progress';
import { ok } from '../harness/structure-fixtures';
import { TestApp, startTestApp } from '../harness/test-app';
import { chosen, createCommissionInBrowser, createWorkingGroupInBrowser, register003, seed003Forms } from '../harness/web-structure';

/**
 * The secretariat sets up seed 003 in the browser (issue 18): from a database with
 * only the register (organisations, people), an administrator creates the National
 * Genome Center's commission through the form, its secretariat creates the working
 * group with the keyboard alone, adds the observer, and the API then shows the same
 * commission and group as the seeder builds. Then: the chair's rights on the group
 * page, amendments and their history, the tree of groups, a strategy edited after
 * creation, and refusals shown at their fields. axe at 1280 and 390 px.
 */

const STRUCTURE = `{ commissionList(first: 50) { edges { node { title kind startsOn reportingDeadline reportCadence timeZone description referenceNumber
  commissioningBody { name } leadOrganisation { name } partners { name }
  objectives { letter text withdrawnByAmendmentId }
  roles { role person { fullName } }
  groups { name purpose status reportsTo establishedOn subgroupsAllowed holdoverAllowed parent { name }
    chair { fullName } leadOrganisation { name } secretariatOrganisation { name } objectives { letter } } } } } }`;

interface Structure {
  roles: { role: string; person: { fullName: string } }[];
  groups: { name: string }[];
  [key: string]: unknown;
}

/** Commission 003 as the API shows it, with lists in a fixed order. */
async function structureOf(t: TestApp, token: string, groupName = NGC_GROUP_NAME): Promise<Structure> {
  const data = await ok(t, token, STRUCTURE);
  const c = data.commissionList.edges.map((e: { node: Structure }) => e.node).find((n: Structure) => n.title === NGC_GROUP_NAME);
  expect(c).toBeDefined();
  return {
    ...c,
    roles: c.roles.map((r: Structure['roles'][number]) => `${r.role}:${r.person.fullName}`).sort(),
    groups: c.groups.filter((g: { name: string }) => g.name === groupName),
  };
}

describe('the structure pages (issue 18): seed 003 built in the browser', () => {
  jest.setTimeout(scaled(240_000));
  let t: TestApp;
  let ref: TestApp;
  let browser: Browser;
  let admin: { id: string; email: string; token: string };
  let emails: Record<string, string>;
  let commissionId: string;
  let groupId: string;
  const forms = seed003Forms();

  beforeAll(async () => {
    [t, ref] = await Promise.all([startTestApp(), startTestApp({}, [SeedsModule])]);
    await ref.app.get(SeederService).seed({ ifEmpty: true });
    admin = await signedInPerson(t, { isAdmin: true, fullName: 'Alva Admin', locale: 'da' });
    emails = await register003(t, admin.token);
    browser = await launchBrowser();
  }, scaled(240_000));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await ref?.close();
  });

  const check = (page: Page, name: string) => checkPage(page, `structure-${name}`);

  async function signedIn(email: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newBrowserContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options });
    const page = await context.newPage();
    await page.goto(`${t.url}/sign-in`);
    await submitSignIn(page, email, TEST_PASSWORD);
    await page.waitForURL(`${t.url}/`);
    return { context, page };
  }

  it('builds commission 003 and its working group through the pages, and the API shows what the seeder builds', async () => {
    // The administrator sets up the commission, naming its secretariat and commissioner.
    const { context, page } = await signedIn(admin.email);
    await page.goto(`${t.url}/commissions`);
    await page.waitForSelector('a[href="/commissions/new"]');
    await check(page, 'commission-list');
    commissionId = await createCommissionInBrowser(page, t.url, forms.commission);
    await check(page, 'commission-page-new');
    await context.close();

    // The secretariat: the working group with the keyboard alone, then the observer on the edit page.
    const s = await signedIn(emails['ngc-secretariat']);
    await s.page.goto(`${t.url}/commissions/${commissionId}/working-groups/new`);
    await s.page.waitForSelector('#name');
    await check(s.page, 'group-new');
    groupId = await createWorkingGroupInBrowser(s.page, t.url, commissionId, forms.group, { keyboard: true });
    await s.page.waitForSelector('#group-rights');
    await check(s.page, 'group-page-secretariat');
    await s.page.goto(`${t.url}/commissions/${commissionId}/edit`);
    await s.page.fill('#rolePerson', forms.observer);
    await chosen(s.page, 'rolePerson', forms.observer);
    await s.page.selectOption('#role', 'OBSERVER');
    await s.page.click('section[aria-labelledby=roles] button:not(.link)');
    await s.page.locator('section[aria-labelledby=roles] li', { hasText: forms.observer }).waitFor();
    await check(s.page, 'commission-edit');
    await s.context.close();

    // The same commission and group as seed 003 builds (the reference database ran the seeder).
    const built = await structureOf(t, admin.token);
    const seeded = await structureOf(ref, await login(ref, 'admin@demo.samverkan.test', DEMO_PASSWORD));
    expect(built).toEqual(seeded);
    expect(built.groups).toHaveLength(1);
    expect(built).toMatchObject({ kind: 'BOARD_WORKING_GROUP', leadOrganisation: { name: 'Nationalt Genom Center' } });
    expect(built.groups[0]).toMatchObject({ chair: { fullName: 'Karen Demosen' }, parent: null, objectives: [{ letter: 'a' }, { letter: 'b' }, { letter: 'c' }] });
  });

  it('shows a form the server refuses with each problem at its field, keeping what was typed', async () => {
    if (!groupId) throw new Error('the first test built no commission and group');
    const { context, page } = await signedIn(emails['ngc-secretariat']);
    await page.goto(`${t.url}/commissions/${commissionId}/working-groups/new`);
    await page.waitForSelector('#name');
    // A name too long (the API allows 300 characters) and a purpose kept as typed.
    await page.fill('#name', 'x'.repeat(301));
    await page.fill('#purpose', 'Et formål, der ikke må gå tabt.');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#name-error');
    expect(await page.getAttribute('#name', 'aria-describedby')).toContain('name-error');
    expect(await page.getAttribute('#name', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#name-error')).toMatch(/^Navn /);
    expect(await page.locator('.error-summary li').count()).toBe(1);
    expect(await page.inputValue('#purpose')).toBe('Et formål, der ikke må gå tabt.');
    await check(page, 'group-new-errors');

    // An amendment moving the deadline before the start: refused at the deadline field.
    await page.goto(`${t.url}/commissions/${commissionId}/amend`);
    await page.waitForSelector('#reason');
    await page.fill('#reason', 'Bestyrelsen ønsker en tidligere afrapportering.');
    await page.fill('#newDeadline', '2016-06-30');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#newDeadline-error');
    expect(await page.getAttribute('#newDeadline', 'aria-describedby')).toContain('newDeadline-error');
    expect(await page.inputValue('#reason')).toBe('Bestyrelsen ønsker en tidligere afrapportering.');
    await check(page, 'amend-errors');
    await context.close();
  });

  it('records an amendment (deadline, objective withdrawn and added) and shows the history and the tree of groups', async () => {
    if (!groupId) throw new Error('the first test built no commission and group');
    const { context, page } = await signedIn(emails['ngc-secretariat']);
    await page.goto(`${t.url}/commissions/${commissionId}/amend`);
    await page.waitForSelector('#reason');
    await page.fill('#decidedOn', '2018-06-01');
    await page.fill('#referenceNumber', 'NGC-2018-17');
    await page.fill('#reason', 'Bestyrelsen har ønsket en plan for efteruddannelse af sygeplejersker.');
    await page.fill('#newDeadline', '2019-06-30');
    await page.check('#withdraw-c');
    await page.click('#addObjectives-add');
    await page.fill('#addObjectives-0-text', 'Udarbejde en plan for efteruddannelse af sygeplejersker i genomisk medicin.');
    await page.click('form button[type=submit]');
    await page.waitForURL(`${t.url}/commissions/${commissionId}`);
    const history = page.locator('section[aria-labelledby=history]');
    await history.locator('li', { hasText: 'NGC-2018-17' }).waitFor();
    expect(await history.textContent()).toMatch(/2019/);
    expect(await history.textContent()).toMatch(/d/);
    expect(await page.locator('.objectives li.withdrawn').count()).toBe(1);

    // A sub-group under the main group: nested under it in the commission's tree.
    const sub = await createWorkingGroupInBrowser(page, t.url, commissionId, { name: 'Underarbejdsgruppe for e-læring', parent: NGC_GROUP_NAME, status: 'ACTIVE', objectives: ['d'] });
    await page.goto(`${t.url}/commissions/${commissionId}`);
    const nested = page.locator(`section[aria-labelledby=groups] ul.tree li ul.tree a[href="/working-groups/${sub}"]`);
    await nested.waitFor();
    await check(page, 'commission-page-amended');
    const api = await ok(t, admin.token, `query($id: ID!) { commission(id: $id) { reportingDeadline amendments { reason newDeadline } objectives { letter withdrawnByAmendmentId } groups { name parent { name } } } }`, { id: commissionId });
    expect(api.commission.reportingDeadline).toBe('2019-06-30');
    expect(api.commission.objectives.map((o: { letter: string; withdrawnByAmendmentId: string | null }) => `${o.letter}${o.withdrawnByAmendmentId ? '-' : ''}`)).toEqual(['a', 'b', 'c-', 'd']);
    expect(api.commission.groups.find((g: { name: string }) => g.name === 'Underarbejdsgruppe for e-læring').parent.name).toBe(NGC_GROUP_NAME);

    // Editing the group keeps it where it is; a group cannot move under its own sub-group (not offered).
    await page.goto(`${t.url}/working-groups/${groupId}/edit`);
    await page.waitForSelector('#parentId');
    expect(await page.locator('#parentId option', { hasText: 'Underarbejdsgruppe for e-læring' }).count()).toBe(0);
    await context.close();
  });

  it('offers the chair what libs/access lets a chair do: schedule the group’s meetings, not edit the group', async () => {
    if (!groupId) throw new Error('the first test built no commission and group');
    const { context, page } = await signedIn(emails['ngc-chair']);
    await page.goto(`${t.url}/working-groups/${groupId}`);
    await page.waitForSelector('#group-rights');
    expect(await page.locator(`a[href="/working-groups/${groupId}/edit"]`).count()).toBe(0);
    await check(page, 'group-page-chair');
    await page.click(`a[href="/working-groups/${groupId}/meetings/new"]`);
    await page.waitForSelector('#title');
    await check(page, 'meeting-new');
    await page.fill('#title', 'Arbejdsgruppemøde om kompetencebehov');
    await page.fill('#startsAt', '2030-03-04T10:00');
    await page.fill('#endsAt', '2030-03-04T12:00');
    await page.fill('#place', 'Ole Maaløes Vej 3, København');
    await page.click('form button[type=submit]');
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingId = new URL(page.url()).pathname.split('/')[2];
    const chairToken = await login(t, emails['ngc-chair']);
    const meeting = await ok(t, chairToken, `query($id: ID!) { meeting(id: $id) { title startsAt workingGroup { id } } }`, { id: meetingId });
    expect(meeting.meeting).toMatchObject({ title: 'Arbejdsgruppemøde om kompetencebehov', workingGroup: { id: groupId } });
    // The group itself stays the secretariat's.
    const refused = await t.gql(`mutation($input: UpdateWorkingGroupInput!) { updateWorkingGroup(input: $input) { id } }`, { input: { id: groupId, name: 'Omdøbt' } }, { token: chairToken });
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    // The edit page itself says so.
    await page.goto(`${t.url}/working-groups/${groupId}/edit`);
    await page.waitForSelector('h1');
    expect(await page.locator('#name').count()).toBe(0);
    await context.close();

    // The commissioner reads the group but is offered nothing to do there, and no new commission.
    const c = await signedIn(emails['ngc-commissioner']);
    await c.page.goto(`${t.url}/working-groups/${groupId}`);
    await c.page.waitForSelector('h1');
    expect(await c.page.locator('#group-rights').count()).toBe(0);
    await c.page.goto(`${t.url}/commissions`);
    await c.page.locator(`a[href="/commissions/${commissionId}"]`).waitFor();
    expect(await c.page.locator('a[href="/commissions/new"]').count()).toBe(0);
    await c.context.close();
  });

  it('edits a strategy after creation and lists who works on each goal, with statements that do not grow with the goals', async () => {
    const created = await ok(t, admin.token, `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { id priorityAreas { number goals { id code } } } }`, {
      input: {
        title: 'En nationell strategi för life science',
        priorityAreas: [
          { number: 2, title: 'Nyttiggörande av hälso- och vårddata för forskning och innovation', goals: [{ code: '2.2', text: 'Ökat nyttjande av hälsodata för forskning och innovation' }] },
          { number: 4, title: 'Integrering av forskning och innovation i vården', goals: [{ code: '4.4', text: 'Sverige ska vara ett föregångsland för införande av precisionsmedicin i vården' }] },
        ],
      },
    });
    const strategyId = created.createStrategy.id;
    const goal22 = created.createStrategy.priorityAreas[0].goals[0].id;
    // 003's secretariat runs this commission too, so the goal's group and deliverable are theirs to see.
    const [{ id: secretariatId }] = await t.db.query(`SELECT person_id AS id FROM account WHERE email = $1`, [emails['ngc-secretariat']]);
    // A commission of the strategy with a group pursuing 2.2 and a deliverable for it.
    const orgs = await ok(t, admin.token, `{ organisations(search: "Nationalt Genom Center", first: 1) { edges { node { id } } } }`);
    const orgId = orgs.organisations.edges[0].node.id;
    const commission = await ok(t, admin.token, `mutation($input: CreateCommissionInput!) { createCommission(input: $input) { id } }`, {
      input: { title: 'Samverkansgruppen för life science', kind: 'STRATEGY_COLLABORATION_GROUP', commissioningBodyId: orgId, leadOrganisationId: orgId, startsOn: '2020-01-01', strategyId, secretariatIds: [secretariatId] },
    });
    const group = await ok(t, admin.token, `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`, {
      input: { commissionId: commission.createCommission.id, name: 'Arbetsgrupp hälsodata', status: 'ACTIVE', goalIds: [goal22] },
    });
    const statements = async () => {
      const answer = await t.gql(`query($id: ID!) { strategy(id: $id) { priorityAreas { goals { code workingGroups { name } deliverables { title } } } } }`, { id: strategyId }, { token: admin.token });
      expect(answer.errors).toBeUndefined();
      return answer.extensions!.sqlStatements!;
    };
    const addDeliverable = (title: string) =>
      ok(t, admin.token, `mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id } }`, {
        input: { commissionId: commission.createCommission.id, workingGroupId: group.createWorkingGroup.id, title, kind: 'REPORT', dueOn: '2030-06-30', goalIds: [goal22], objectiveIds: [] },
      });
    await addDeliverable('Kartläggning av hälsodata');
    const one = await statements();
    for (let i = 0; i < 4; i++) await addDeliverable(`Delrapport ${i + 1}`);
    expect(await statements()).toBe(one);

    // The secretariat (of commission 003) edits the strategy in the browser.
    const { context, page } = await signedIn(emails['ngc-secretariat']);
    await page.goto(`${t.url}/strategies/${strategyId}`);
    await page.waitForSelector('#goal-2\\.2');
    const goal = page.locator('[id="goal-2.2"]');
    expect(await goal.textContent()).toContain('Arbetsgrupp hälsodata');
    expect(await goal.textContent()).toContain('Kartläggning av hälsodata');
    // A new priority area after creation, then a goal in it, then reworded.
    await page.fill('#number', '7');
    await page.fill('#title', 'Kompetensförsörjning, talangattraktion och livslångt lärande');
    await page.click('section[aria-labelledby=new-area] button[type=submit]');
    await page.waitForSelector('#area-7');
    await page.fill('#area-7-text', 'Tillgång till kompetens inom genomik');
    await page.click('section[aria-labelledby=area-7] form button[type=submit]');
    await page.locator('[id="goal-7.1"]').waitFor();
    await page.click('#goal-7-1-text-open');
    await page.fill('#goal-7-1-text', 'Säkrad tillgång till kompetens inom genomik');
    await page.click('[id="goal-7.1"] form button[type=submit]');
    await page.locator('[id="goal-7.1"]', { hasText: 'Säkrad tillgång' }).waitFor();
    // A goal number outside its area is refused at the number field.
    await page.fill('#area-7-code', '8.1');
    await page.fill('#area-7-text', 'Fel område');
    await page.click('section[aria-labelledby=area-7] form button[type=submit]');
    await page.waitForSelector('#area-7-code-error');
    await check(page, 'strategy');
    await context.close();
    const after = await ok(t, admin.token, `query($id: ID!) { strategy(id: $id) { priorityAreas { number title goals { code text } } } }`, { id: strategyId });
    expect(after.strategy.priorityAreas.find((a: { number: number }) => a.number === 7)).toEqual({
      number: 7,
      title: 'Kompetensförsörjning, talangattraktion och livslångt lärande',
      goals: [{ code: '7.1', text: 'Säkrad tillgång till kompetens inom genomik' }],
    });
  });
});
