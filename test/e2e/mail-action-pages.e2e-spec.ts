import { INestApplicationContext } from '@nestjs/common';
import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from '../harness/browser';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { createPerson } from '../harness/factories';
import { allocation, commission, CommissionFixture, group, ok, organisation } from '../harness/structure-fixtures';
import { startTestWorker } from '../harness/test-worker';
import { actionLinks, mailTo } from '../harness/mail-browser';
import { DateTime } from 'luxon';
import { NotificationSweep } from '@samverkan/notifications';
import { createMeeting } from '../harness/meeting-fixtures';
import { createDeliverable, inDays, setStatus } from '../harness/deliverable-fixtures';

const PHONE = { width: 360, height: 740 };
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** 10:00–12:00 Copenhagen time, `days` days from now. */
function slot(days: number) {
  const start = DateTime.now().setZone('Europe/Copenhagen').plus({ days }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  return { startsAt: start.toUTC().toISO(), endsAt: start.plus({ hours: 2 }).toUTC().toISO() };
}

/** The violations, briefly. */
async function axe(page: Page): Promise<string[]> {
  return (await axeViolations(page)).map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}`);
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
    browser = await launchBrowser();
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

  /** Opens `url` at phone size, checks axe and the layout, runs `steps`, closes. */
  async function onPhone(url: string, locale: string, steps: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ bypassCSP: true /* to inject axe */, viewport: PHONE, isMobile: true, hasTouch: true, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await axe(page)).toEqual([]);
      expect(await phoneFriendly(page)).toEqual({ overflow: 0, smallTargets: [] });
      await steps(page);
    } finally {
      await context.close();
    }
  }

  it.each(['sv', 'da', 'en'])('the RSVP page (%s): preselected answer, an error and the answer pass axe at phone size, and the answer reaches the API', async (locale) => {
    const guest = await createPerson(t.db, { locale, account: false });
    const created = await createMeeting(t, c.secretariat.token, { commissionId: c.commissionId, inviteMembers: false, guestIds: [guest.id], title: `Dialogmöte ${locale}`, place: 'Rosenbad', ...slot(20) });
    const meetingId = created.createMeeting.meeting.id;
    const buttons = actionLinks(await mailTo(t.smtp, guest.email, /Dialogmöte/));
    expect(buttons).toHaveLength(4);
    await onPhone(buttons[3].url, locale, async (page) => {
      expect(await page.locator('#f-answer-3').isChecked()).toBe(true);
      // A guest holds no seat: "my substitute attends" needs a name (the service says so; the summary announces it).
      await submit(page, '.error-summary[role=alert]');
      expect(await axe(page)).toEqual([]);
      expect(await phoneFriendly(page)).toEqual({ overflow: 0, smallTargets: [] });
      await page.locator('#f-substituteName').fill('Dorte Dahl');
      await submit(page, '[role=status] h1');
      expect(await axe(page)).toEqual([]);
    });
    const data = await ok(t, c.secretariat.token, `query($id: ID!) { meeting(id: $id) { invitations { rsvp substituteName person { id } } } }`, { id: meetingId });
    expect(data.meeting.invitations).toEqual([{ rsvp: 'SUBSTITUTE', substituteName: 'Dorte Dahl', person: { id: guest.id } }]);
  });

  it.each(['sv', 'da', 'en'])('the minutes approval page (%s) passes axe, approves, and its replay page passes axe', async (locale) => {
    const adjuster = await createPerson(t.db, { locale, account: false });
    const created = await createMeeting(t, c.secretariat.token, { commissionId: c.commissionId, inviteMembers: false, guestIds: [], title: `Sammanträde ${locale}`, ...slot(-2) });
    const meetingId = created.createMeeting.meeting.id;
    const saved = await ok(t, c.secretariat.token, `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`, {
      input: { meetingId, body: 'Ordföranden öppnade mötet.', decisions: [{ text: 'Rapporten antas.' }], notes: [], actionItems: [], conflictsOfInterest: [] },
    });
    await ok(t, c.secretariat.token, `mutation($input: SendMinutesForApprovalInput!) { sendMinutesForApproval(input: $input) { status } }`, { input: { minutesId: saved.saveMinutes.id, adjusterIds: [adjuster.id] } });
    await worker.get(NotificationSweep).sweep();
    const [button] = actionLinks(await mailTo(t.smtp, adjuster.email, new RegExp(`Sammanträde ${locale}`)));
    await onPhone(button.url, locale, async (page) => {
      expect(await page.locator('main').textContent()).toContain('Rapporten antas.');
      await submit(page, '[role=status] h1');
      expect(await axe(page)).toEqual([]);
      const again = await page.goto(button.url);
      expect(again?.status()).toBe(409);
      expect(await axe(page)).toEqual([]);
    });
    const data = await ok(t, c.secretariat.token, `query($id: ID!) { meeting(id: $id) { minutes { status } } }`, { id: meetingId });
    expect(data.meeting.minutes.status).toBe('APPROVED');
  });

  it.each(['sv', 'da', 'en'])('the review answer page (%s): verdict, an anchored comment, an error and the answer pass axe, and the answer reaches the API', async (locale) => {
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const orgId = await organisation(t, c.secretariat.token);
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 1);
    const reviewer = await createPerson(t.db, { locale, account: false });
    await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { allocationId, personId: reviewer.id, startsOn: '2024-01-01' } });
    const d = await createDeliverable(t, c.secretariat.token, { commissionId: c.commissionId, workingGroupId: groupId, title: `Delbetänkande ${locale}` });
    await setStatus(t, c.secretariat.token, d.id, 'IN_PROGRESS');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'utkast.pdf');
    const uploaded = await t.http(`/deliverables/${d.id}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${c.secretariat.token}` } });
    const versionId = ((await uploaded.json()) as { id: string }).id;
    const opened = await ok(t, c.secretariat.token, `mutation($input: OpenReviewRoundInput!) { openReviewRound(input: $input) { id } }`, { input: { versionId, deadline: inDays(10), reviewerIds: [reviewer.id] } });
    const buttons = actionLinks(await mailTo(t.smtp, reviewer.email, new RegExp(`Delbetänkande ${locale}`)));
    expect(buttons).toHaveLength(3);
    await onPhone(buttons[2].url, locale, async (page) => {
      expect(await page.locator('#f-verdict-2').isChecked()).toBe(true);
      // A page without its number: refused by the service, announced in the summary.
      await page.locator('#f-anchorKind-2').check();
      await page.locator('#f-body').fill('Tabellen är otydlig.');
      await submit(page, '.error-summary[role=alert]');
      expect(await axe(page)).toEqual([]);
      expect(await phoneFriendly(page)).toEqual({ overflow: 0, smallTargets: [] });
      await page.locator('#f-anchor').fill('12');
      await submit(page, '[role=status] h1');
      expect(await axe(page)).toEqual([]);
    });
    const data = await ok(t, c.secretariat.token, `query($id: ID!) { reviewRound(id: $id) { answers { verdict } comments { anchorKind anchor body } } }`, { id: opened.openReviewRound.id });
    expect(data.reviewRound).toEqual({ answers: [{ verdict: 'COMMENT' }], comments: [{ anchorKind: 'PAGE', anchor: '12', body: 'Tabellen är otydlig.' }] });
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
