import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkPage, launchBrowser, newBrowserContext, submitSignIn, tabTo } from '../harness/browser';
import { TEST_PASSWORD, createPerson, signedInPerson } from '../harness/factories';
import { scaled } from '../harness/progress';
import { allocation, appoint, commission, CommissionFixture, group, ok, organisation } from '../harness/structure-fixtures';
import { TestApp, startTestApp } from '../harness/test-app';

/**
 * Issue 18's register pages in headless Chromium, as a commission's secretariat
 * (Swedish): search before adding a person, merge a duplicate with the keyboard
 * alone, an organisation's region from the list, coverage figures against GraphQL,
 * the audit trail filtered by who made the change; axe at 1280 and 390 px.
 */

describe('the register pages', () => {
  jest.setTimeout(scaled(120_000));
  let t: TestApp;
  let browser: Browser;
  let c: CommissionFixture;
  let secretariatEmail: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
    secretariatEmail = c.secretariat.email;
    browser = await launchBrowser();
  }, scaled(180_000));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const check = checkPage;

  async function signedInPage(address: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newBrowserContext(browser, { viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.url}${address}`);
    await page.waitForURL(/\/sign-in/);
    await submitSignIn(page, secretariatEmail, TEST_PASSWORD);
    await page.waitForURL(`${t.url}${address}`);
    return { context, page };
  }

  it('finds the existing person before adding, and offers them instead of a duplicate by e-mail', async () => {
    const orgName = `Lunds universitet ${randomUUID().slice(0, 4)}`;
    const orgId = await organisation(t, c.secretariat.token, { name: orgName, kind: 'UNIVERSITY', country: 'SE', region: 'Skåne' });
    const karin = await createPerson(t.db, { fullName: 'Karin Lindqvist', email: `karin.${randomUUID().slice(0, 6)}@example.test`, affiliationId: orgId, account: false });
    const { context, page } = await signedInPage('/people');
    await page.waitForSelector('h1:has-text("Personer")');
    await page.fill('#q', orgName);
    await page.press('#q', 'Enter');
    await page.waitForSelector(`tbody a:has-text("Karin Lindqvist")`);
    await check(page, 'people-search');

    await page.fill('#fullName', 'Karin Lindqvist');
    await page.fill('#email', karin.email.toUpperCase());
    await page.click('form:has(#fullName) button[type=submit]');
    await page.waitForSelector('.error-summary');
    expect(await page.textContent('#email-error')).toContain('Karin Lindqvist har redan den här e-postadressen');
    expect(await page.getAttribute('.notice a', 'href')).toBe(`/people/${karin.id}`);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM person WHERE lower(email) = lower($1)`, [karin.email]);
    expect(count).toBe(1);
    // Typed text stays where it was.
    expect(await page.inputValue('#fullName')).toBe('Karin Lindqvist');
    await check(page, 'people-add-exists');
    await context.close();
  });

  it('merges a duplicate with the keyboard alone; GraphQL then shows the seat held by the kept person', async () => {
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const allocationId = await allocation(t, c.secretariat.token, groupId, await organisation(t, c.secretariat.token), 1);
    const keep = await createPerson(t.db, { fullName: 'Mats Holmström', account: false });
    const duplicate = await createPerson(t.db, { fullName: 'Mats Holmström (gammal)', account: false });
    expect((await appoint(t, c.secretariat.token, { allocationId, personId: duplicate.id })).errors).toBeUndefined();

    const { context, page } = await signedInPage(`/people/${keep.id}`);
    await page.waitForSelector('h1:has-text("Mats Holmström")');
    await tabTo(page, '#duplicate-q');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Holmström');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#merge-${duplicate.id}`);
    await tabTo(page, `#merge-${duplicate.id}`);
    await page.keyboard.press('Space');
    await tabTo(page, '#confirm');
    await page.keyboard.press('Space');
    await check(page, 'person-merge');
    await tabTo(page, '#merge-submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=har slagits ihop med Mats Holmström');

    const merged = await ok(t, c.secretariat.token, `query($id: ID!, $g: ID!) { person(id: $id) { mergedInto { id } } workingGroup(id: $g) { allocations { seats { currentAppointment { person { id } } } } } }`, { id: duplicate.id, g: groupId });
    expect(merged.person.mergedInto.id).toBe(keep.id);
    expect(merged.workingGroup.allocations[0].seats[0].currentAppointment.person.id).toBe(keep.id);
    await page.goto(`${t.url}/people/${duplicate.id}`);
    await page.waitForSelector('.notice:has-text("har slagits ihop med Mats Holmström")');
    await check(page, 'person-merged');
    await context.close();
  });

  it('shows a person’s details as a form only to who may change them: a member reads another’s, and edits their own', async () => {
    const member = await signedInPerson(t, { fullName: 'Lina Ledamot', locale: 'sv', timeZone: 'Europe/Stockholm' });
    const other = await createPerson(t.db, { fullName: 'Olle Annan', account: false });
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const allocationId = await allocation(t, c.secretariat.token, groupId, await organisation(t, c.secretariat.token), 1);
    // Olle holds a seat in the commission: his details are his and the secretariat's, not another member's.
    expect((await appoint(t, c.secretariat.token, { allocationId, personId: other.id })).errors).toBeUndefined();
    const asked = await ok(t, member.token, `query($a: ID!, $b: ID!) { a: person(id: $a) { mayEdit } b: person(id: $b) { mayEdit } }`, { a: other.id, b: member.id });
    expect(asked).toEqual({ a: { mayEdit: false }, b: { mayEdit: true } });

    const context = await newBrowserContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.url}/people/${other.id}`);
    await submitSignIn(page, member.email, TEST_PASSWORD);
    await page.waitForSelector('h1:has-text("Olle Annan")');
    expect(await page.locator('#fullName').count()).toBe(0);
    expect(await page.locator('#duplicate-q').count()).toBe(0);
    expect(await page.locator('main a[href="/people"]').count()).toBe(0);
    await check(page, 'person-read-only');
    await page.goto(`${t.url}/people/${member.id}`);
    await page.waitForSelector('#fullName');
    expect(await page.locator('#duplicate-q').count()).toBe(0);
    await context.close();
  });

  it('adds an organisation with its region chosen from the list of its country', async () => {
    const name = `Region Skåne Kompetenscentrum ${randomUUID().slice(0, 4)}`;
    const { context, page } = await signedInPage('/organisations');
    await page.waitForSelector('h1:has-text("Organisationer")');
    await page.fill('#name', name);
    await page.selectOption('#kind', 'REGION');
    await page.selectOption('#country', 'DK');
    expect(await page.locator('#regionCode option').allTextContents()).toEqual(['(ingen region)', 'Region Hovedstaden', 'Region Midtjylland', 'Region Nordjylland', 'Region Sjælland', 'Region Syddanmark']);
    await page.selectOption('#country', 'SE');
    await page.selectOption('#regionCode', { label: 'Region Skåne' });
    await check(page, 'organisations');
    await page.click('form:has(#name) button[type=submit]');
    await page.waitForSelector(`[role=status]:has-text("${name}")`);
    const found = await ok(t, c.secretariat.token, `query($q: String) { organisations(search: $q, first: 5) { edges { node { id region regionCode kind } } } }`, { q: name });
    expect(found.organisations.edges.map((e: any) => e.node)).toEqual([expect.objectContaining({ region: 'Region Skåne', regionCode: 'SE-M', kind: 'REGION' })]);
    await page.goto(`${t.url}/organisations/${found.organisations.edges[0].node.id}`);
    await page.waitForSelector(`h1:has-text("${name}")`);
    expect(await page.inputValue('#regionCode')).toBe('SE-M');
    await check(page, 'organisation');
    await context.close();
  });

  it('shows coverage with the same figures as GraphQL, and records an engagement from the browser', async () => {
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const lund = await organisation(t, c.secretariat.token, { name: `Lunds kommun ${randomUUID().slice(0, 4)}`, kind: 'MUNICIPALITY', country: 'SE', region: 'Region Skåne' });
    const umea = await organisation(t, c.secretariat.token, { name: `Umeå universitet ${randomUUID().slice(0, 4)}`, kind: 'UNIVERSITY', country: 'SE', regionCode: 'SE-AC' });
    await allocation(t, c.secretariat.token, groupId, lund, 2);

    // 120 organisations that sort before Umeå: more than any picker lists at once.
    await t.db.query(`INSERT INTO organisation (name, kind, country) SELECT 'Aaa förening ' || g || ' ' || $1, 'association', 'SE' FROM generate_series(1, 120) g`, [randomUUID().slice(0, 4)]);
    const { context, page } = await signedInPage(`/commissions/${c.commissionId}/stakeholders`);
    await page.waitForSelector('h1:has-text("Intressenter")');
    await page.selectOption('#coverage-country', 'SE');
    await page.click('form:has(#coverage-country) button');
    await page.waitForSelector('[data-testid=regions-table] th:has-text("Region Västerbotten")');
    const api = await ok(t, c.secretariat.token, `query($id: ID!) { commission(id: $id) { stakeholderCoverage(country: "SE") { regions { region { name } organisations seats } kinds { kind organisations seats } } } }`, { id: c.commissionId });
    const rows = async (testId: string) =>
      page.$$eval(`[data-testid=${testId}] tbody tr`, (trs) => trs.map((tr) => [tr.querySelector('th')!.childNodes[0].textContent, ...[...tr.querySelectorAll('td')].map((td) => Number(td.textContent))]));
    expect(await rows('regions-table')).toEqual(api.commission.stakeholderCoverage.regions.map((r: any) => [r.region.name, r.organisations, r.seats]));
    const kinds = await rows('kinds-table');
    expect(kinds.map((k) => k.slice(1))).toEqual(api.commission.stakeholderCoverage.kinds.map((k: any) => [k.organisations, k.seats]));
    expect(api.commission.stakeholderCoverage.regions.find((r: any) => r.region.name === 'Region Skåne')).toMatchObject({ organisations: 1, seats: 2 });
    expect(await page.locator('svg.reg-chart').count()).toBe(2);

    // The organisation is found on the server, however many the register holds (120 more sort first; the
    // picker listed only the first 100 before): Umeå by typing part of its name.
    expect(await page.locator(`#organisationId option[value="${umea}"]`).count()).toBe(0);
    await page.fill('#organisationId-search', 'Umeå univ');
    await page.waitForSelector(`#organisationId option[value="${umea}"]`, { state: 'attached' });
    await page.selectOption('#organisationId', umea);
    await page.selectOption('#how', 'WORKSHOP');
    await page.fill('#engagedOn', '2022-10-04');
    await page.fill('#note', 'Workshop om kompetensbehov');
    await page.click('form[aria-labelledby=record] button[type=submit]');
    await page.waitForSelector('li:has-text("Workshop om kompetensbehov")');
    const after = await ok(t, c.secretariat.token, `query($id: ID!) { commission(id: $id) { stakeholderEngagements { how organisation { id } } stakeholderCoverage(country: "SE") { regions { region { code } organisations } } } }`, { id: c.commissionId });
    expect(after.commission.stakeholderEngagements).toEqual([{ how: 'WORKSHOP', organisation: { id: umea } }]);
    expect(after.commission.stakeholderCoverage.regions.find((r: any) => r.region.code === 'SE-AC').organisations).toBe(1);
    await check(page, 'stakeholders');
    await context.close();
  });

  it('filters the audit trail by who made the change', async () => {
    await group(t, c.secretariat.token, c.commissionId, { name: 'Arbetsgrupp hälsodata' });
    await ok(t, c.admin.token, `mutation($input: UpdateCommissionInput!) { updateCommission(input: $input) { id } }`, { input: { id: c.commissionId, referenceNumber: 'I2021/03177' } });
    const { context, page } = await signedInPage(`/commissions/${c.commissionId}/audit`);
    await page.waitForSelector('h1:has-text("Ändringslogg")');
    await check(page, 'audit');
    const me = await ok(t, c.secretariat.token, `{ me { person { id displayName } } }`);
    await page.selectOption('#actorPersonId', me.me.person.id);
    await page.click('form.reg-filters button[type=submit]');
    const api = await ok(t, c.secretariat.token, `query($c: ID!, $a: ID) { commissionAuditTrail(commissionId: $c, actorPersonId: $a, first: 25) { totalCount edges { node { entity } } } }`, { c: c.commissionId, a: me.me.person.id });
    await page.waitForSelector(`#trail:has-text("${api.commissionAuditTrail.totalCount} ändringar")`);
    const who = await page.$$eval('.reg-table tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
    expect(who.length).toBe(Math.min(25, api.commissionAuditTrail.totalCount));
    expect(new Set(who)).toEqual(new Set([me.me.person.displayName]));
    expect(await page.locator('tbody th:has-text("Arbetsgrupp: Arbetsgrupp hälsodata")').count()).toBe(1);
    await check(page, 'audit-filtered');
    await context.close();
  });
});
