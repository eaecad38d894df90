import { INestApplicationContext } from '@nestjs/common';
import { print } from 'graphql';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { MailLogPage } from '../../apps/web/src/mail/mail-log-page.operations';
import { checkPage, launchBrowser, newBrowserContext, submitSignIn } from '../harness/browser';
import { createDeliverable, inDays } from '../harness/deliverable-fixtures';
import { TEST_PASSWORD, TestPerson, signedInPerson } from '../harness/factories';
import { MailBrowser, actionLinks } from '../harness/mail-browser';
import { GroupFixture, createMeeting, groupWithMembers, mailsTo } from '../harness/meeting-fixtures';
import { scaled } from '../harness/progress';
import { commission, ok } from '../harness/structure-fixtures';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { eventually, startTestWorker } from '../harness/test-worker';

/**
 * Issue 19, reports and the mail log in the browser: the secretariat compiles a
 * status report (a refused period shown at its field), sets the cadence, opens the
 * report at 1280 and 390 px (no horizontal scrolling, axe 0, a timeline readable on
 * a phone); the commissioner reads it from the mail; the mail log shows a sent and
 * a failed mail, the answers given from mail links, and sends the failed one again
 * (once, checked in the SMTP sink).
 */
const MAIL_LOG = `query($c: ID!, $status: MailStatus) { commissionMailLog(commissionId: $c, first: 50, status: $status) { totalCount edges { node { id toAddress status lastError subject } } } }`;

describe('reports and the mail log in the web application (issue 19)', () => {
  jest.setTimeout(scaled(180_000));
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let g: GroupFixture;
  let commissioner: TestPerson;
  let reportId: string;

  beforeAll(async () => {
    t = await startTestAppWithLinks();
    worker = await startTestWorker(t);
    browser = await launchBrowser();
    g = await groupWithMembers(t);
    commissioner = await signedInPerson(t, { fullName: 'Karin Kommittéstyrelse', locale: 'sv', timeZone: 'Europe/Stockholm' });
    await ok(t, g.admin.token, `mutation($input: CommissionRoleInput!) { assignCommissionRole(input: $input) { id } }`, { input: { commissionId: g.commissionId, personId: commissioner.id, role: 'COMMISSIONER' } });
    // A commission that started years ago and whose work is due in the months around now (the timeline's axis spans the items).
    await t.db.query(`UPDATE commission SET starts_on = '2019-11-01', reporting_deadline = $2, initial_reporting_deadline = $2 WHERE id = $1`, [g.commissionId, inDays(240)]);
    for (const [title, due] of [
      ['Kartläggning av befintliga nätverk och samverkansformer i hela landet', inDays(-20)],
      ['Delrapport om kompetensbehov', inDays(45)],
      ['Slutrapport till regeringen', inDays(200)],
    ] as const) {
      await createDeliverable(t, g.secretariat.token, { commissionId: g.commissionId, workingGroupId: g.groupId, title, dueOn: due });
    }
    // Invitations go out (sent mail); a member answers from the link in hers (a mail answer).
    const starts = DateTime.now().setZone('Europe/Copenhagen').plus({ days: 20 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Møde om statusrapporten', startsAt: starts.toUTC().toISO(), endsAt: starts.plus({ hours: 2 }).toUTC().toISO() });
    const bo = g.members[1];
    const [invitation] = await mailsTo(t, bo.email, /Møde om statusrapporten/);
    const yes = actionLinks(invitation)[0].url;
    const mailBrowser = new MailBrowser();
    const form = await mailBrowser.get(yes);
    expect((await mailBrowser.submit(yes, form, { answer: 'yes' })).status).toBe(200);
    for (const member of g.members) await mailsTo(t, member.email, /Møde om statusrapporten/);
    // Nothing left to send, so the failure the first test asks the SMTP server for meets the report mail.
    await eventually(async () => (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status IN ('pending', 'sending')`))[0].n === 0, 30_000, 'the outbox to empty');
  }, scaled(240_000));
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  const newContext = () => newBrowserContext(browser);

  /** The web application's sign-in form (where a page sends someone not signed in). */
  const signIn = (page: Page, email: string) => submitSignIn(page, email, TEST_PASSWORD);

  /** axe 0 and no horizontal scrolling at 1280 and 390 px (and screenshots when asked). */
  const check = (page: Page, name: string) => checkPage(page, `${name}`);

  it('compiles a report on demand (a refused period at its field), sets the cadence and opens the report at 1280 and 390 px', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${t.url}/commissions/${g.commissionId}/status-reports`);
    await signIn(page, g.secretariat.email);
    await page.waitForSelector('#period');
    await check(page, 'status-reports-empty');

    // A period the cadence does not have: refused, and said at the field.
    await page.fill('#period', '2022-13');
    await page.click('section[aria-labelledby=compile] button[type=submit]');
    await page.waitForSelector('#period-error');
    expect(await page.getAttribute('#period', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#period-error')).toContain('2022-13');
    expect((await ok(t, g.secretariat.token, `query($c: ID!) { statusReports(commissionId: $c) { totalCount } }`, { c: g.commissionId })).statusReports.totalCount).toBe(0);

    // The running period, mailed to the commissioner: the mail fails (the server refuses it once).
    t.smtp.fail(550, 1, 'No such user here');
    await page.fill('#period', '');
    await page.check('#notifyCommissioners');
    await page.click('section[aria-labelledby=compile] button[type=submit]');
    const link = page.locator('section[aria-labelledby=compile] [role=status] a');
    // Compiled (the link to it), or refused (the error summary says why).
    await page.waitForSelector('section[aria-labelledby=compile] [role=status] a, section[aria-labelledby=compile] .error-summary');
    expect(await page.locator('section[aria-labelledby=compile] .error-summary').count()).toBe(0);
    const reports = await ok(t, g.secretariat.token, `query($c: ID!) { statusReports(commissionId: $c) { totalCount edges { node { id kind url } } } }`, { c: g.commissionId });
    expect(reports.statusReports.totalCount).toBe(1);
    expect(reports.statusReports.edges[0].node.kind).toBe('ON_DEMAND');
    reportId = reports.statusReports.edges[0].node.id;
    // The report page is asked for in the language the application shows (its own page, rendered by the API).
    const lang = await page.getAttribute('html', 'lang');
    expect(await link.getAttribute('href')).toBe(`/reports/${reportId}?lang=${lang}`);
    await page.waitForSelector(`#report-list ~ table a[href="/reports/${reportId}?lang=${lang}"]`);
    await check(page, 'status-reports');

    // Periods of its own: chosen, then two periods entered; the second first overlaps the first and is refused at its field.
    await page.selectOption('#reportCadence', 'CUSTOM');
    await page.click('section[aria-labelledby=cadence] button[type=submit]');
    await page.waitForSelector('#periods-add');
    expect(await page.locator('section[aria-labelledby=periods] li').count()).toBe(0);
    await page.click('#periods-add');
    expect(await page.evaluate('document.activeElement?.id')).toBe('periods-0-startsOn');
    await page.fill('#periods-0-startsOn', inDays(-30));
    await page.fill('#periods-0-endsOn', inDays(30));
    await page.click('#periods-add');
    // The next period starts the day after the last one ends.
    expect(await page.inputValue('#periods-1-startsOn')).toBe(inDays(31));
    await page.fill('#periods-1-startsOn', inDays(10));
    await page.fill('#periods-1-endsOn', inDays(90));
    await page.click('#periods-save');
    await page.waitForSelector('#periods-1-startsOn-error');
    expect(await page.textContent('#periods-1-startsOn-error')).toContain(`${inDays(-30)}..${inDays(30)}`);
    // The summary says which period's field: "Period 2, första dag: …".
    expect(await page.textContent('.error-summary a[href="#periods-1-startsOn"]')).toMatch(/^Period 2, första dag: /);
    expect(await page.getAttribute('#periods-1-startsOn', 'aria-invalid')).toBe('true');
    await check(page, 'report-periods-refused');
    await page.fill('#periods-1-startsOn', inDays(31));
    await page.click('#periods-save');
    await page.waitForSelector('section[aria-labelledby=periods] [role=status]:not(:empty)');
    const periods = await ok(t, g.secretariat.token, `query($c: ID!) { customReportPeriods(commissionId: $c) { startsOn endsOn } }`, { c: g.commissionId });
    expect(periods.customReportPeriods).toEqual([
      { startsOn: inDays(-30), endsOn: inDays(30) },
      { startsOn: inDays(31), endsOn: inDays(90) },
    ]);
    await check(page, 'report-periods');

    // The cadence: monthly from now on (the periods of its own are kept, and no longer shown).
    await page.selectOption('#reportCadence', 'MONTHLY');
    await page.click('section[aria-labelledby=cadence] button[type=submit]');
    await page.waitForSelector('section[aria-labelledby=cadence] [role=status]:not(:empty)');
    expect((await ok(t, g.secretariat.token, `query($id: ID!) { commission(id: $id) { reportCadence } }`, { id: g.commissionId })).commission.reportCadence).toBe('MONTHLY');

    // The report itself.
    await link.click();
    await page.waitForURL(`${t.url}/reports/${reportId}?lang=${lang}`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await page.waitForSelector('#h-composition');
    await check(page, 'report');
    await page.setViewportSize({ width: 390, height: 900 });
    // On a phone: the tables stack (still tables for a screen reader), the narrow timeline shows.
    expect(await page.evaluate(`getComputedStyle(document.querySelector('#h-deliverables + table tbody tr')).display`)).toBe('block');
    expect(await page.getAttribute('#h-deliverables + table', 'role')).toBe('table');
    expect(await page.isVisible('#timeline')).toBe(false);
    expect(await page.isVisible('#timeline-narrow')).toBe(true);
    // Its text is drawn at 11 px or more (it was about 5 px), and every item is on the axis, which no longer starts in 2019.
    const drawn = (await page.evaluate(`(() => { const svg = document.querySelector('#timeline-narrow'); return { scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width, size: Number(svg.getAttribute('font-size')), text: svg.textContent }; })()`)) as { scale: number; size: number; text: string };
    expect(drawn.size * drawn.scale).toBeGreaterThanOrEqual(11);
    expect(drawn.text).toContain('Delrapport om kompetensbehov');
    expect(drawn.text).not.toContain('2019');
    await context.close();
  });

  it('lets the commissioner read the report from the mail sent again from the mail log, which shows sent and failed mail and the answers from mail links', async () => {
    const failed = await eventually(async () => {
      const log = await ok(t, g.secretariat.token, MAIL_LOG, { c: g.commissionId, status: 'FAILED' });
      return log.commissionMailLog.totalCount === 1 ? log.commissionMailLog.edges[0].node : null;
    }, 30_000, 'the report mail to fail');
    expect(failed).toMatchObject({ toAddress: commissioner.email, status: 'FAILED', lastError: expect.stringMatching(/550.*No such user here/) });
    expect(t.smtp.to(commissioner.email)).toHaveLength(0);

    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${t.url}/commissions/${g.commissionId}/mail`);
    await signIn(page, g.secretariat.email);
    await page.waitForSelector('#sent ~ table');
    // The invitations were sent; the report mail failed, with the server's reason.
    const rows = page.locator('#sent ~ table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    expect(await page.textContent('#sent ~ table')).toContain('No such user here');
    // Bo answered from the link in his invitation.
    expect(await page.textContent('section[aria-labelledby=answers]')).toContain('Bo Bentsen');
    await check(page, 'mail-log');

    // Filtered on the server: only the failed one.
    await page.selectOption('#status', 'FAILED');
    await page.click('form.mail-filters button[type=submit]');
    await eventually(async () => (await page.textContent('#sent'))?.match(/^1\b/) && (await rows.count()) === 1, 30_000, 'the failed mail alone');
    expect(await rows.first().textContent()).toContain(commissioner.email);

    // Sent again: through the outbox, once.
    await rows.first().locator('button').click();
    await page.waitForSelector('p[role=status].saved:not(:empty)');
    await t.smtp.waitFor((mails) => mails.some((m) => m.envelopeTo.includes(commissioner.email.toLowerCase())), 20_000);
    await eventually(async () => (await ok(t, g.secretariat.token, MAIL_LOG, { c: g.commissionId, status: 'SENT' })).commissionMailLog.edges.some((e: { node: { id: string } }) => e.node.id === failed.id), 30_000, 'the mail sent');
    const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity = 'mail' AND entity_id = $1 AND action = 'resend'`, [failed.id]);
    expect(audit.n).toBe(1);
    await context.close();
    const received = t.smtp.to(commissioner.email);
    expect(received).toHaveLength(1);
    expect(received[0].parsed.subject).toContain('Statusrapport');

    // The commissioner follows the link in the mail, signs in and reads the report.
    const url = new RegExp(`https?://[^\\s]+/reports/${reportId}`).exec(received[0].parsed.text ?? '')![0];
    const reader = await newContext();
    const tab = await reader.newPage();
    await tab.goto(url);
    await tab.waitForSelector('#email');
    await tab.fill('#email', commissioner.email);
    await tab.fill('#password', TEST_PASSWORD);
    await tab.click('button[type=submit]');
    await tab.waitForURL(`${t.url}/reports/${reportId}`);
    // In the browser's language (Accept-Language comes before the person's own; the mail was Swedish).
    expect(await tab.textContent('h1')).toMatch(/^(Status report|Statusrapport): Commission /);
    await check(tab, 'report-commissioner');
    const opened = await ok(t, g.secretariat.token, `query($id: ID!) { statusReport(id: $id) { openedBy { personId asCommissioner } } }`, { id: reportId });
    expect(opened.statusReport.openedBy).toEqual([{ personId: commissioner.id, asCommissioner: true }]);
    // The commissioner sees the list, not the secretariat's forms.
    await tab.goto(`${t.url}/commissions/${g.commissionId}/status-reports`);
    await tab.waitForSelector('#report-list');
    expect(await tab.locator('#period').count()).toBe(0);
    expect(await tab.locator(`a[href^="/reports/${reportId}?lang="]`).count()).toBe(1);
    await reader.close();
  });

  it('answers the mail log page in the same number of SQL statements for 1 and for 30 mails, and refuses a search over 200 characters', async () => {
    const small = await commission(t, g.admin);
    const large = await commission(t, g.admin);
    const insert = (commissionId: string, n: number) =>
      t.db.query(
        `INSERT INTO mail_outbox (id, dedupe_key, template, commission_id, to_address, to_name, locale, subject, html, text_body, message_id, status, sent_at)
         SELECT id, 'stmt:' || id, 'test', $1, 'n' || i || '@example.test', 'Person ' || i, 'sv', 'Ämne ' || i, '<p>x</p>', 'x', '<' || id || '@samverkan.local>', 'sent', now()
           FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, $2) i) s`,
        [commissionId, n],
      );
    // Fewer rows than a page (2 and 24) and more than a page (30 and 60): the page's rows are resolved in
    // the same statements whatever their number (TypeORM counts the rows only when the page is full).
    const bigger = await commission(t, g.admin);
    const biggest = await commission(t, g.admin);
    await insert(small.commissionId, 2);
    await insert(large.commissionId, 24);
    await insert(bigger.commissionId, 30);
    await insert(biggest.commissionId, 60);
    const query = print(MailLogPage);
    const vars = (id: string) => ({ id, first: 25, after: null, status: null, search: null, skippedAfter: null, answersAfter: null });
    const statements = async (id: string) => {
      const result = await t.gql(query, vars(id), { token: g.admin.token });
      expect(result.errors).toBeUndefined();
      return { rows: result.data!.commissionMailLog.edges.length as number, statements: result.extensions?.sqlStatements as number };
    };
    const partial = [await statements(small.commissionId), await statements(large.commissionId)];
    const full = [await statements(bigger.commissionId), await statements(biggest.commissionId)];
    expect(partial.map((p) => p.rows)).toEqual([2, 24]);
    expect(full.map((p) => p.rows)).toEqual([25, 25]);
    expect(partial[1].statements).toBe(partial[0].statements);
    expect(full[1].statements).toBe(full[0].statements);
    // The search runs on the server: by recipient name or subject.
    const found = await ok(t, g.admin.token, `query($c: ID!, $s: String) { commissionMailLog(commissionId: $c, search: $s) { totalCount } }`, { c: bigger.commissionId, s: 'Ämne 1' });
    expect(found.commissionMailLog.totalCount).toBe(11); // 1, 10–19
    const tooLong = await t.gql(`query($c: ID!, $s: String) { commissionMailLog(commissionId: $c, search: $s) { totalCount } }`, { c: bigger.commissionId, s: 'x'.repeat(201) }, { token: g.admin.token });
    expect(tooLong.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
