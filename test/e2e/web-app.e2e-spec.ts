import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, SeedsModule, SeederService } from '@samverkan/seeds';
import { checkPage, launchBrowser, newBrowserContext, submitSignIn, tabTo } from '../harness/browser';
import { login } from '../harness/factories';
import { scaled } from '../harness/progress';
import { ok } from '../harness/structure-fixtures';
import { TestApp, startTestApp } from '../harness/test-app';

/**
 * The web application (apps/web) in headless Chromium, served by the API from
 * its own origin, signed in as the demo data's member: My page, a meeting, the
 * RSVP given with the keyboard alone (and checked through GraphQL), an expired
 * session that keeps the answer, accessibility at 1280 and 390 px.
 */
const MEMBER = 'member@demo.samverkan.test';

describe('the web application', () => {
  // Each test drives a browser through several pages: its limit follows the machine's load.
  jest.setTimeout(scaled(120_000));
  let t: TestApp;
  let browser: Browser;
  let memberToken: string;
  let meetingId: string;
  let otherMeetingId: string;

  beforeAll(async () => {
    t = await startTestApp({}, [SeedsModule]);
    await t.app.get(SeederService).seed({ ifEmpty: true });
    browser = await launchBrowser();
    memberToken = await login(t, MEMBER, DEMO_PASSWORD);
    const secretariat = await login(t, 'secretariat@demo.samverkan.test', DEMO_PASSWORD);
    const groups = await ok(t, memberToken, `{ myWorkingGroups { id name } }`);
    const groupId = groups.myWorkingGroups[0].id;
    // A meeting ahead of now in the member's group (the demo meetings are in the past).
    const starts = new Date(Date.now() + 14 * 86_400_000);
    starts.setUTCHours(8, 0, 0, 0);
    const created = await ok(t, secretariat, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
      input: {
        workingGroupId: groupId,
        title: 'Arbejdsgruppemøde om efteruddannelse',
        timeZone: 'Europe/Copenhagen',
        place: 'Ole Maaløes Vej 3, København',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
        agenda: [
          { title: 'Velkomst', durationMinutes: 10 },
          { title: 'Kursusoversigt', durationMinutes: 45, presenterName: 'Sekretariatet' },
        ],
      },
    });
    meetingId = created.createMeeting.meeting.id;
    // A meeting of a commission the member has no part in.
    const admin = await login(t, 'admin@demo.samverkan.test', DEMO_PASSWORD);
    const all = await ok(t, admin, `{ meetingList(first: 50) { edges { node { id kind } } } }`);
    otherMeetingId = all.meetingList.edges.find((e: { node: { kind: string } }) => e.node.kind === 'DIALOGUE').node.id;
  }, scaled(180_000));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newContext = (options: Parameters<Browser['newContext']>[0]) => newBrowserContext(browser, options);
  const signIn = (page: Page, email = MEMBER) => submitSignIn(page, email, DEMO_PASSWORD);
  const check = checkPage;

  it('is served at / with a history fallback that leaves the API routes alone', async () => {
    const html = { accept: 'text/html' };
    for (const address of ['/', '/sign-in', `/meetings/${meetingId}`]) {
      const response = await t.http(address, { headers: html });
      expect({ address, status: response.status }).toEqual({ address, status: 200 });
      expect(await response.text()).toContain('<div id="root">');
    }
    // An unknown address opens the application (which says "not found"), with status 404.
    const unknown = await t.http('/no/such/page', { headers: html });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<div id="root">');
    // The API's own routes answer as before.
    expect((await t.http('/health/live')).headers.get('content-type')).toContain('application/json');
    const minutes = await t.http(`/meetings/${meetingId}/minutes`, { headers: html, redirect: 'manual' });
    expect(await minutes.text()).not.toContain('<div id="root">');
    expect((await t.http('/login', { headers: html })).status).toBe(200);
    expect(await (await t.http('/login', { headers: html })).text()).toContain('action="/login"');
    expect(await (await t.http('/reports/x', { headers: html, redirect: 'manual' })).text()).not.toContain('<div id="root">');
    expect(await (await t.http('/graphql', { headers: html })).text()).not.toContain('<div id="root">');
    // The built files, cached for good (their names change with their content).
    const index = await (await t.http('/')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1];
    const asset = await t.http(script);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // Nothing from another host.
    expect(index).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('signs the member in with a cookie no script can read, shows My page in their language, and takes an RSVP from the keyboard alone', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    await page.waitForURL(/\/sign-in\?next=%2F/);
    await check(page, 'sign-in');
    // The form reports missing fields at its top, tied to the fields.
    await page.click('button[type=submit]');
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary li').count()).toBe(2);
    expect(await page.getAttribute('#email', 'aria-describedby')).toBe('email-error');
    await check(page, 'sign-in-errors');
    await signIn(page);
    await page.waitForSelector('h1:has-text("Min side")');
    expect(new URL(page.url()).pathname).toBe('/');
    // The demo member reads Danish.
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'samverkan_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate('document.cookie')).not.toContain('samverkan_session');
    expect(await page.evaluate('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })')).not.toMatch(/ey[A-Za-z0-9_-]{10,}\./);
    const card = page.locator('li.card', { hasText: 'Arbejdsgruppemøde om efteruddannelse' });
    expect(await card.textContent()).toContain('Ikke besvaret');
    await check(page, 'my-page');

    // RSVP with the keyboard alone: Tab to the first answer, Space, Tab to the button, Enter.
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await tabTo(page, `[id="meeting-${meetingId}"] input[type=radio]`);
    await page.keyboard.press('ArrowRight'); // moves to and selects "Jeg kan ikke komme"
    await page.keyboard.press('ArrowLeft'); // back to "Jeg kommer"
    await tabTo(page, `[id="meeting-${meetingId}"] button[type=submit]`, 5);
    await page.keyboard.press('Enter');
    await card.locator('text=Dit svar er gemt: Jeg kommer.').waitFor();
    const stored = await ok(t, memberToken, `query($id: ID!) { meeting(id: $id) { myInvitation { rsvp } } }`, { id: meetingId });
    expect(stored.meeting.myInvitation.rsvp).toBe('YES');

    // The meeting page: focus on its heading after navigating, times, place, agenda, my answer.
    await card.locator('h3 a').click();
    await page.waitForURL(`${t.url}/meetings/${meetingId}`);
    await page.waitForSelector('h1:has-text("Arbejdsgruppemøde om efteruddannelse")');
    expect(await page.evaluate('document.activeElement.tagName')).toBe('H1');
    const text = await page.textContent('main');
    expect(text).toContain('Ole Maaløes Vej 3');
    expect(text).toContain('Kursusoversigt');
    expect(text).toContain('45 minutter');
    expect(text).toContain('Oplægsholder: Sekretariatet');
    expect(text).toContain('Mit svar: Jeg kommer');
    await check(page, 'meeting');
    // Add to calendar: the meeting as an .ics file, with the member's own answer, on the session cookie.
    const ics = await context.request.get(`${t.url}${await page.getAttribute('a[href$="/event.ics"]', 'href')}`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toMatch(/SUMMARY:Arbejdsgruppemøde om efteruddannelse[\s\S]*PARTSTAT=ACCEPTED/);

    // Another commission's meeting: a page that says so, in Danish, never the meeting.
    await page.goto(`${t.url}/meetings/${otherMeetingId}`);
    await page.waitForSelector('h1:has-text("Ikke")');
    expect(await page.textContent('h1')).toMatch(/Ikke fundet|Ikke for dig/);
    await check(page, 'forbidden');
    await page.goto(`${t.url}/no/such/page`);
    await page.waitForSelector('h1:has-text("Ikke fundet")');
    await check(page, 'not-found');
    await context.close();
  });

  it('loads My page with one GraphQL request whose statements do not grow with the number of meetings', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const operations: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) operations.push(/(query|mutation) (\w+)/.exec(JSON.parse(request.postData() ?? '{}').query ?? '')?.[2] ?? '?');
    });
    const myPageLoad = async () => {
      const response = await page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('query MyPage'));
      return ((await response.json()) as { extensions: { sqlStatements: number } }).extensions.sqlStatements;
    };
    await page.goto(`${t.url}/sign-in`);
    const firstLoad = myPageLoad();
    await signIn(page);
    const before = await firstLoad;
    await page.waitForSelector('h1:has-text("Min side")');
    // The member's seat in the NGC group, with its organisation and term.
    expect(await page.textContent('section[aria-labelledby=my-seats]')).toContain('Arbejdsgruppe for uddannelse');
    expect(operations).toEqual(['SignIn', 'MyPage']);
    // Three more meetings ahead: the same number of statements.
    const secretariat = await login(t, 'secretariat@demo.samverkan.test', DEMO_PASSWORD);
    const groups = await ok(t, memberToken, `{ myWorkingGroups { id } }`);
    for (let i = 0; i < 3; i++) {
      const starts = new Date(Date.now() + (20 + i) * 86_400_000);
      await ok(t, secretariat, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
        input: { workingGroupId: groups.myWorkingGroups[0].id, title: `Ekstra møde ${i + 1}`, timeZone: 'Europe/Copenhagen', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3_600_000).toISOString() },
      });
    }
    operations.length = 0;
    const secondLoad = myPageLoad();
    await page.reload();
    const after = await secondLoad;
    await page.waitForSelector('text=Ekstra møde 3');
    expect(operations).toEqual(['MyPage']);
    expect(after).toBe(before);
    await context.close();
  });

  it('after the session ends, sends the member to sign in and back, with the answer they chose kept', async () => {
    const context = await newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${t.url}/meetings/${meetingId}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(page);
    await page.waitForURL(`${t.url}/meetings/${meetingId}`);
    await page.waitForSelector('h1:has-text("Arbejdsgruppemøde")');
    await page.check('input[type=radio][value=MAYBE]');
    // The session ends (signed out elsewhere) while the answer is being given.
    await t.db.query(`UPDATE session SET revoked_at = now() WHERE revoked_at IS NULL AND account_id = (SELECT id FROM account WHERE email = $1)`, [MEMBER]);
    memberToken = await login(t, MEMBER, DEMO_PASSWORD);
    await page.click('form.rsvp button[type=submit]');
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(page);
    await page.waitForURL(`${t.url}/meetings/${meetingId}`);
    await page.waitForSelector('form.rsvp');
    expect(await page.isChecked('input[type=radio][value=MAYBE]')).toBe(true);
    await page.click('form.rsvp button[type=submit]');
    await page.waitForSelector('text=Dit svar er gemt: Måske.');
    const stored = await ok(t, memberToken, `query($id: ID!) { meeting(id: $id) { myInvitation { rsvp } } }`, { id: meetingId });
    expect(stored.meeting.myInvitation.rsvp).toBe('MAYBE');
    // Sign-out clears the cookie and ends the session: the app asks to sign in again.
    await page.click('button:has-text("Log ud")');
    await page.waitForURL(/\/sign-in/);
    expect((await context.cookies()).find((c) => c.name === 'samverkan_session')).toBeUndefined();
    await page.goto(`${t.url}/`);
    await page.waitForURL(/\/sign-in\?next=%2F/);
    await context.close();
  });

  it('lets a named reviewer answer a review round with the keyboard alone, and shows a member their earlier answer', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    await signIn(page, 'chair@demo.samverkan.test');
    await page.waitForSelector('#my-reviews');
    const link = page.locator('section[aria-labelledby=my-reviews] a').first();
    const href = await link.getAttribute('href');
    const roundId = /\/review-rounds\/([0-9a-f-]+)/.exec(href ?? '')![1];
    await link.click();
    await page.waitForURL(`${t.url}/review-rounds/${roundId}`);
    await page.waitForSelector('#answer');
    expect(await page.evaluate('document.activeElement.tagName')).toBe('H1');
    // The version under review, to download.
    expect(await page.getAttribute('a[download]', 'href')).toMatch(/^\/deliverables\/versions\/[0-9a-f-]+\/file/);
    await check(page, 'review-round');
    // Sent without a verdict: the summary names the problem and links to the field.
    await tabTo(page, '#answer ~ form button[type=submit], section[aria-labelledby=answer] button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary a[href="#review-verdict-APPROVE"]');
    await check(page, 'review-round-errors');
    // Keyboard alone: to the first verdict, select it, write a summary, send.
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await tabTo(page, '#review-verdict-APPROVE');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Forslaget kan godkendes.');
    await tabTo(page, 'section[aria-labelledby=answer] button[type=submit]', 10);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#my-answers');
    const secretariat = await login(t, 'secretariat@demo.samverkan.test', DEMO_PASSWORD);
    const round = await ok(t, secretariat, `query($id: ID!) { reviewRound(id: $id) { answers { verdict summary person { email } } } }`, { id: roundId });
    expect(round.reviewRound.answers).toContainEqual({ verdict: 'APPROVE', summary: 'Forslaget kan godkendes.', person: { email: 'chair@demo.samverkan.test' } });
    await context.close();

    // The member who answered earlier sees their answer and their anchored comment.
    const memberContext = await newContext({ viewport: { width: 1280, height: 900 } });
    const memberPage = await memberContext.newPage();
    await memberPage.goto(`${t.url}/review-rounds/${roundId}`);
    await signIn(memberPage);
    await memberPage.waitForSelector('#my-answers');
    const text = await memberPage.textContent('main');
    expect(text).toContain('Afsnit 2.1');
    expect(text).toContain('Foreslået formulering');
    await memberContext.close();
  });

  it('shows the member their working group, its commission and their settings, and saves the settings', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    await signIn(page);
    await page.waitForSelector('#my-seats');
    await page.locator('section[aria-labelledby=my-seats] a').first().click();
    await page.waitForURL(/\/working-groups\//);
    await page.waitForSelector('#group-seats');
    await check(page, 'working-group');
    await page.locator('main dl a').first().click();
    await page.waitForURL(/\/commissions\//);
    await page.waitForSelector('#groups');
    await check(page, 'commission');
    await page.click('header a:has-text("Indstillinger")');
    await page.waitForURL(`${t.url}/settings`);
    await page.waitForSelector('#delivery-WEEKLY');
    await check(page, 'settings');
    await page.check('#delivery-WEEKLY');
    await page.selectOption('#timeZone', 'Europe/Stockholm');
    await page.click('form button[type=submit]');
    await page.waitForSelector('text=Dine indstillinger er gemt.');
    const saved = await ok(t, memberToken, `{ myNotificationPreferences { delivery } me { person { timeZone } } }`);
    expect(saved).toEqual({ myNotificationPreferences: { delivery: 'WEEKLY' }, me: { person: { timeZone: 'Europe/Stockholm' } } });
    await context.close();
  });

  it('lets a member answer a date poll of their group from My page', async () => {
    const secretariat = await login(t, 'secretariat@demo.samverkan.test', DEMO_PASSWORD);
    const groups = await ok(t, memberToken, `{ myWorkingGroups { id } }`);
    const day = (n: number, hour: number) => {
      const d = new Date(Date.now() + n * 86_400_000);
      d.setUTCHours(hour, 0, 0, 0);
      return d.toISOString();
    };
    const created = await ok(t, secretariat, `mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id options { option { id } } } }`, {
      input: {
        workingGroupId: groups.myWorkingGroups[0].id,
        title: 'Hvornår mødes vi i januar?',
        timeZone: 'Europe/Copenhagen',
        options: [
          { startsAt: day(40, 8), endsAt: day(40, 10) },
          { startsAt: day(41, 12), endsAt: day(41, 14) },
        ],
      },
    });
    const pollId = created.createDatePoll.id;
    const context = await newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    await signIn(page);
    await page.waitForSelector('#my-polls');
    await page.click(`section[aria-labelledby=my-polls] a[href="/date-polls/${pollId}"]`);
    await page.waitForSelector('h1:has-text("Hvornår mødes vi i januar?")');
    await check(page, 'date-poll');
    const [first, second] = created.createDatePoll.options.map((o: { option: { id: string } }) => o.option.id);
    await page.check(`[id="vote-${first}-YES"]`);
    await page.check(`[id="vote-${second}-NO"]`);
    await page.click('form button[type=submit]');
    await page.waitForSelector('text=Dine svar er gemt.');
    const poll = await ok(t, secretariat, `query($id: ID!) { datePoll(id: $id) { options { yes no option { id } } } }`, { id: pollId });
    const counts = Object.fromEntries(poll.datePoll.options.map((o: { yes: number; no: number; option: { id: string } }) => [o.option.id, [o.yes, o.no]]));
    expect(counts).toEqual({ [first]: [1, 0], [second]: [0, 1] });
    await context.close();
  });

  it('accepts the session cookie on GraphQL only from its own origin', async () => {
    const signIn = await t.http('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.url },
      body: JSON.stringify({ query: `mutation($input: LoginInput!) { signInBrowser(input: $input) { person { fullName } } }`, variables: { input: { email: MEMBER, password: DEMO_PASSWORD } } }),
    });
    const cookie = /samverkan_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')![0];
    expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const me = (origin: string) =>
      t.http('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', origin, cookie }, body: JSON.stringify({ query: '{ me { person { id } } }' }) }).then((r) => r.json() as Promise<any>);
    expect((await me(t.url)).data.me.person.id).toBeTruthy();
    expect((await me('https://evil.example')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // Another site cannot sign a browser in either.
    const cross = await t.http('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ query: `mutation($input: LoginInput!) { signInBrowser(input: $input) { isAdmin } }`, variables: { input: { email: MEMBER, password: DEMO_PASSWORD } } }),
    });
    expect(((await cross.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    // A simple (unpreflighted) request is refused by Apollo's CSRF prevention.
    const simple = await t.http('/graphql?query=%7Bme%7BisAdmin%7D%7D', { headers: { cookie } });
    expect(simple.status).toBe(400);
  });
});
