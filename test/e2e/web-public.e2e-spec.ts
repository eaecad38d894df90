import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, SeedsModule, SeederService } from '@samverkan/seeds';
import { checkPage, launchBrowser, newBrowserContext, submitSignIn } from '../harness/browser';
import { login } from '../harness/factories';
import { scaled } from '../harness/progress';
import { ok } from '../harness/structure-fixtures';
import { TestApp, startTestApp } from '../harness/test-app';

/**
 * Issue 18 in the browser: the commissioner's home for the seeded NGC commission
 * (its figures checked against GraphQL), the secretariat choosing what is
 * published, and the public register and its feeds as an anonymous visitor —
 * only the chosen parts, Atom read as XML by the browser. axe-core at 1280 and
 * 390 px, no horizontal scrolling.
 */
const RAG_DA: Record<string, string> = { ON_TRACK: 'Efter planen', AT_RISK: 'I risiko', LATE: 'Forsinket', NO_DATA: 'Intet grundlag' };

describe('commissioner home and public register in the browser', () => {
  jest.setTimeout(scaled(180_000));
  let t: TestApp;
  let browser: Browser;
  let commissioner: string;
  let secretariat: string;
  let commissionId: string;
  let otherCommissionId: string;
  let published: { id: string; title: string };
  let unpublished: { id: string; title: string };
  let memberName: string;
  let eventId: string;

  beforeAll(async () => {
    t = await startTestApp({}, [SeedsModule]);
    await t.app.get(SeederService).seed({ ifEmpty: true });
    browser = await launchBrowser();
    commissioner = await login(t, 'commissioner@demo.samverkan.test', DEMO_PASSWORD);
    secretariat = await login(t, 'secretariat@demo.samverkan.test', DEMO_PASSWORD);
    const mine = await ok(t, commissioner, `{ commissionList(first: 5) { edges { node { id } } } }`);
    commissionId = mine.commissionList.edges[0].node.id;
    const admin = await login(t, 'admin@demo.samverkan.test', DEMO_PASSWORD);
    const all = await ok(t, admin, `{ commissionList(first: 20) { edges { node { id } } } }`);
    otherCommissionId = all.commissionList.edges.map((e: { node: { id: string } }) => e.node.id).find((id: string) => id !== commissionId);
    const choices = await ok(t, secretariat, `query($id: ID!) { commissionPublication(commissionId: $id) { allDeliverables { id title status } } }`, { id: commissionId });
    [published, unpublished] = choices.commissionPublication.allDeliverables;
    const member = await ok(t, await login(t, 'member@demo.samverkan.test', DEMO_PASSWORD), `{ me { person { fullName } } }`);
    memberName = member.me.person.fullName;
    // An open webinar of the commission, three weeks ahead.
    const starts = new Date(Date.now() + 21 * 86_400_000);
    starts.setUTCHours(12, 0, 0, 0);
    const created = await ok(t, secretariat, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
      input: { commissionId, kind: 'WEBINAR', title: 'Webinar: genomdata og uddannelse', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 5_400_000).toISOString(),
        timeZone: 'Europe/Copenhagen', place: 'Online via Teams', agenda: [], guestIds: [], inviteMembers: false, isOpen: true, capacity: 80, waitlistOpen: true },
    });
    eventId = created.createMeeting.meeting.id;
  }, scaled(240_000));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newContext = (options: Parameters<Browser['newContext']>[0]) => newBrowserContext(browser, options);
  const signIn = (page: Page, email: string) => submitSignIn(page, email, DEMO_PASSWORD);
  const check = checkPage;

  it('shows the commissioner the commission at a glance, with the same figures as GraphQL and a table for the RAG picture', async () => {
    const expected = (await ok(t, commissioner, `query($id: ID!) { commissionOverview(commissionId: $id) { rag seats filled holdover vacant groups { name rag vacant } overdue { title } nextDeadlines { title } } statusReports(commissionId: $id, first: 20) { totalCount } }`, { id: commissionId }));
    const o = expected.commissionOverview;
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.url}/commissions/${commissionId}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(page, 'commissioner@demo.samverkan.test');
    await page.waitForURL(`${t.url}/commissions/${commissionId}`);
    // The commissioner's way in: the link on the commission's page (no publication link: that is the secretariat's).
    await page.click('a[href$="/overview"]');
    await page.waitForURL(`${t.url}/commissions/${commissionId}/overview`);
    await page.waitForSelector('h1:has-text("Status i overblik")');
    const main = (await page.textContent('main'))!;
    expect(main).toContain(`${o.seats} pladser: ${o.filled} besat, ${o.holdover} fungerer videre, ${o.vacant} ledige`);
    expect(await page.textContent('.facts dd .rag')).toBe(RAG_DA[o.rag]);
    // The picture is an image with a text alternative, and its table has one row per group with the same RAG and vacancies.
    expect(await page.getAttribute('.rag-bar', 'role')).toBe('img');
    expect(await page.getAttribute('.rag-bar', 'aria-label')).toContain('tabellen');
    const rows = (await page.evaluate(`Array.from(document.querySelectorAll('#groups-table tbody tr')).map((tr) => Array.from(tr.children).map((cell) => (cell.textContent || '').trim()))`)) as string[][];
    expect(rows).toEqual(o.groups.map((g: { name: string; rag: string; vacant: number }) => [g.name, RAG_DA[g.rag], expect.any(String), String(g.vacant)]));
    expect(await page.locator('#groups-table th[scope=col]').count()).toBe(4);
    for (const d of o.nextDeadlines) expect(main).toContain(d.title);
    for (const d of o.overdue) expect(main).toContain(d.title);
    expect(await page.locator('section[aria-labelledby=reports] li').count()).toBe(expected.statusReports.totalCount);
    await check(page, 'overview');
    await context.close();
  });

  it('lets the secretariat choose what is published, showing a refused choice at its field', async () => {
    const context = await newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.url}/commissions/${commissionId}`);
    await signIn(page, 'secretariat@demo.samverkan.test');
    await page.waitForURL(`${t.url}/commissions/${commissionId}`);
    await page.click('a[href$="/publication"]');
    await page.waitForURL(`${t.url}/commissions/${commissionId}/publication`);
    await page.waitForSelector('#published');
    expect(await page.isChecked('#published')).toBe(false);
    expect(await page.textContent('main')).toContain('Registret er ikke offentligt.');
    await check(page, 'publication');
    await page.check('#published');
    await page.check('#mandate');
    await page.check('#groups');
    await page.check('#openEvents');
    // Names without the organisations: refused at the field, nothing sent.
    await page.check('#memberNames');
    await page.click('form button[type=submit]');
    await page.waitForSelector('.error-summary');
    expect(await page.getAttribute('#memberNames', 'aria-invalid')).toBe('true');
    expect(await page.textContent('.error-summary')).toContain('organisationerne');
    await check(page, 'publication-errors');
    expect((await ok(t, secretariat, `query($id: ID!) { commissionPublication(commissionId: $id) { published } }`, { id: commissionId })).commissionPublication.published).toBe(false);
    // Organisations and seats yes, names no; one deliverable chosen.
    await page.uncheck('#memberNames');
    await page.check('#organisations');
    await page.check('#deliverables-CHOSEN');
    await page.locator('label.choice', { hasText: published.title }).locator('input').check();
    await page.click('form button[type=submit]');
    await page.waitForSelector('p[role=status]:has-text("Gemt.")');
    expect(await page.locator('.error-summary').count()).toBe(0);
    const stored = (await ok(t, secretariat, `query($id: ID!) { commissionPublication(commissionId: $id) { published mandate groups organisations memberNames deliverables openEvents allDeliverables { id chosen } } }`, { id: commissionId })).commissionPublication;
    expect(stored).toMatchObject({ published: true, mandate: true, groups: true, organisations: true, memberNames: false, deliverables: 'CHOSEN', openEvents: true });
    expect(stored.allDeliverables.filter((d: { chosen: boolean }) => d.chosen).map((d: { id: string }) => d.id)).toEqual([published.id]);
    await context.close();
  });

  it('shows anyone the published register and nothing else, with registration for open events and feeds', async () => {
    const register = (await t.gql(`query($id: ID!) { publicRegister(commissionId: $id) { title groups { id name seats { organisation seats } } deliverables { id } events { id } } }`, { id: commissionId })).data!.publicRegister;
    expect(register.deliverables.map((d: { id: string }) => d.id)).toEqual([published.id]);
    const context = await newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    // The page of a published register is a page (200), as its feeds are.
    expect((await page.goto(`${t.url}/public/commissions/${commissionId}`))?.status()).toBe(200);
    await page.waitForSelector(`h1:has-text("${register.title}")`);
    expect(new URL(page.url()).pathname).toBe(`/public/commissions/${commissionId}`);
    const main = (await page.textContent('main'))!;
    expect(main).toContain('Offentligt register');
    for (const g of register.groups) expect(main).toContain(g.name);
    expect(main).toContain(published.title);
    expect(main).not.toContain(unpublished.title);
    expect(main).not.toContain(memberName);
    expect(await page.content()).not.toContain('@demo.samverkan.test');
    expect(await page.locator('section[aria-labelledby=groups] table').count()).toBeGreaterThan(0);
    await check(page, 'public-register');

    // Register for the webinar with the keyboard: the form reports a missing name at its field first.
    const card = page.locator(`[id="event-${eventId}"]`);
    await card.locator('button[type=submit]').click();
    await card.locator('.error-summary').waitFor();
    expect(await card.locator('.error-summary li').count()).toBe(2);
    await card.locator('input[autocomplete=name]').fill('Ingrid Besökare');
    await card.locator('input[type=email]').fill('ingrid.besokare@example.test');
    await card.locator('input[type=email]').press('Enter');
    await card.locator('text=Du är anmäld.').waitFor();
    const [row] = await t.db.query(`SELECT full_name, status, locale FROM registration WHERE meeting_id = $1 AND email = $2`, [eventId, 'ingrid.besokare@example.test']);
    expect(row).toEqual({ full_name: 'Ingrid Besökare', status: 'confirmed', locale: 'sv' });

    // The feeds, read by the browser: the Atom parses as XML with one entry per group, the published deliverable and the event.
    const atomText = await (await context.request.get(`${t.url}/public/commissions/${commissionId}/feed.atom?lang=sv`)).text();
    const parsed = (await page.evaluate(`(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(atomText)}, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length > 0) return { error: doc.getElementsByTagName('parsererror')[0].textContent };
      const ns = 'http://www.w3.org/2005/Atom';
      return {
        root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
        ids: Array.from(doc.getElementsByTagNameNS(ns, 'entry')).map((e) => e.getElementsByTagNameNS(ns, 'id')[0].textContent),
        titles: Array.from(doc.getElementsByTagNameNS(ns, 'entry')).map((e) => e.getElementsByTagNameNS(ns, 'title')[0].textContent),
      };
    })()`)) as { error?: string; root: string; ids: string[]; titles: string[] };
    expect(parsed.error).toBeUndefined();
    expect(parsed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect([...parsed.ids].sort()).toEqual([...register.groups.map((g: { id: string }) => `urn:uuid:${g.id}`), `urn:uuid:${published.id}`, `urn:uuid:${eventId}`].sort());
    expect(parsed.titles).toContain(`Leverans: ${published.title}`);
    const json = (await (await context.request.get(`${t.url}/public/commissions/${commissionId}/feed.json?lang=sv`)).json()) as { items: { id: string }[] };
    expect(json.items.map((i) => i.id).sort()).toEqual([...parsed.ids].sort());
    for (const body of [atomText, JSON.stringify(json)]) {
      expect(body).not.toContain(unpublished.title);
      expect(body).not.toContain(memberName);
      expect(body).not.toContain('@demo.samverkan.test');
    }
    await context.close();
  });

  it('answers a commission that is not published, or does not exist, with a not-found page (HTTP 404) in the visitor\'s language', async () => {
    const context = await newContext({ viewport: { width: 390, height: 900 }, locale: 'da-DK' });
    const page = await context.newPage();
    for (const id of [otherCommissionId, '00000000-0000-4000-8000-000000000000', 'no-uuid']) {
      // HTTP says so too (404 like the feeds), not only the page's heading.
      expect((await page.goto(`${t.url}/public/commissions/${id}`))?.status()).toBe(404);
      await page.waitForSelector('h1:has-text("Ikke fundet")');
    }
    await check(page, 'public-not-found');
    expect((await context.request.get(`${t.url}/public/commissions/${otherCommissionId}/feed.atom`)).status()).toBe(404);
    await context.close();
  });
});
