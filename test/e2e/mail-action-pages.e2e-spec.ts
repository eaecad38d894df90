import { readFileSync } from 'node:fs';
import { INestApplicationContext } from '@nestjs/common';
import { Browser, Page, chromium } from 'playwright-core';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { createPerson } from '../harness/factories';
import { allocation, commission, CommissionFixture, group, ok, organisation } from '../harness/structure-fixtures';
import { startTestWorker } from '../harness/test-worker';
import { actionLinks, mailTo } from '../harness/mail-browser';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 360, height: 740 };

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page against WCAG 2.0/2.1 A and AA; returns the violations, briefly. */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  // Evaluated in the browser (as a string: this project compiles without the DOM types).
  const violations = (await page.evaluate(`axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }).then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`)) as AxeViolation[];
  return violations.map((v: AxeViolation) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Nothing wider than the screen, and every control big enough to tap (WCAG 2.5.5's 44 px, kept here as our own bar). */
async function phoneFriendly(page: Page): Promise<{ overflow: number; smallTargets: string[] }> {
  return page.evaluate(`({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    smallTargets: [...document.querySelectorAll('button, input[type=text], input[type=email], textarea, .choice')]
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map((el) => el.outerHTML.slice(0, 80)),
  })`);
}

/** Clicks the submit button and waits until the answer page shows `expected`. */
async function submit(page: Page, expected: string): Promise<void> {
  const posted = page.waitForResponse((response) => response.request().method() === 'POST');
  await page.locator('button[type=submit]').click();
  await posted;
  await page.locator(expected).waitFor({ timeout: 10_000 });
  await page.waitForLoadState('load');
}

describe('mail action pages in a real browser (axe-core, phone size)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let c: CommissionFixture;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestAppWithLinks();
    worker = await startTestWorker(t);
    c = await commission(t);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  async function nominationLink(locale: string): Promise<{ url: string; groupId: string }> {
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const orgId = await organisation(t, c.secretariat.token);
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 1, { requiresGenderPair: true, requiredPerspective: 'general practice' });
    const contact = await createPerson(t.db, { locale, account: false });
    await ok(t, c.secretariat.token, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id } }`, {
      input: { allocationId, contactPersonId: contact.id, deadline: '2030-05-01', message: 'Please propose a GP.' },
    });
    const [button] = actionLinks(await mailTo(t.smtp, contact.email, /./));
    return { url: button.url, groupId };
  }

  it.each(['sv', 'da', 'en'])('the nomination page (%s): form, errors and the answer pass axe at phone size, and the answer reaches the API', async (locale) => {
    const { url, groupId } = await nominationLink(locale);
    const context = await browser.newContext({ bypassCSP: true /* to inject axe; the CSP itself is checked in mail-actions.e2e-spec */, viewport: PHONE, isMobile: true, hasTouch: true, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await axe(page)).toEqual([]);
      expect(await phoneFriendly(page)).toEqual({ overflow: 0, smallTargets: [] });

      // Submitting with only one woman and no reason: the error summary is announced and links to nothing broken.
      await page.locator('#f-c1_name').fill('Anna Berg');
      await page.locator('#f-c1_gender-0').check();
      await submit(page, '.error-summary[role=alert]');
      expect(await page.locator('.error-summary[role=alert]').count()).toBe(1);
      expect(await axe(page)).toEqual([]);
      expect(await phoneFriendly(page)).toEqual({ overflow: 0, smallTargets: [] });

      // A bad address: the summary links to the field, which is marked invalid and described by its error.
      await page.locator('#f-c1_email').fill('not-an-address');
      await submit(page, '.error-summary a[href="#f-c1_email"]');
      const link = page.locator('.error-summary a[href="#f-c1_email"]');
      expect(await link.count()).toBe(1);
      expect(await page.getAttribute('#f-c1_email', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#f-c1_email', 'aria-describedby')).toContain('f-c1_email-error');
      expect(await axe(page)).toEqual([]);

      await page.locator('#f-c1_email').fill(`anna.${locale}@example.org`);
      await page.locator('#f-c2_name').fill('Per Holm');
      await page.locator('#f-c2_gender-1').check();
      await submit(page, '[role=status] h1');
      expect(await page.locator('[role=status] h1').count()).toBe(1);
      expect(await axe(page)).toEqual([]);

      const data = await ok(t, c.secretariat.token, `query($id: ID!) { workingGroup(id: $id) { allocations { nominationRequests { status nominations { candidates { fullName } } } } } }`, { id: groupId });
      expect(data.workingGroup.allocations[0].nominationRequests[0]).toEqual({ status: 'ANSWERED', nominations: [{ candidates: [{ fullName: 'Anna Berg' }, { fullName: 'Per Holm' }] }] });

      // Opening the link again: the "already answered" page, also accessible.
      const again = await page.goto(url);
      expect(again?.status()).toBe(409);
      expect(await axe(page)).toEqual([]);
      expect(await phoneFriendly(page)).toEqual({ overflow: 0, smallTargets: [] });
    } finally {
      await context.close();
    }
  });

  it('the page for a broken link passes axe and switches language without losing the link', async () => {
    const context = await browser.newContext({ bypassCSP: true /* to inject axe; the CSP itself is checked in mail-actions.e2e-spec */, viewport: PHONE, isMobile: true, locale: 'da-DK' });
    const page = await context.newPage();
    try {
      const response = await page.goto(`${t.url}/mail-actions/eyJhbGciOiJIUzI1NiJ9.eyJsbmciOiJkYSJ9.c2lnbmF0dXJlLWJyb2tlbg`);
      expect(response?.status()).toBe(400);
      expect(await page.getAttribute('html', 'lang')).toBe('da');
      expect(await axe(page)).toEqual([]);

      const { url } = await nominationLink('sv');
      await page.goto(url);
      await page.locator('a[hreflang=en]').click();
      await page.waitForLoadState();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('form').getAttribute('action')).toContain('lang=en');
      expect(await axe(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
