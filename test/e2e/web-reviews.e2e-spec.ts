import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { checkPage, launchBrowser, newBrowserContext, submitSignIn } from '../harness/browser';
import { createDeliverable, DeliverableWorld, deliverableWorld, inDays, setStatus } from '../harness/deliverable-fixtures';
import { TEST_PASSWORD } from '../harness/factories';
import { actionLinks, mailTo } from '../harness/mail-browser';
import { scaled } from '../harness/progress';
import { ok } from '../harness/structure-fixtures';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { startTestWorker } from '../harness/test-worker';
import type { INestApplicationContext } from '@nestjs/common';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * Issue 19, review rounds in the browser: the secretariat opens a round on a
 * draft with the suggested reviewers per organisation, a reviewer answers from
 * the invitation's link (read from the SMTP sink), the secretariat reminds the
 * one who has not answered (a double press sends one mail), responds to the
 * comment, downloads the comment matrix as Excel and CSV (their content read
 * back) and closes the round. Each step is checked through GraphQL; both pages
 * pass axe at 1280 and 390 px without horizontal scrolling.
 */
describe('review rounds in the web application: the secretariat’s side', () => {
  jest.setTimeout(scaled(180_000));
  let t: TestApp;
  let worker: INestApplicationContext;
  let w: DeliverableWorld;
  let browser: Browser;
  let deliverableId: string;
  let orgA: string;
  let orgB: string;
  let memberName: string;
  let member2Name: string;

  beforeAll(async () => {
    t = await startTestAppWithLinks();
    worker = await startTestWorker(t);
    w = await deliverableWorld(t);
    browser = await launchBrowser();
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, title: 'Kompetensbehov inom life science' });
    deliverableId = d.id;
    await setStatus(t, w.secretariat.token, deliverableId, 'IN_PROGRESS');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'Kompetensbehov utkast.pdf');
    const uploaded = await t.http(`/deliverables/${deliverableId}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${w.secretariat.token}` } });
    expect(uploaded.status).toBe(201);
    const names = async (sql: string, id: string) => ((await t.db.query(sql, [id])) as { name: string }[])[0].name;
    orgA = await names(`SELECT name FROM organisation WHERE id = $1`, w.orgA);
    orgB = await names(`SELECT name FROM organisation WHERE id = $1`, w.orgB);
    memberName = await names(`SELECT full_name AS name FROM person WHERE id = $1`, w.member.id);
    member2Name = await names(`SELECT full_name AS name FROM person WHERE id = $1`, w.member2.id);
  }, scaled(180_000));
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  const newContext = () => newBrowserContext(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });

  /** Opens an address and signs in on the way (the app sends a signed-out reader to sign-in and back). */
  async function open(page: Page, address: string, email: string) {
    await page.goto(`${t.url}${address}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await submitSignIn(page, email, TEST_PASSWORD);
    await page.waitForURL(`${t.url}${address}`);
  }

  const check = (page: Page, name: string) => checkPage(page, `reviews-${name}`);

  const roundOf = async (roundId: string) =>
    (
      await ok(t, w.secretariat.token, `query($id: ID!) { reviewRound(id: $id) { status outcome remindersSent deliverable { status } reviewers { personId answered reminderCount } comments { id number body response decision } } }`, {
        id: roundId,
      })
    ).reviewRound;

  it('opens a round, takes an answer from the mail link, reminds, responds, downloads the matrix and closes', async () => {
    const context = await newContext();
    const page = await context.newPage();

    // 1. The secretariat (Swedish) opens the round: both organisations' seat holders are suggested and chosen.
    await open(page, `/deliverables/${deliverableId}/review-rounds/new`, w.secretariat.email);
    await page.waitForSelector('h1:has-text("Skicka på granskning: Kompetensbehov inom life science")');
    expect(await page.locator('fieldset.inner legend').allTextContents()).toEqual([orgA, orgB].sort((a, b) => a.localeCompare(b)));
    expect(await page.isChecked(`#reviewer-${w.member.id}`)).toBe(true);
    expect(await page.isChecked(`#reviewer-${w.member2.id}`)).toBe(true);
    await check(page, 'open');
    // No deadline: refused at the field, before anything is sent.
    await page.click('button[type=submit]');
    await page.waitForSelector('.error-summary a[href="#deadline"]:has-text("Välj sista svarsdag.")');
    expect(await page.getAttribute('#deadline', 'aria-invalid')).toBe('true');
    // A deadline in the past: the server's refusal, at the field.
    await page.fill('#deadline', '2020-01-01');
    await page.click('button[type=submit]');
    await page.waitForSelector('#deadline-error:has-text("Svarsdatumet har redan passerat.")');
    expect(await t.db.query(`SELECT id FROM review_round WHERE deliverable_id = $1`, [deliverableId])).toEqual([]);
    await page.fill('#deadline', inDays(14));
    await page.fill('#message', 'Synpunkter på kapitel 3 särskilt välkomna.');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/review-rounds\/[^/]+\/follow$/);
    const roundId = /\/review-rounds\/([^/]+)\/follow$/.exec(page.url())![1];
    await page.waitForSelector('h1:has-text("Granskning: Kompetensbehov inom life science")');
    let round = await roundOf(roundId);
    expect(round).toMatchObject({ status: 'OPEN', remindersSent: 0, deliverable: { status: 'IN_REVIEW' } });
    expect(round.reviewers.map((r: { personId: string }) => r.personId).sort()).toEqual([w.member.id, w.member2.id].sort());
    expect(await page.textContent('#answers')).toBe('Svar: 0 av 2');

    // 2. The Danish reviewer answers from the invitation's "Kommentér" button, signed out, with an anchored comment.
    const invitation = await mailTo(t.smtp, w.member.email, /^Høring: Kompetensbehov inom life science \(version 1\)/);
    expect(invitation.parsed.text).toContain('Synpunkter på kapitel 3 särskilt välkomna.');
    const comment = actionLinks(invitation).find((l) => l.label === 'Kommentér')!;
    expect(comment).toBeDefined();
    const reviewer = await newContext();
    const reviewerPage = await reviewer.newPage();
    await reviewerPage.goto(comment.url);
    await reviewerPage.check('input[name=anchorKind][value=section]');
    await reviewerPage.fill('input[name=anchor]', '3.2');
    await reviewerPage.fill('textarea[name=body]', 'Regionernes behov for bioinformatikere er undervurderet.');
    await reviewerPage.fill('textarea[name=proposedWording]', 'Behovet skønnes at være 40 % større.');
    await Promise.all([reviewerPage.waitForResponse((r) => r.request().method() === 'POST'), reviewerPage.click('form button[type=submit]')]);
    await reviewerPage.waitForSelector('text=Sekretariatet har modtaget dit svar.');
    await reviewer.close();
    round = await roundOf(roundId);
    expect(round.reviewers.find((r: { personId: string }) => r.personId === w.member.id).answered).toBe(true);
    expect(round.comments).toEqual([{ id: expect.any(String), number: 1, body: 'Regionernes behov for bioinformatikere er undervurderet.', response: null, decision: null }]);

    // 3. The secretariat's page shows the answer and who has not answered; a double press on "remind" sends one mail.
    await page.reload();
    await page.waitForSelector('#answers:has-text("Svar: 1 av 2")');
    const answers = await page.textContent('section[aria-labelledby=answers]');
    expect(answers).toContain(memberName);
    expect(answers).toContain(member2Name);
    expect(answers).toContain('Har inte svarat än');
    await page.dblclick('#remind');
    await page.waitForSelector('[role=status]:has-text("Påminnelse skickad till en granskare.")');
    await page.waitForSelector('text=En påminnelse skickad, senast');
    const reminder = await mailTo(t.smtp, w.member2.email, /^Reminder: Please review: Kompetensbehov inom life science/);
    expect(reminder.parsed.text).toContain(`/review-rounds/${roundId}`);
    round = await roundOf(roundId);
    expect(round.remindersSent).toBe(1);
    expect(round.reviewers.find((r: { personId: string }) => r.personId === w.member2.id).reminderCount).toBe(1);
    expect(round.reviewers.find((r: { personId: string }) => r.personId === w.member.id).reminderCount).toBe(0);
    const reminders = await t.db.query(`SELECT to_address FROM mail_outbox WHERE dedupe_key LIKE $1`, [`review-reminder:${roundId}:%`]);
    expect(reminders).toEqual([{ to_address: w.member2.email }]);

    // 4. The secretariat responds to the comment: without a decision it is refused at the field; then partly accepted.
    await page.fill('#response-1', 'Vi justerar skattningen i avsnitt 3.2.');
    await page.click('li.card:has(#response-1) button[type=submit]');
    await page.waitForSelector('#decision-1-ACCEPTED-error:has-text("Välj ett beslut om synpunkt 1.")');
    await page.check('#decision-1-PARTLY');
    await page.click('li.card:has(#response-1) button[type=submit]');
    await page.waitForSelector('[role=status]:has-text("Svaret på synpunkt 1 är sparat.")');
    round = await roundOf(roundId);
    expect(round.comments[0]).toMatchObject({ response: 'Vi justerar skattningen i avsnitt 3.2.', decision: 'PARTLY' });
    await check(page, 'follow');

    // 5. The comment matrix as Excel and CSV, downloaded from the page, holds the comment and the response.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Ladda ner synpunktsmatrisen (Excel)")')]);
    expect(xlsx.suggestedFilename()).toBe('comment-matrix-kompetensbehov-inom-life-science-v1.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await xlsx.path())!) as never);
    const sheet = book.getWorksheet('Synpunktsmatris')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Nr', 'Organisation', 'Granskare', 'Avsnitt/sida/rad', 'Synpunkt', 'Förslag till formulering', 'Sekretariatets svar', 'Beslut']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      1,
      orgA,
      memberName,
      'Avsnitt 3.2',
      'Regionernes behov for bioinformatikere er undervurderet.',
      'Behovet skønnes at være 40 % større.',
      'Vi justerar skattningen i avsnitt 3.2.',
      'delvis beaktad',
    ]);
    expect(sheet.rowCount).toBe(2);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Ladda ner synpunktsmatrisen (CSV)")')]);
    const lines = readFileSync((await csv.path())!, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toEqual([
      'Nr,Organisation,Granskare,Avsnitt/sida/rad,Synpunkt,Förslag till formulering,Sekretariatets svar,Beslut',
      `1,${orgA},${memberName},Avsnitt 3.2,Regionernes behov for bioinformatikere er undervurderet.,Behovet skønnes at være 40 % større.,Vi justerar skattningen i avsnitt 3.2.,delvis beaktad`,
    ]);

    // 6. Closing with "changes requested" sends the deliverable back to in progress; the page says the round is closed.
    await page.click('button:has-text("Stäng granskningen")');
    await page.waitForSelector('#outcome-APPROVED-error:has-text("Välj utfall.")');
    await page.check('#outcome-CHANGES_REQUESTED');
    await page.fill('#close-note', 'Kapitel 3 skrivs om.');
    await page.click('button:has-text("Stäng granskningen")');
    await page.waitForSelector('[role=status]:has-text("Granskningen är stängd.")');
    round = await roundOf(roundId);
    expect(round).toMatchObject({ status: 'CLOSED', outcome: 'CHANGES_REQUESTED', deliverable: { status: 'IN_PROGRESS' } });
    expect(await page.locator('#remind').count()).toBe(0);
    await check(page, 'closed');
    await context.close();
  });

  it('shows a reviewer "not for you" on the follow page, and the secretariat a link to it from the reviewers’ page', async () => {
    const [{ id: roundId }] = await t.db.query(`SELECT id FROM review_round WHERE deliverable_id = $1`, [deliverableId]);
    const context = await newContext();
    const page = await context.newPage();
    await open(page, `/review-rounds/${roundId}/follow`, w.member.email);
    await page.waitForSelector('h1:has-text("Ikke for dig")');
    await context.close();
    const secretariat = await newContext();
    const own = await secretariat.newPage();
    await open(own, `/review-rounds/${roundId}`, w.secretariat.email);
    await own.click('a:has-text("Följ granskningen")');
    await own.waitForURL(`${t.url}/review-rounds/${roundId}/follow`);
    await own.waitForSelector('h1:has-text("Granskning: Kompetensbehov inom life science")');
    await secretariat.close();
  });
});
