import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { checkPage, launchBrowser, newBrowserContext } from '../harness/browser';
import { TEST_PASSWORD } from '../harness/factories';
import { mailTo } from '../harness/mail-browser';
import { scaled } from '../harness/progress';
import { CommissionFixture, commission, ok } from '../harness/structure-fixtures';
import { TestApp, startTestApp } from '../harness/test-app';
import { startTestWorker } from '../harness/test-worker';

/**
 * Issue 19, open events, in the browser: the public registration page of an open
 * event (no sign-in) with its one place and its waiting list; the confirmation,
 * the waiting-list answer and the cancellation each in the registrant's language
 * (the cancel page answered an English registrant in Swedish when the browser was
 * Swedish); the first on the waiting list moves up; the secretariat's registrant
 * list, and its export for Excel (UTF-8 with BOM, `;`). axe-core at 1280 and 390 px,
 * no horizontal scrolling.
 */

describe('open events in the browser', () => {
  jest.setTimeout(scaled(240_000));
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let c: CommissionFixture;
  let eventId: string;
  const title = 'Öppet webbinarium: genomdata i vården';

  beforeAll(async () => {
    t = await startTestApp();
    // The worker sends the queued mails (the confirmation, the waiting list, the move up).
    worker = await startTestWorker(t);
    browser = await launchBrowser();
    c = await commission(t);
    const starts = new Date(Date.now() + 21 * 86_400_000);
    starts.setUTCHours(12, 0, 0, 0);
    const created = await ok(t, c.secretariat.token, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
      input: {
        commissionId: c.commissionId, kind: 'WEBINAR', title, startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 5_400_000).toISOString(),
        timeZone: 'Europe/Stockholm', place: 'Online', agenda: [], guestIds: [], inviteMembers: false, isOpen: true, capacity: 1, waitlistOpen: true,
      },
    });
    eventId = created.createMeeting.meeting.id;
  }, scaled(240_000));
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  const newContext = (locale: string) => newBrowserContext(browser, { viewport: { width: 1280, height: 900 }, locale });

  const check = (page: Page, name: string) => checkPage(page, `${name}`);

  async function register(page: Page, name: string, email: string, organisation: string) {
    await page.fill('input[autocomplete=name]', name);
    await page.fill('input[type=email]', email);
    await page.fill('input[autocomplete=organization]', organisation);
    await page.click('form button[type=submit]');
  }

  it('takes registrations without an account, in the registrant\'s language, with a waiting list when full', async () => {
    // An English visitor: the page, one place left, the form; no sign-in asked.
    const english = await newContext('en-GB');
    const page = await english.newPage();
    expect((await page.goto(`${t.url}/events/${eventId}`))?.status()).toBe(200);
    await page.waitForSelector(`h1:has-text("${title}")`);
    expect(new URL(page.url()).pathname).toBe(`/events/${eventId}`);
    expect(await page.textContent('main')).toContain('1 of 1 left');
    await check(page, 'event');
    // Refused before sending: each missing field at its field.
    await page.click('form button[type=submit]');
    await page.waitForSelector('.error-summary');
    expect(await page.locator('input[aria-invalid=true]').count()).toBe(2);
    await register(page, 'Emily Walker', 'emily.walker@example.test', 'University of Leeds');
    await page.waitForSelector('p[role=status]:has-text("You are registered.")');
    // The page asks again: the one place is taken now.
    await page.waitForSelector('dd:has-text("Full — you join the waitlist")');
    expect(await page.textContent('p[role=status]')).toContain('You are registered.');
    await check(page, 'event-registered');
    const confirmation = await mailTo(t.smtp, 'emily.walker@example.test', /^Registration confirmed: /, scaled(30_000));
    const cancelUrl = /https?:\/\/\S*\/registrations\/cancel\?token=[A-Za-z0-9_-]+/.exec(confirmation.parsed.text ?? '')?.[0];
    expect(cancelUrl).toBeDefined();

    // A Danish visitor finds it full: the waiting list, said and mailed in Danish.
    const danish = await newContext('da-DK');
    const dkPage = await danish.newPage();
    await dkPage.goto(`${t.url}/events/${eventId}`);
    await dkPage.waitForSelector(`h1:has-text("${title}")`);
    expect(await dkPage.textContent('main')).toContain('Fuldt');
    await register(dkPage, 'Mette Sørensen', 'mette.sorensen@example.test', 'Region Syddanmark');
    await dkPage.waitForSelector('p[role=status]:has-text("du er nummer 1 på ventelisten")');
    await mailTo(t.smtp, 'mette.sorensen@example.test', /^Venteliste: /, scaled(30_000));
    await danish.close();

    // The English registrant cancels from the mail on a Swedish computer: the page and its answer stay English.
    const swedish = await newContext('sv-SE');
    const cancelPage = await swedish.newPage();
    const link = new URL(cancelUrl!);
    await cancelPage.goto(`${t.url}${link.pathname}${link.search}`);
    await cancelPage.waitForSelector('h1:has-text("Cancel your place")');
    expect(await cancelPage.getAttribute('html', 'lang')).toBe('en');
    await cancelPage.click('button[type=submit]');
    await cancelPage.waitForSelector('text=Your place is cancelled.');
    expect(await cancelPage.getAttribute('html', 'lang')).toBe('en');
    await swedish.close();

    // The first on the waiting list moves up, and is told in Danish.
    await mailTo(t.smtp, 'mette.sorensen@example.test', /^Tilmelding bekræftet: /, scaled(30_000));
    const registrations = (await ok(t, c.secretariat.token, `query($id: ID!) { meeting(id: $id) { registrations { email status } } }`, { id: eventId })).meeting.registrations;
    expect(registrations).toEqual([
      { email: 'emily.walker@example.test', status: 'CANCELLED' },
      { email: 'mette.sorensen@example.test', status: 'CONFIRMED' },
    ]);
    await english.close();
  });

  it('shows the secretariat the registrants and exports them for Excel', async () => {
    const context = await newContext('sv-SE');
    const page = await context.newPage();
    await page.goto(`${t.url}/meetings/${eventId}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.fill('#email', c.secretariat.email);
    await page.fill('#password', TEST_PASSWORD);
    await page.press('#password', 'Enter');
    await page.waitForURL(`${t.url}/meetings/${eventId}`);
    // The meeting page leads to the list.
    await page.click(`a[href="/meetings/${eventId}/registrations"]`);
    await page.waitForURL(`${t.url}/meetings/${eventId}/registrations`);
    await page.waitForSelector('table');
    const rows = (await page.evaluate(`Array.from(document.querySelectorAll('main tbody tr')).map((tr) => Array.from(tr.children).slice(0, 4).map((cell) => (cell.textContent || '').trim()))`)) as string[][];
    expect(rows).toEqual([
      ['Emily Walker', 'emily.walker@example.test', 'University of Leeds', 'Avbokad'],
      ['Mette Sørensen', 'mette.sorensen@example.test', 'Region Syddanmark', 'Bekräftad'],
    ]);
    expect(await page.textContent('#registrations-summary')).toBe('1 bekräftade, 0 på reservlistan, 1 avbokade');
    await check(page, 'registrations');

    // The export: what the link downloads with the session, for Excel in Sweden and Denmark.
    const href = (await page.getAttribute('a[download]', 'href'))!;
    const response = await context.request.get(`${t.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toMatch(/attachment; filename="registrations-.*\.csv"/);
    const body = (await response.body()).toString('utf8');
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const lines = body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Namn;E-post;Organisation;Status;Anmäld (UTC);Bekräftad (UTC)');
    expect(lines.slice(1).map((l) => l.split(';').slice(0, 4))).toEqual([
      ['Emily Walker', 'emily.walker@example.test', 'University of Leeds', 'avbokad'],
      ['Mette Sørensen', 'mette.sorensen@example.test', 'Region Syddanmark', 'bekräftad'],
    ]);
    await context.close();
  });
});
