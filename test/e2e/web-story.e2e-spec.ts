import { readFileSync } from 'node:fs';
import { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { NotificationSweep } from '@samverkan/notifications';
import { DEMO_PASSWORD, NGC_GROUP_NAME, SeedsModule, SeederService } from '@samverkan/seeds';
import { checkPage, launchBrowser, newBrowserContext, submitSignIn } from '../harness/browser';
import { login } from '../harness/factories';
import { actionLinks, mailTo } from '../harness/mail-browser';
import { scaled } from '../harness/progress';
import { ok } from '../harness/structure-fixtures';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { eventually, startTestWorker } from '../harness/test-worker';

/**
 * Issue 19's story, over the seeded NGC working group (seed 003, Denmark), in
 * headless Chromium: the secretariat finds a date by poll (one member answers from
 * the mail), builds the agenda (items added, one moved by drag and drop),
 * invites (by choosing the time), gets the answers (the member's from the
 * invitation's mail link, the chair's on her meeting page), holds the meeting
 * (attendance), writes the minutes and has them approved (from the mail link and
 * on the page), opens a review round on a draft it uploads, the member answers it
 * from the mail, the secretariat downloads the comment matrix, compiles a status
 * report, and the commissioner reads it from the mail that announced it. Every
 * step is checked through GraphQL and the mails in the SMTP sink.
 */
const demo = (role: string) => `${role}@demo.samverkan.test`;
const SECRETARIAT = demo('secretariat');
const CHAIR = demo('chair');
const MEMBER = demo('member');
const COMMISSIONER = demo('commissioner');
const DRAFT_TITLE = 'Afdækning af kapacitet og kompetencer og af eksisterende (efter)uddannelser';
const MEETING_TITLE = 'Arbejdsgruppemøde om efteruddannelsesprogrammerne';

/** A whole hour `days` ahead as a datetime-local value (read in the poll's time zone). */
function slot(days: number, hour: number): string {
  return DateTime.now().setZone('Europe/Copenhagen').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toFormat("yyyy-MM-dd'T'HH:mm");
}

describe('the secretariat’s whole cycle in the browser, over the seeded NGC working group (issue 19)', () => {
  jest.setTimeout(scaled(900_000));
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  const token: Record<string, string> = {};
  const person: Record<string, string> = {};
  let commissionId: string;
  let groupId: string;
  let draftId: string;

  beforeAll(async () => {
    t = await startTestAppWithLinks({}, [SeedsModule]);
    await t.app.get(SeederService).seed({ ifEmpty: true });
    worker = await startTestWorker(t);
    browser = await launchBrowser();
    for (const email of [SECRETARIAT, CHAIR, MEMBER, COMMISSIONER]) {
      token[email] = await login(t, email, DEMO_PASSWORD);
      person[email] = ((await t.db.query(`SELECT id FROM person WHERE email = $1`, [email])) as { id: string }[])[0].id;
    }
    [{ id: groupId, commission_id: commissionId }] = await t.db.query(`SELECT id, commission_id FROM working_group WHERE name = $1`, [NGC_GROUP_NAME]);
    [{ id: draftId }] = await t.db.query(`SELECT id FROM deliverable WHERE title = $1`, [DRAFT_TITLE]);
    // The seed's own mails (nominations, reviews, reports of the demo) are out before the story starts.
    await eventually(async () => (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status IN ('pending', 'sending')`))[0].n === 0, 60_000, 'the seed’s mail to go out');
  }, scaled(300_000));
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  /** A browser of one person, signed in through the sign-in page on the way to `address`. */
  async function signedIn(email: string, address: string): Promise<Page> {
    const context = await newBrowserContext(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${t.url}${address}`);
    await submitSignIn(page, email, DEMO_PASSWORD);
    await page.waitForURL(`${t.url}${address}`);
    await page.waitForSelector('main h1');
    // The header knows who is signed in (it did not, after a sign-in that led to a page loaded on demand).
    await page.waitForSelector('header.top a[href="/settings"]');
    return page;
  }

  /** A mail link opened in a browser of its own (not signed in), its form sent as shown. */
  async function answerFromMail(url: string, fill: (page: Page) => Promise<void> = async () => undefined): Promise<void> {
    const context = await newBrowserContext(browser, { viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await fill(page);
    await page.locator('main form button[type=submit]').first().click();
    await page.locator('[role=status] h1').waitFor();
    await context.close();
  }

  it('polls, builds the agenda, invites, takes the answers, holds the meeting, approves the minutes, reviews a draft, reports to the commissioner', async () => {
    const secretariat = await signedIn(SECRETARIAT, `/working-groups/${groupId}`);

    // 1. A date poll from the group's page: two options, everyone the meeting would invite is asked by mail.
    await secretariat.click(`a[href="/working-groups/${groupId}/date-polls/new"]`);
    await secretariat.waitForSelector('#option-0-startsAt');
    await secretariat.fill('#title', MEETING_TITLE);
    await secretariat.fill('#place', 'Nationalt Genom Center, Ørestads Boulevard 5');
    await secretariat.fill('#option-0-startsAt', slot(30, 9));
    await secretariat.fill('#option-0-endsAt', slot(30, 12));
    await secretariat.click('form button.secondary-button:last-of-type');
    await secretariat.fill('#option-1-startsAt', slot(31, 13));
    await secretariat.fill('#option-1-endsAt', slot(31, 16));
    await secretariat.click('form button[type=submit]');
    await secretariat.waitForURL(/\/date-polls\/[^/]+\/answers$/);
    const pollId = new URL(secretariat.url()).pathname.split('/')[2];
    const poll = await ok(t, token[SECRETARIAT], `query($id: ID!) { datePoll(id: $id) { status options { option { id startsAt } } } }`, { id: pollId });
    expect(poll.datePoll.status).toBe('open');
    const [early, late] = poll.datePoll.options.map((o: { option: { id: string } }) => o.option.id);

    // The member answers from the poll's mail (no sign-in): the later time suits, the earlier does not.
    const pollMail = await mailTo(t.smtp, MEMBER, new RegExp(`Hvornår passer det\\? ${MEETING_TITLE}`));
    await answerFromMail(actionLinks(pollMail)[0].url, async (page) => {
      await page.check('input[name=option1][value=no]');
      await page.check('input[name=option2][value=yes]');
    });
    // The chair answers in her own browser.
    const chairPoll = await signedIn(CHAIR, `/date-polls/${pollId}`);
    await chairPoll.check(`#vote-${early}-IF_NEED_BE`);
    await chairPoll.check(`#vote-${late}-YES`);
    await chairPoll.click('main form button[type=submit]');
    await chairPoll.waitForSelector('main [role=status].saved:not(:empty)');
    await chairPoll.context().close();
    const votes = await ok(t, token[SECRETARIAT], `query($id: ID!) { datePoll(id: $id) { options { option { id } yes ifNeedBe no } } }`, { id: pollId });
    expect(votes.datePoll.options.map((o: { yes: number; ifNeedBe: number; no: number }) => [o.yes, o.ifNeedBe, o.no])).toEqual([
      [0, 1, 1],
      [2, 0, 0],
    ]);

    // 2. The grid marks the later time as the best; choosing it creates the meeting and invites the group.
    await secretariat.reload();
    await secretariat.waitForSelector('table.grid thead th.best');
    await checkPage(secretariat, 'story-poll-answers');
    await secretariat.click('main form button[type=submit]');
    await secretariat.waitForURL(/\/meetings\/[^/]+\/invitations$/);
    const meetingId = new URL(secretariat.url()).pathname.split('/')[2];
    const meeting = `query($id: ID!) { meeting(id: $id) { title startsAt sequence agenda { id title position deliverableId durationMinutes }
      invitations { personId rsvp attendance } minutes { status decisions { number text } actionItems { title assignee { fullName } } adjusters { personId approvedAt } } } }`;
    const invited = (await ok(t, token[SECRETARIAT], meeting, { id: meetingId })).meeting;
    expect(invited.title).toBe(MEETING_TITLE);
    expect(invited.startsAt).toBe(poll.datePoll.options[1].option.startsAt);
    expect(invited.invitations.map((i: { personId: string }) => i.personId)).toEqual(expect.arrayContaining([person[CHAIR], person[MEMBER]]));
    expect(invited.invitations.length).toBeGreaterThan(15);
    const invitation = await mailTo(t.smtp, MEMBER, new RegExp(`^Invitation: ${MEETING_TITLE}`));
    expect((await ok(t, token[SECRETARIAT], `query($id: ID!) { datePoll(id: $id) { status chosenOptionId meetingId } }`, { id: pollId })).datePoll).toEqual({ status: 'closed', chosenOptionId: late, meetingId });

    // 3. The agenda: two items added (one on the draft), the last moved first.
    await secretariat.click(`a[href="/meetings/${meetingId}/agenda"]`);
    await secretariat.waitForSelector('#item-title');
    for (const [title, minutes, deliverable] of [
      ['Status på afdækningen af kapacitet og kompetencer', '45', DRAFT_TITLE],
      ['Velkomst og godkendelse af dagsorden', '10', ''],
    ] as const) {
      await secretariat.fill('#item-title', title);
      await secretariat.fill('#item-minutes', minutes);
      if (deliverable) await secretariat.selectOption('#item-deliverable', { label: deliverable });
      await secretariat.click('section[aria-labelledby=add-title] button[type=submit]');
      await secretariat.locator(`ol.agenda-builder li`, { hasText: title }).waitFor();
    }
    // Moved by drag and drop here (web-scheduling moves by keyboard only): the welcome dragged onto the first item.
    const welcomeId = await secretariat.locator('ol.agenda-builder li', { hasText: 'Velkomst og godkendelse af dagsorden' }).getAttribute('data-item-id');
    const statusId = await secretariat.locator('ol.agenda-builder li', { hasText: 'Status på afdækningen' }).getAttribute('data-item-id');
    await secretariat.dragAndDrop(`li[data-item-id="${welcomeId}"] button.handle`, `li[data-item-id="${statusId}"]`);
    await secretariat.locator('#agenda-announcement', { hasText: '“Velkomst og godkendelse af dagsorden” er flyttet til plads 1 af 2.' }).waitFor();
    // Changed in place: the status item gets a longer slot and says which draft; it stays the same item (its id).
    await secretariat.click(`li[data-item-id="${statusId}"] .moves button[aria-expanded]`);
    await secretariat.fill('#edit-title', 'Status på afdækningen af kapacitet og kompetencer (udkast 1)');
    await secretariat.fill('#edit-minutes', '60');
    await secretariat.click(`li[data-item-id="${statusId}"] .agenda-edit button[type=submit]`);
    await secretariat.locator(`li[data-item-id="${statusId}"] .item-title`, { hasText: '(udkast 1)' }).waitFor();
    expect(await secretariat.textContent('.agenda-sum')).toContain('70 af mødets 180 minutter');
    const agenda = ((await ok(t, token[SECRETARIAT], meeting, { id: meetingId })).meeting.agenda as { id: string; title: string; position: number; durationMinutes: number; deliverableId: string | null }[]).sort((a, b) => a.position - b.position);
    expect(agenda.map((a) => [a.id, a.title, a.durationMinutes, a.deliverableId])).toEqual([
      [welcomeId, 'Velkomst og godkendelse af dagsorden', 10, null],
      [statusId, 'Status på afdækningen af kapacitet og kompetencer (udkast 1)', 60, draftId],
    ]);
    await checkPage(secretariat, 'story-agenda');

    // 4. The answers: the member says yes from the invitation's mail link; the chair on her meeting page.
    const yes = actionLinks(invitation)[0];
    await answerFromMail(yes.url);
    const chairMeeting = await signedIn(CHAIR, `/meetings/${meetingId}`);
    await chairMeeting.check('form.rsvp input[type=radio][value=YES]');
    await chairMeeting.click('form.rsvp button[type=submit]');
    await chairMeeting.waitForSelector('form.rsvp [role=status]:not(:empty)');
    await chairMeeting.context().close();
    const answered = (await ok(t, token[SECRETARIAT], meeting, { id: meetingId })).meeting.invitations as { personId: string; rsvp: string }[];
    const rsvpOf = new Map(answered.map((i) => [i.personId, i.rsvp]));
    expect([rsvpOf.get(person[MEMBER]), rsvpOf.get(person[CHAIR])]).toEqual(['YES', 'YES']);
    await secretariat.goto(`${t.url}/meetings/${meetingId}/invitations`);
    await secretariat.waitForSelector('section[aria-labelledby=unanswered-title] li');
    const unanswered = await secretariat.locator('section[aria-labelledby=unanswered-title] li').allTextContents();
    expect(unanswered).not.toContain('Louise Attrapsen');
    expect(unanswered).not.toContain('Karen Demosen');
    expect(unanswered.length).toBe(answered.length - 2);
    await checkPage(secretariat, 'story-invitations');

    // 5. The day comes (the clock is moved, not the meeting: its answers stay): attendance.
    await t.db.query(`UPDATE meeting SET starts_at = now() - interval '1 hour', ends_at = now() + interval '2 hours' WHERE id = $1`, [meetingId]);
    await secretariat.goto(`${t.url}/meetings/${meetingId}/attendance`);
    await secretariat.waitForSelector('#attendance-save');
    // The two who said yes are filled in as present from their answers; the rest stay unmarked.
    await secretariat.click('#attendance-from-answers');
    await secretariat.locator('form p.hint[role=status]', { hasText: '2 personer udfyldt fra deres svar' }).waitFor();
    expect(await secretariat.isChecked(`#attendance-${person[CHAIR]}-PRESENT`)).toBe(true);
    expect(await secretariat.isChecked(`#attendance-${person[MEMBER]}-PRESENT`)).toBe(true);
    expect(await secretariat.locator('form input[type=radio]:checked').count()).toBe(2);
    expect(await secretariat.isDisabled('#attendance-from-answers')).toBe(true);
    await secretariat.click('#attendance-save');
    await secretariat.waitForSelector('form p.saved:not(:empty)');
    const present = (await ok(t, token[SECRETARIAT], meeting, { id: meetingId })).meeting.invitations as { personId: string; attendance: string | null }[];
    const attendanceOf = new Map(present.map((i) => [i.personId, i.attendance]));
    expect([attendanceOf.get(person[CHAIR]), attendanceOf.get(person[MEMBER])]).toEqual(['PRESENT', 'PRESENT']);
    await checkPage(secretariat, 'story-attendance');

    // 6. The minutes: a decision and an action item; sent for justering to the chair and the member.
    await secretariat.click(`a[href="/meetings/${meetingId}/minutes/edit"]`);
    await secretariat.waitForSelector('#minutes-save');
    await secretariat.fill('#body', 'Formanden bød velkommen. Dagsordenen blev godkendt.');
    await secretariat.click('#add-decision');
    await secretariat.selectOption('#decisions-0-agendaItemId', agenda[1].id);
    await secretariat.fill('#decisions-0-text', 'Afdækningen sendes i høring i arbejdsgruppen.');
    await secretariat.click('#add-action-item');
    await secretariat.fill('#actionItems-0-title', 'Kommentere udkastet til afdækningen');
    await secretariat.selectOption('#actionItems-0-assigneePersonId', person[MEMBER]);
    await secretariat.fill('#actionItems-0-dueOn', DateTime.now().plus({ days: 14 }).toISODate()!);
    await secretariat.click('#minutes-save');
    await secretariat.waitForSelector('.minutes-form [role=status]:not(:empty)');
    await secretariat.check(`#adjuster-${person[CHAIR]}`);
    await secretariat.check(`#adjuster-${person[MEMBER]}`);
    await secretariat.click('#adjusters-send');
    await secretariat.waitForSelector('#adjusters li');
    let minutes = (await ok(t, token[SECRETARIAT], meeting, { id: meetingId })).meeting.minutes;
    expect(minutes).toMatchObject({
      status: 'IN_APPROVAL',
      decisions: [{ number: 1, text: 'Afdækningen sendes i høring i arbejdsgruppen.' }],
      actionItems: [{ title: 'Kommentere udkastet til afdækningen', assignee: { fullName: 'Louise Attrapsen' } }],
    });

    // The member approves from the mail's button; the chair on the meeting page.
    await worker.get(NotificationSweep).sweep();
    const justering = await mailTo(t.smtp, MEMBER, new RegExp(`Referat til godkendelse: ${MEETING_TITLE}`));
    await answerFromMail(actionLinks(justering)[0].url);
    const chairMinutes = await signedIn(CHAIR, `/meetings/${meetingId}`);
    await chairMinutes.click('section[aria-labelledby=minutes-approval] button');
    await chairMinutes.waitForSelector('section[aria-labelledby=minutes]');
    await chairMinutes.context().close();
    minutes = (await ok(t, token[SECRETARIAT], meeting, { id: meetingId })).meeting.minutes;
    expect(minutes.status).toBe('APPROVED');
    expect(minutes.adjusters.every((a: { approvedAt: string | null }) => a.approvedAt !== null)).toBe(true);

    // 7. A review round on a draft: the secretariat uploads it on the deliverable's page and opens the round.
    await secretariat.goto(`${t.url}/deliverables/${draftId}`);
    await secretariat.waitForSelector('#file');
    await secretariat.setInputFiles('#file', { name: 'Afdækning udkast 1.txt', mimeType: 'text/plain', buffer: Buffer.from('Udkast 1 til afdækningen af kapacitet og kompetencer.\n\n2.1 Regionernes behov\n', 'utf8') });
    await secretariat.click('section[aria-labelledby=upload-title] button[type=submit]');
    await secretariat.locator('#upload-status', { hasText: 'Version 1' }).waitFor();
    // The file keeps its name as the browser sent it (UTF-8): "æ", not "Ã¦".
    const versions = await ok(t, token[SECRETARIAT], `query($id: ID!) { deliverable(id: $id) { versions { number filename } } }`, { id: draftId });
    expect(versions.deliverable.versions).toEqual([{ number: 1, filename: 'Afdækning udkast 1.txt' }]);
    await secretariat.click(`a[href="/deliverables/${draftId}/review-rounds/new"]`);
    await secretariat.waitForSelector('#deadline');
    expect(await secretariat.isChecked(`#reviewer-${person[MEMBER]}`)).toBe(true);
    await secretariat.fill('#deadline', DateTime.now().plus({ days: 14 }).toISODate()!);
    await secretariat.fill('#message', 'Kommentér venligst især afsnit 2.1 om regionernes behov.');
    await secretariat.click('main form button[type=submit]');
    await secretariat.waitForURL(/\/review-rounds\/[^/]+\/follow$/);
    const roundId = /\/review-rounds\/([^/]+)\/follow$/.exec(secretariat.url())![1];
    const round = `query($id: ID!) { reviewRound(id: $id) { status deliverable { status } reviewers { personId answered } comments { number body } } }`;
    expect((await ok(t, token[SECRETARIAT], round, { id: roundId })).reviewRound).toMatchObject({ status: 'OPEN', deliverable: { status: 'IN_REVIEW' } });

    // 8. The member answers from the round's mail, without signing in.
    const review = await mailTo(t.smtp, MEMBER, new RegExp(`^Høring: ${DRAFT_TITLE.replace(/[()]/g, '\\$&')} \\(version 1\\)`));
    expect(review.parsed.text).toContain('Kommentér venligst især afsnit 2.1 om regionernes behov.');
    await answerFromMail(actionLinks(review).find((l) => l.label === 'Kommentér')!.url, async (page) => {
      await page.check('input[name=anchorKind][value=section]');
      await page.fill('input[name=anchor]', '2.1');
      await page.fill('textarea[name=body]', 'Behovet for genetiske vejledere i regionerne mangler i afdækningen.');
    });
    const reviewed = (await ok(t, token[SECRETARIAT], round, { id: roundId })).reviewRound;
    expect(reviewed.reviewers.find((r: { personId: string }) => r.personId === person[MEMBER]).answered).toBe(true);
    expect(reviewed.comments).toEqual([{ number: 1, body: 'Behovet for genetiske vejledere i regionerne mangler i afdækningen.' }]);

    // 9. The comment matrix, downloaded from the follow page, holds the comment.
    await secretariat.reload();
    await secretariat.waitForSelector('#answers');
    await checkPage(secretariat, 'story-review-follow');
    const [csv] = await Promise.all([secretariat.waitForEvent('download'), secretariat.click('a[download][href*="csv"]')]);
    const matrix = readFileSync((await csv.path())!, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(matrix).toHaveLength(2);
    expect(matrix[1]).toContain('Louise Attrapsen');
    expect(matrix[1]).toContain('Behovet for genetiske vejledere i regionerne mangler i afdækningen.');

    // 10. A status report compiled on demand, announced to the commissioners.
    await secretariat.goto(`${t.url}/commissions/${commissionId}/status-reports`);
    await secretariat.waitForSelector('#notifyCommissioners');
    await secretariat.check('#notifyCommissioners');
    await secretariat.click('section[aria-labelledby=compile] button[type=submit]');
    const link = secretariat.locator('section[aria-labelledby=compile] [role=status] a');
    await link.waitFor();
    const reportId = /\/reports\/([^/?]+)(?:\?lang=da)?$/.exec((await link.getAttribute('href'))!)![1];
    const compiled = await ok(t, token[SECRETARIAT], `query($id: ID!) { statusReport(id: $id) { kind openedBy { personId asCommissioner } } }`, { id: reportId });
    expect(compiled.statusReport).toEqual({ kind: 'ON_DEMAND', openedBy: [] });

    // The mail log shows what went to the member and the answers given from the mails, in the secretariat's language.
    await secretariat.goto(`${t.url}/commissions/${commissionId}/mail`);
    await secretariat.waitForSelector('section[aria-labelledby=answers] li');
    const given = await secretariat.locator('section[aria-labelledby=answers] li').allTextContents();
    for (const answer of ['Louise Attrapsen: Svar på tidsforslag — forslag 1: Nej, forslag 2: Ja', 'Louise Attrapsen: Svar på mødeinvitation — Kommer', 'Louise Attrapsen: Godkendelse af referat — Godkendt']) {
      expect(given.some((line) => line.startsWith(answer))).toBe(true);
    }
    expect(given.some((line) => /^Louise Attrapsen: .* — .*1 kommentar/.test(line))).toBe(true);
    await checkPage(secretariat, 'story-mail-log');
    await secretariat.context().close();

    // 11. The commissioner reads it from the mail: signs in on the way, and the opening is recorded.
    const announcement = await mailTo(t.smtp, COMMISSIONER, /Statusrapport/, scaled(30_000));
    const url = new RegExp(`https?://[^\\s]+/reports/${reportId}`).exec(announcement.parsed.text ?? '')![0];
    const context = await newBrowserContext(browser);
    const reader = await context.newPage();
    await reader.goto(url);
    await submitSignIn(reader, COMMISSIONER, DEMO_PASSWORD);
    await reader.waitForURL(`${t.url}/reports/${reportId}`);
    await reader.waitForSelector('#h-deliverables');
    expect(await reader.textContent('main')).toContain(DRAFT_TITLE);
    await checkPage(reader, 'story-report');
    // "All reports of the commission" leads to the web application's list.
    await reader.click(`a[href="/commissions/${commissionId}/status-reports"]`);
    await reader.waitForURL(`${t.url}/commissions/${commissionId}/status-reports`);
    await reader.waitForSelector(`a[href^="/reports/${reportId}?lang="]`);
    await context.close();
    const opened = await ok(t, token[SECRETARIAT], `query($id: ID!) { statusReport(id: $id) { openedBy { personId asCommissioner } } }`, { id: reportId });
    expect(opened.statusReport.openedBy).toEqual([{ personId: person[COMMISSIONER], asCommissioner: true }]);
  });
});
