import { readFileSync } from 'node:fs';
import path from 'node:path';
import { print } from 'graphql';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newBrowserContext } from '../harness/browser';
import { TEST_PASSWORD } from '../harness/factories';
import { scaled } from '../harness/progress';
import { TestApp, startTestApp } from '../harness/test-app';
import { GRAPHQL_MATRIX, Outcome } from '../trust/access-matrix';
import { WEB_ROUTES_WITHOUT_ROW, WEB_ROUTE_MATRIX, expectedOf, webRouteId } from '../trust/web-route-matrix';
import { ACTORS, Actor, World, buildWorld } from '../trust/world';

/** The app's headings for a refused page, by outcome, in every language (apps/web/src/core/core-messages.ts). */
const HEADINGS: Partial<Record<Outcome, string[]>> = {
  NOT_FOUND: ['Not found', 'Hittades inte', 'Ikke fundet'],
  FORBIDDEN: ['Not for you', 'Inte för dig', 'Ikke for dig'],
};

/** The addresses apps/web/src/router.tsx gives its pages, as written there (`/meetings/$meetingId`). */
function routerPaths(): string[] {
  const source = readFileSync(path.resolve(__dirname, '../../apps/web/src/router.tsx'), 'utf8');
  return [...source.matchAll(/path: '([^']+)'/g)].map((m) => m[1]);
}

/**
 * Issue 17, item 6: the authorization matrix gains the web routes. For every
 * actor of the matrix and every page of the web application with a real id,
 * the page's own query, sent with the actor's browser session, must end as the
 * GraphQL matrix says the actor may read (ok, NOT_FOUND, FORBIDDEN or
 * UNAUTHENTICATED); and for each distinct outcome of each route one actor opens
 * the page in Chromium, which must show the item, the refusal page or the
 * sign-in form accordingly.
 */
describe('authorization matrix: the web application', () => {
  jest.setTimeout(scaled(300_000));
  let t: TestApp;
  let w: World;
  let browser: Browser;
  const cookies = new Map<Actor, string>();

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    browser = await launchBrowser();
    // Each actor signs in as a browser does (signInBrowser on our origin): the session cookie.
    for (const actor of ACTORS) {
      const person = w.personOf(actor);
      if (!person) continue;
      const response = await t.http('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: t.url },
        body: JSON.stringify({ query: `mutation($input: LoginInput!) { signInBrowser(input: $input) { isAdmin } }`, variables: { input: { email: person.email, password: TEST_PASSWORD } } }),
      });
      const cookie = /samverkan_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
      if (!cookie) throw new Error(`${actor} could not sign in: ${await response.text()}`);
      cookies.set(actor, cookie);
    }
  }, scaled(300_000));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The page's query as the web app sends it, with the actor's cookie: 'ok', the first error's code, or FORBIDDEN where the page refuses what it loaded. */
  async function outcomeOf(actor: Actor, query: string, variables: Record<string, unknown>, refuses?: (data: unknown) => boolean): Promise<string> {
    const cookie = cookies.get(actor);
    const response = await t.http('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.url, ...(cookie ? { cookie: `samverkan_session=${cookie}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.length) return String(body.errors[0].extensions?.code);
    return refuses?.(body.data) ? 'FORBIDDEN' : 'ok';
  }

  async function contextOf(actor: Actor): Promise<BrowserContext> {
    const context = await newBrowserContext(browser);
    const cookie = cookies.get(actor);
    if (cookie) await context.addCookies([{ name: 'samverkan_session', value: cookie, url: t.url, httpOnly: true, sameSite: 'Lax' }]);
    return context;
  }

  /** What the page shows, as a reader would tell: the sign-in form, a refusal, or a page with a heading. */
  async function shown(page: Page): Promise<{ url: string; heading: string; text: string }> {
    // Loaded once it shows a heading, or an alert saying why it could not.
    await page.waitForSelector('main h1, main [role=alert]');
    const heading = (await page.locator('main h1').count()) ? ((await page.textContent('main h1')) ?? '').trim() : '';
    return { url: page.url(), heading, text: (await page.textContent('main')) ?? '' };
  }

  it('has a row for every page of the web application (nothing ships unreviewed)', () => {
    const pages = routerPaths().filter((p) => p !== '/sign-in');
    expect(pages.filter((p) => !(p in WEB_ROUTE_MATRIX) && !WEB_ROUTES_WITHOUT_ROW.includes(p))).toEqual([]);
    // The pages still without a row exist (the list only shrinks) and none has a row as well.
    expect(WEB_ROUTES_WITHOUT_ROW.filter((p) => !pages.includes(p) || p in WEB_ROUTE_MATRIX)).toEqual([]);
    expect(Object.keys(WEB_ROUTE_MATRIX).filter((p) => !pages.includes(p))).toEqual([]);
  });

  it('shows every actor on every page exactly what the GraphQL matrix lets them read', async () => {
    const failures: string[] = [];
    let cells = 0;
    let pages = 0;
    for (const [route, entry] of Object.entries(WEB_ROUTE_MATRIX)) {
      const id = await webRouteId(w, entry);
      const query = print(entry.operation);
      const name = entry.nameSql ? ((await t.db.query(entry.nameSql, [id])) as { name: string }[])[0]?.name : undefined;
      const checked = new Set<string>();
      for (const actor of ACTORS) {
        cells++;
        const expected = expectedOf(entry)[actor];
        const got = await outcomeOf(actor, query, entry.variables(id), entry.refuses);
        if (got !== expected) failures.push(`${route} as ${actor}: the page's query ends ${got}, the matrix says ${entry.follows} is ${expected}`);
        // One browser visit per distinct outcome of the route.
        if (checked.has(expected)) continue;
        checked.add(expected);
        pages++;
        const context = await contextOf(actor);
        const page = await context.newPage();
        const address = entry.path(id, w);
        await page.goto(`${t.url}${address}`);
        if (expected === 'UNAUTHENTICATED') {
          await page.waitForURL(/\/sign-in\?next=/);
          await page.waitForSelector('#email');
          const next = new URL(page.url()).searchParams.get('next');
          if (next !== address) failures.push(`${route} as ${actor}: the sign-in page returns to ${next}, not ${address}`);
        } else {
          const view = await shown(page);
          if (new URL(view.url).pathname !== address) failures.push(`${route} as ${actor}: ended at ${view.url}`);
          const refusal = Object.entries(HEADINGS).find(([, headings]) => headings!.includes(view.heading))?.[0];
          if (expected === 'ok') {
            if (refusal) failures.push(`${route} as ${actor}: may read it, the page says "${view.heading}"`);
            else if (name && !view.text.includes(name)) failures.push(`${route} as ${actor}: the page ("${view.heading}") does not show "${name}"`);
          } else {
            if (refusal !== expected) failures.push(`${route} as ${actor}: expected the ${expected} page, got "${view.heading}"`);
            if (name && view.text.includes(name)) failures.push(`${route} as ${actor}: the refusal shows "${name}"`);
          }
        }
        await context.close();
      }
    }
    process.stdout.write(`web route matrix: ${cells} cells, ${pages} pages opened, failures ${failures.length}\n`);
    expect(failures).toEqual([]);
  });

  /**
   * Issue 17, item 2: one sign-in for the app, the report pages and the queue
   * dashboard. Signing in in the app opens the report page and (for an admin)
   * the dashboard with no second sign-in, and the server's own sign-in form opens
   * the app; signing out ends all three in that browser, and "sign out on every
   * device" ends them in the others too.
   */
  it('signs in once for the app, the report pages and the queue dashboard, and signs out of all three', async () => {
    const reportId = (await GRAPHQL_MATRIX.statusReport.call(w, 'admin')).variables!.id as string;
    const [{ title }] = await t.db.query(`SELECT title FROM commission WHERE id = $1`, [w.a.commissionId]);
    const fresh = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(scaled(30_000));
      return { context, page: await context.newPage() };
    };
    const signInApp = async (page: Page, email: string) => {
      await page.goto(`${t.url}/sign-in`);
      await page.fill('#email', email);
      await page.fill('#password', TEST_PASSWORD);
      await page.press('#password', 'Enter');
      await page.waitForURL(`${t.url}/`);
      await page.waitForSelector('main h1');
    };
    /** Where an address leads this browser: its final path and status. */
    const open = async (page: Page, address: string) => {
      const response = await page.goto(`${t.url}${address}`);
      return { path: new URL(page.url()).pathname, status: response?.status() ?? 0, text: (await page.textContent('body')) ?? '' };
    };
    const signedOut = async (page: Page) => {
      // Each of the three asks to sign in again: the server pages at /login, the app at /sign-in.
      expect(await open(page, `/reports/${reportId}`)).toMatchObject({ path: '/login' });
      expect(await open(page, '/admin/queues')).toMatchObject({ path: '/login' });
      await page.goto(`${t.url}/`);
      await page.waitForURL(/\/sign-in\?next=%2F/);
    };

    // A commissioner signs in in the app: the report page opens; the dashboard is for admins only.
    const commissioner = await fresh();
    await signInApp(commissioner.page, w.a.people.commissioner.email);
    const report = await open(commissioner.page, `/reports/${reportId}`);
    expect(report).toMatchObject({ path: `/reports/${reportId}`, status: 200 });
    expect(report.text).toContain(title);
    expect(await open(commissioner.page, '/admin/queues')).toMatchObject({ path: '/admin/queues', status: 403 });
    await commissioner.context.close();

    // An admin signs in in the app in two browsers; a third signs in on the server's form.
    const first = await fresh();
    const second = await fresh();
    const third = await fresh();
    await signInApp(first.page, w.admin.email);
    await signInApp(second.page, w.admin.email);
    await third.page.goto(`${t.url}/login?next=%2Fadmin%2Fqueues`);
    await third.page.fill('#email', w.admin.email);
    await third.page.fill('#password', TEST_PASSWORD);
    await Promise.all([third.page.waitForURL(`${t.url}/admin/queues`), third.page.click('button[type=submit]')]);
    for (const browserOf of [first, second, third]) {
      expect(await open(browserOf.page, '/admin/queues')).toMatchObject({ path: '/admin/queues', status: 200 });
      expect(await open(browserOf.page, `/reports/${reportId}`)).toMatchObject({ path: `/reports/${reportId}`, status: 200 });
    }
    // The server's sign-in opens the app too.
    await third.page.goto(`${t.url}/`);
    await third.page.waitForSelector('section[aria-labelledby=my-meetings], main h1');
    expect(new URL(third.page.url()).pathname).toBe('/');

    // Signing out in the app ends all three in that browser, and only there.
    await first.page.goto(`${t.url}/`);
    await first.page.waitForSelector('main h1');
    await first.page.click('header nav button');
    await first.page.waitForURL(/\/sign-in/);
    await signedOut(first.page);
    expect(await open(second.page, '/admin/queues')).toMatchObject({ path: '/admin/queues', status: 200 });

    // Signing out on every device (the settings page) ends them in every browser.
    await second.page.goto(`${t.url}/settings`);
    await second.page.waitForSelector('section[aria-labelledby=sessions] button');
    await second.page.click('section[aria-labelledby=sessions] button');
    await second.page.waitForURL(/\/sign-in/);
    await signedOut(second.page);
    await signedOut(third.page);
    for (const browserOf of [first, second, third]) await browserOf.context.close();
  });
});
