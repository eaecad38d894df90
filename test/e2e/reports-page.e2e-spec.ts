import { Browser, Page } from 'playwright-core';
import { ReportsService } from '@samverkan/reports';
import { axeViolations as axe, launchBrowser } from '../harness/browser';
import { TestApp, startTestApp } from '../harness/test-app';
import { approvedMinutes } from '../harness/meeting-fixtures';
import { TEST_PASSWORD, TestPerson, createPerson, signedInPerson } from '../harness/factories';
import { CommissionFixture, allocation, appoint, commission, group, ok, organisation } from '../harness/structure-fixtures';
import { scaled } from '../harness/progress';

/** The violations, briefly (rule and where). */
async function axeViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  return (await axe(page)).map((v) => ({ id: v.id, targets: v.targets }));
}

/** Signs in through the HTML form as a browser would, without a browser: returns the cookie header to send. */
async function formLogin(t: TestApp, email: string, password = TEST_PASSWORD): Promise<{ status: number; cookies: string[]; location: string | null }> {
  const form = await t.http('/login');
  const csrfCookie = form.headers.getSetCookie().find((c) => c.startsWith('samverkan_csrf='))!;
  const csrf = /samverkan_csrf=([^;]+)/.exec(csrfCookie)![1];
  const response = await t.http('/login', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `samverkan_csrf=${csrf}`, origin: t.url },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: '/admin/queues' }).toString(),
  });
  return { status: response.status, cookies: [`samverkan_csrf=${csrf}`, ...response.headers.getSetCookie().map((c) => c.split(';')[0])], location: response.headers.get('location') };
}

describe('report pages in a browser, sign-in and the queue dashboard', () => {
  let t: TestApp;
  let c: CommissionFixture;
  let browser: Browser;
  let commissioner: TestPerson;
  let reportId: string;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    c = await commission(t);
    commissioner = await signedInPerson(t, { locale: 'sv', timeZone: 'Europe/Stockholm' });
    await ok(t, c.admin.token, `mutation($input: CommissionRoleInput!) { assignCommissionRole(input: $input) { id } }`, { input: { commissionId: c.commissionId, personId: commissioner.id, role: 'COMMISSIONER' } });
    const g1 = await group(t, c.secretariat.token, c.commissionId, { name: 'Arbetsgrupp för hälsodata' });
    await group(t, c.secretariat.token, c.commissionId, { name: 'Precisionsmedicin <script>alert(1)</script>' });
    const org = await organisation(t, c.secretariat.token, { name: 'Region Skåne' });
    const allocationId = await allocation(t, c.secretariat.token, g1, org, 3);
    const woman = await createPerson(t.db, { gender: 'woman', account: false });
    await appoint(t, c.secretariat.token, { allocationId, personId: woman.id, startsOn: '2022-01-01' });
    await ok(t, c.secretariat.token, `mutation($input: AmendMandateInput!) { amendMandate(input: $input) { id } }`, {
      input: { commissionId: c.commissionId, decidedOn: '2022-05-01', reason: 'Tilläggsdirektiv: mer tid', newDeadline: '2023-06-30' },
    });
    // A deliverable and a meeting with minutes, so the page shows those sections too.
    await ok(t, c.secretariat.token, `mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id } }`, {
      input: { commissionId: c.commissionId, workingGroupId: g1, title: 'Kartläggning av nätverk', kind: 'REPORT', dueOn: '2022-05-15' },
    });
    const meeting = await ok(t, c.secretariat.token, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
      input: { workingGroupId: g1, kind: 'WORKSHOP', title: 'Workshop om hälsodata', startsAt: '2022-06-01T10:00:00+02:00', endsAt: '2022-06-01T12:00:00+02:00', timeZone: 'Europe/Stockholm' },
    });
    await approvedMinutes(t, c.secretariat.token, c.secretariat, {
      meetingId: meeting.createMeeting.meeting.id, body: 'Protokoll', decisions: [{ text: 'Gruppen antar arbetsplanen.' }], actionItems: [{ title: 'Skicka enkäten', dueOn: '2022-06-10' }],
    });
    // Two on-demand reports first (the second diffs against the first: issue 19), then the
    // worker's: registered in January 2022, it owes quarterly reports from 2022-Q1 to the deadline's quarter (2023-Q2).
    await ok(t, c.secretariat.token, `mutation { compileStatusReport(input: { commissionId: "${c.commissionId}", period: "2022-Q1" }) { id } }`);
    const second = await ok(t, c.secretariat.token, `mutation { compileStatusReport(input: { commissionId: "${c.commissionId}", period: "2022-Q2" }) { id } }`);
    reportId = second.compileStatusReport.id;
    await t.db.query(`UPDATE commission SET created_at = '2022-01-15' WHERE id = $1`, [c.commissionId]);
    expect((await t.app.get(ReportsService).compileOwed(c.commissionId)).compiled).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2']);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sends an anonymous reader to the sign-in form, then to the report; no WCAG 2.1 AA violations in sv, da and en', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${t.url}/reports/${reportId}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#email', commissioner.email);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${t.url}/reports/${reportId}`);
    for (const [lang, heading] of [['sv', 'Statusrapport'], ['da', 'Statusrapport'], ['en', 'Status report']]) {
      await page.goto(`${t.url}/reports/${reportId}?lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.textContent('h1')).toContain(heading);
      expect({ lang, violations: await axeViolations(page) }).toEqual({ lang, violations: [] });
    }
    // The chart is an SVG image with a name and a description; group names are text, never markup.
    expect(await page.getAttribute('svg#timeline', 'role')).toBe('img');
    expect(await page.textContent('svg#timeline title')).toContain('Timeline');
    expect(await page.locator('th[scope=col]').count()).toBeGreaterThan(10);
    for (const id of ['#h-deliverables', '#h-meetings', '#h-decisions', '#h-actions']) expect(await page.isVisible(id)).toBe(true);
    expect(await page.textContent('svg#timeline')).toContain('Kartläggning av nätverk');
    expect(await page.content()).toContain('Precisionsmedicin &lt;script&gt;');
    // Compared with the on-demand 2022-Q1 report: the deadline moved (amendment of 2022-05-01).
    expect(await page.textContent('#h-diff-changed')).toContain('Changed (1)');
    expect(await page.textContent('#h-diff-changed + table')).toContain('dueOn: 2023-02-28 → 2023-06-30');
    // Print: no navigation, no download links.
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('header.site nav')).toBe(false);
    expect(await page.isVisible('#h-downloads')).toBe(false);
    expect(await page.isVisible('#h-composition')).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // The list of the commission's reports.
    await page.goto(`${t.url}/commissions/${c.commissionId}/reports?lang=da`);
    expect(await page.textContent('h1')).toContain('Statusrapporter for');
    expect(await page.locator('tbody tr').count()).toBe(8);
    expect(await axeViolations(page)).toEqual([]);
    // The opening was recorded for the commissioner.
    const reads = await t.db.query(`SELECT as_commissioner, open_count FROM status_report_read WHERE report_id = $1 AND person_id = $2`, [reportId, commissioner.id]);
    expect(reads).toEqual([{ as_commissioner: true, open_count: 4 }]);
    // Signing out ends the session: the report sends the browser to the sign-in form again.
    await page.goto(`${t.url}/reports/${reportId}`);
    await page.click('form.logout button');
    await page.waitForURL(/\/login/);
    await page.goto(`${t.url}/reports/${reportId}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  }, scaled(60_000));

  it('sets an httpOnly SameSite=Lax cookie only with a valid CSRF token, and never accepts it for GraphQL', async () => {
    const noToken = await t.http('/login', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      body: new URLSearchParams({ email: commissioner.email, password: TEST_PASSWORD }).toString(),
    });
    expect(noToken.status).toBe(403);
    expect(noToken.headers.getSetCookie().some((cookie) => cookie.startsWith('samverkan_session='))).toBe(false);
    const wrong = await formLogin(t, commissioner.email, 'not-the-password');
    expect(wrong.status).toBe(401);
    const signed = await t.http('/login', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(signed.status).toBe(403);

    const form = await t.http('/login');
    const csrf = /samverkan_csrf=([^;]+)/.exec(form.headers.getSetCookie().join(';'))![1];
    const response = await t.http('/login', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `samverkan_csrf=${csrf}` },
      body: new URLSearchParams({ _csrf: csrf, email: commissioner.email, password: TEST_PASSWORD, next: '//evil.test/x' }).toString(),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login');
    const sessionCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('samverkan_session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).not.toMatch(/Secure/i); // test mode over http; production adds Secure
    const cookie = sessionCookie.split(';')[0];
    expect((await t.http(`/reports/${reportId}`, { headers: { cookie } })).status).toBe(200);
    const gql = await t.gql(`{ me { person { id } } }`, {}, { headers: { cookie } });
    expect(gql.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    // A cookie value is not a Bearer token either.
    const asBearer = await t.gql(`{ me { person { id } } }`, {}, { token: cookie.split('=')[1] });
    expect(asBearer.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    // A cross-site write with the cookie is refused.
    const crossSite = await t.http('/logout', { method: 'POST', redirect: 'manual', headers: { cookie: `${cookie}; samverkan_csrf=${csrf}`, origin: 'http://evil.test', 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${csrf}` });
    expect(crossSite.status).toBe(403);
    expect((await t.http(`/reports/${reportId}`, { headers: { cookie } })).status).toBe(200);
  });

  it('opens the queue dashboard for an admin in a browser; others get 403, anonymous readers the sign-in form', async () => {
    const admin = await formLogin(t, c.admin.email);
    expect(admin.status).toBe(303);
    expect(admin.location).toBe('/admin/queues');
    const dashboard = await t.http('/admin/queues', { headers: { cookie: admin.cookies.join('; '), accept: 'text/html' } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toMatch(/bull/i);
    const api = await t.http('/admin/queues/api/queues', { headers: { cookie: admin.cookies.join('; '), accept: 'application/json' } });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name)).toContain('reports');

    const someone = await formLogin(t, commissioner.email);
    // The refusal reads in the language the browser asks for (da); asking for none (`*`), in the person's own (sv).
    const refused = await t.http('/admin/queues', { headers: { cookie: someone.cookies.join('; '), accept: 'text/html', 'accept-language': 'da' } });
    expect(refused.status).toBe(403);
    const page = await refused.text();
    expect(page).toContain('<html lang="da">');
    expect(page).toContain('Adgang nægtet');
    const unasked = await (await t.http('/admin/queues', { headers: { cookie: someone.cookies.join('; '), accept: 'text/html', 'accept-language': '*' } })).text();
    expect(unasked).toContain('<html lang="sv">');
    expect(unasked).toContain('Åtkomst nekad');

    const anonymous = await t.http('/admin/queues', { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fadmin%2Fqueues');
    const anonymousApi = await t.http('/admin/queues/api/queues', { headers: { accept: 'application/json' } });
    expect(anonymousApi.status).toBe(401);

    const context = await browser.newContext({ bypassCSP: true });
    const tab = await context.newPage();
    await tab.goto(`${t.url}/admin/queues`);
    expect(new URL(tab.url()).pathname).toBe('/login');
    await tab.fill('#email', c.admin.email);
    await tab.fill('#password', TEST_PASSWORD);
    await tab.click('button[type=submit]');
    await tab.waitForURL(`${t.url}/admin/queues`);
    await context.close();
  }, scaled(60_000));
});
