import { INestApplicationContext } from '@nestjs/common';
import { print } from 'graphql';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { NotificationSweep } from '@samverkan/notifications';
import { AttendancePage } from '../../apps/web/src/meetings/attendance/attendance-page.operations';
import { MinutesEditorPage } from '../../apps/web/src/meetings/minutes/minutes-editor-page.operations';
import { checkPage, launchBrowser, signedInPage } from '../harness/browser';
import { TEST_PASSWORD } from '../harness/factories';
import { actionLinks, mailTo } from '../harness/mail-browser';
import { GroupFixture, createMeeting, groupWithMembers } from '../harness/meeting-fixtures';
import { scaled } from '../harness/progress';
import { ok } from '../harness/structure-fixtures';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { eventually, startTestWorker } from '../harness/test-worker';

/**
 * Issue 19, on the day and after, in headless Chromium: the secretariat marks
 * attendance and sees the quorum per agenda item leave out a member with a
 * declared conflict of interest (and, once the minutes record another, that
 * item too); writes the minutes with a decision and an action item; sends them
 * for justering; one adjuster approves from the mail link, the other on the
 * meeting page; the printable minutes show the approved minutes and print on
 * A4. Each step is checked through GraphQL; each page passes axe at 1280 and
 * 390 px without horizontal scrolling; the pages' statements do not grow with
 * the meeting.
 */

describe('the attendance, minutes and justering pages of the web application', () => {
  jest.setTimeout(scaled(180_000));
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let g: GroupFixture;
  let meetingId: string;
  let items: Record<string, string>;

  beforeAll(async () => {
    t = await startTestAppWithLinks();
    worker = await startTestWorker(t);
    browser = await launchBrowser();
    g = await groupWithMembers(t);
    // Declared before the meeting (jäv is declared ahead), then the meeting is on: begun an hour ago.
    const tomorrow = DateTime.now().plus({ days: 1 }).startOf('hour');
    const created = await createMeeting(t, g.secretariat.token, {
      workingGroupId: g.groupId,
      title: 'Arbejdsgruppemøde om efteruddannelse',
      startsAt: tomorrow.toUTC().toISO(),
      endsAt: tomorrow.plus({ hours: 2 }).toUTC().toISO(),
      agenda: [{ title: 'Kortlægning', durationMinutes: 30 }, { title: 'Indkøb af kursus', durationMinutes: 30 }, { title: 'Budget', durationMinutes: 30 }],
    });
    meetingId = created.createMeeting.meeting.id;
    items = Object.fromEntries(created.createMeeting.meeting.agenda.map((a: { id: string; title: string }) => [a.title, a.id]));
    await ok(t, g.members[0].token, `mutation($input: DeclareConflictOfInterestInput!) { declareConflictOfInterest(input: $input) { id } }`, {
      input: { agendaItemId: items['Indkøb af kursus'], reason: 'Jeg sidder i bestyrelsen for udbyderen.' },
    });
    const begun = DateTime.now().minus({ hours: 1 }).startOf('minute');
    await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`, {
      input: { id: meetingId, startsAt: begun.toUTC().toISO(), endsAt: begun.plus({ hours: 3 }).toUTC().toISO() },
    });
  }, scaled(180_000));
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  const signedIn = (email: string, options: Parameters<Browser['newContext']>[0] = {}) => signedInPage(browser, t.url, email, TEST_PASSWORD, options);
  const check = (page: Page, name: string) => checkPage(page, `minutes-${name}`);

  const itemQuorum = async (page: Page, title: string) => (await page.locator(`.quorum-items li[data-item="${title}"]`).textContent()) ?? '';
  const itemMet = (page: Page, title: string) => page.locator(`.quorum-items li[data-item="${title}"] .met`).count();

  it('marks attendance, sees the quorum per item leave out a conflict, writes the minutes, sends them for justering; adjusters approve from mail and page; the printable minutes print on A4', async () => {
    const [anna, bo, cleo] = g.members;
    const { context, page } = await signedIn(g.secretariat.email);

    // The meeting page leads the secretariat to the attendance page.
    await page.goto(`${t.url}/meetings/${meetingId}`);
    await page.click(`a[href="/meetings/${meetingId}/attendance"]`);
    await page.waitForSelector('#attendance-save');
    await page.check(`#attendance-${anna.id}-PRESENT`);
    await page.check(`#attendance-${bo.id}-PRESENT`);
    await page.check(`#attendance-${cleo.id}-ABSENT`);
    await page.click('#attendance-save');
    await page.waitForSelector('form p.saved:not(:empty)');
    const recorded = await ok(t, g.secretariat.token, `query($id: ID!) { meeting(id: $id) { invitations { personId attendance } } }`, { id: meetingId });
    const attendanceOf = new Map(recorded.meeting.invitations.map((i: { personId: string; attendance: string | null }) => [i.personId, i.attendance]));
    expect([attendanceOf.get(anna.id), attendanceOf.get(bo.id), attendanceOf.get(cleo.id)]).toEqual(['PRESENT', 'PRESENT', 'ABSENT']);
    // Two of three seats: quorum on the mapping, not on the purchase where Anna declared a conflict.
    await eventually(async () => (await itemMet(page, 'Kortlægning')) === 1, 15_000, 'the quorum to show');
    expect(await itemMet(page, 'Indkøb af kursus')).toBe(0);
    expect(await itemQuorum(page, 'Indkøb af kursus')).toContain('Jeg sidder i bestyrelsen for udbyderen.');
    expect(await itemMet(page, 'Budget')).toBe(1);
    await check(page, 'attendance');

    // The minutes: a decision, an action item with owner and due date; Anna's declared conflict is filled in; Bo's on the budget is added.
    await page.click(`a[href="/meetings/${meetingId}/minutes/edit"]`);
    await page.waitForSelector('#minutes-save');
    expect(await page.inputValue('#conflictsOfInterest-0-reason')).toBe('Jeg sidder i bestyrelsen for udbyderen.');
    await page.fill('#body', 'Mødet blev åbnet kl. 10.');
    await page.fill(`#note-${items['Kortlægning']}`, 'Sekretariatet fremlagde kortlægningen.');
    await page.click('#add-decision');
    await page.selectOption('#decisions-0-agendaItemId', items['Kortlægning']);
    await page.fill('#decisions-0-text', 'Kortlægningen godkendes.');
    await page.click('#add-action-item');
    await page.fill('#actionItems-0-title', 'Send kortlægningen til bestyrelsen');
    await page.selectOption('#actionItems-0-assigneePersonId', bo.id);
    await page.fill('#actionItems-0-dueOn', '2030-01-15');
    await page.click('#add-conflict');
    // Sent without a reason: refused at the field, nothing saved.
    await page.selectOption('#conflictsOfInterest-1-agendaItemId', items['Budget']);
    await page.selectOption('#conflictsOfInterest-1-personId', bo.id);
    await page.click('#minutes-save');
    await page.waitForSelector('.error-summary a[href="#conflictsOfInterest-1-reason"]');
    expect(await page.getAttribute('#conflictsOfInterest-1-reason', 'aria-invalid')).toBe('true');
    expect((await ok(t, g.secretariat.token, `query($id: ID!) { meeting(id: $id) { minutes { id } } }`, { id: meetingId })).meeting.minutes).toBeNull();
    await page.fill('#conflictsOfInterest-1-reason', 'Ansat i Region Midtjylland');
    await page.click('#minutes-save');
    await page.waitForSelector('.minutes-form [role=status]:not(:empty)');
    const read = `query($id: ID!) { meeting(id: $id) { minutes { id status body notes { text } decisions { number text agendaItemId } actionItems { title dueOn assignee { fullName } }
      conflictsOfInterest { agendaItemId person { fullName } reason } adjusters { person { fullName } approvedAt } } } }`;
    const draft = (await ok(t, g.secretariat.token, read, { id: meetingId })).meeting.minutes;
    expect(draft).toMatchObject({
      status: 'DRAFT',
      body: 'Mødet blev åbnet kl. 10.',
      notes: [{ text: 'Sekretariatet fremlagde kortlægningen.' }],
      decisions: [{ number: 1, text: 'Kortlægningen godkendes.', agendaItemId: items['Kortlægning'] }],
      actionItems: [{ title: 'Send kortlægningen til bestyrelsen', dueOn: '2030-01-15', assignee: { fullName: 'Bo Bentsen' } }],
    });
    expect(draft.conflictsOfInterest).toEqual([
      { agendaItemId: items['Indkøb af kursus'], person: { fullName: 'Anna Andersson' }, reason: 'Jeg sidder i bestyrelsen for udbyderen.' },
      { agendaItemId: items['Budget'], person: { fullName: 'Bo Bentsen' }, reason: 'Ansat i Region Midtjylland' },
    ]);
    await check(page, 'minutes-editor');

    // The conflict recorded in the minutes changes the budget's quorum.
    await page.click(`a[href="/meetings/${meetingId}/attendance"]`);
    await page.waitForSelector('.quorum-items');
    expect(await itemMet(page, 'Budget')).toBe(0);
    expect(await itemQuorum(page, 'Budget')).toContain('Ansat i Region Midtjylland');
    expect(await itemMet(page, 'Kortlægning')).toBe(1);

    // Send for justering to Anna and the chair.
    await page.click(`a[href="/meetings/${meetingId}/minutes/edit"]`);
    await page.waitForSelector('#adjusters-send');
    await page.click('#adjusters-send');
    await page.waitForSelector('.error-summary a[href="#adjusterIds"]');
    await page.check(`#adjuster-${anna.id}`);
    await page.check(`#adjuster-${g.chair.id}`);
    await page.click('#adjusters-send');
    await page.waitForSelector('#adjusters li');
    expect((await ok(t, g.secretariat.token, read, { id: meetingId })).meeting.minutes.status).toBe('IN_APPROVAL');
    expect(await page.locator('#adjusters li').count()).toBe(2);
    await check(page, 'minutes-in-approval');

    // Anna approves from the mail's button, without signing in.
    await worker.get(NotificationSweep).sweep();
    const [button] = actionLinks(await mailTo(t.smtp, anna.email, /Protokoll att justera: Arbejdsgruppemøde om efteruddannelse/));
    const mailContext = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const mailPage = await mailContext.newPage();
    await mailPage.goto(button.url);
    expect(await mailPage.locator('main').textContent()).toContain('Kortlægningen godkendes.');
    await mailPage.locator('button[type=submit]').click();
    await mailPage.locator('[role=status] h1').waitFor();
    await mailContext.close();
    let status = (await ok(t, g.secretariat.token, read, { id: meetingId })).meeting.minutes;
    expect(status.status).toBe('IN_APPROVAL');
    expect(status.adjusters.find((a: { person: { fullName: string } }) => a.person.fullName === 'Anna Andersson').approvedAt).not.toBeNull();

    // The chair approves on the meeting page.
    const chair = await signedIn(g.chair.email);
    await chair.page.goto(`${t.url}/meetings/${meetingId}`);
    await chair.page.click('section[aria-labelledby=minutes-approval] button');
    await chair.page.waitForSelector('section[aria-labelledby=minutes]');
    await chair.context.close();
    status = (await ok(t, g.secretariat.token, read, { id: meetingId })).meeting.minutes;
    expect(status.status).toBe('APPROVED');

    // The secretariat sees each adjuster's approval; the minutes no longer change.
    await page.reload();
    await page.waitForSelector('#adjusters li');
    expect(await page.locator('#minutes-save').count()).toBe(0);
    expect(await page.locator('#adjusters li').allTextContents()).toHaveLength(2);
    await check(page, 'minutes-approved');

    // The printable minutes: the approved text, the conflicts, and A4 in print.
    await page.click(`a[href="/meetings/${meetingId}/minutes"]`);
    await page.waitForSelector('main h2#attendance');
    const printable = (await page.textContent('body')) ?? '';
    for (const text of ['Kortlægningen godkendes.', 'Send kortlægningen til bestyrelsen', 'Ansat i Region Midtjylland', 'Jeg sidder i bestyrelsen for udbyderen.', 'Anna Andersson', 'Karen Formand']) {
      expect(printable).toContain(text);
    }
    expect(await page.locator('.state').textContent()).not.toMatch(/Draft|Utkast|Udkast/);
    await context.close();
    // Axe needs its script in the page, which the page's CSP refuses: a context that bypasses it, as the mail-page tests do.
    const { context: axeContext, page: print_ } = await signedIn(g.secretariat.email, { bypassCSP: true });
    await print_.goto(`${t.url}/meetings/${meetingId}/minutes`);
    await print_.waitForSelector('main h2#attendance');
    await check(print_, 'printable');
    await print_.emulateMedia({ media: 'print' });
    // A4 is 210 mm wide: 794 CSS px, 643 inside the 2 cm margins.
    await print_.setViewportSize({ width: 643, height: 1000 });
    expect(await print_.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
    const pdf = await print_.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The page size the print CSS asks for: A4, 595 × 842 points.
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
    await axeContext.close();

    // The action item goes on the group's next meeting's agenda.
    const next = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, ...nextWeek() });
    const carried = await ok(t, g.secretariat.token, `query($id: ID!) { meeting(id: $id) { carriedActionItems { title dueOn } } }`, { id: next.createMeeting.meeting.id });
    expect(carried.meeting.carriedActionItems).toEqual([{ title: 'Send kortlægningen til bestyrelsen', dueOn: '2030-01-15' }]);
  });

  it('asks the same number of SQL statements for the attendance and minutes pages of a small and a large meeting', async () => {
    const start = DateTime.now().minus({ days: 3 }).startOf('hour');
    const meeting = async (count: number) => {
      const created = await createMeeting(t, g.secretariat.token, {
        workingGroupId: g.groupId,
        startsAt: start.toUTC().toISO(),
        endsAt: start.plus({ hours: 2 }).toUTC().toISO(),
        agenda: Array.from({ length: count }, (_, i) => ({ title: `Punkt ${i + 1}`, durationMinutes: 5 })),
      });
      const id: string = created.createMeeting.meeting.id;
      const agenda: { id: string }[] = created.createMeeting.meeting.agenda;
      await ok(t, g.secretariat.token, `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`, {
        input: { meetingId: id, entries: g.members.map((m) => ({ personId: m.id, attendance: 'PRESENT' })) },
      });
      await ok(t, g.secretariat.token, `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`, {
        input: {
          meetingId: id,
          decisions: agenda.map((a, i) => ({ agendaItemId: a.id, text: `Beslut ${i + 1}` })),
          actionItems: agenda.map((a, i) => ({ agendaItemId: a.id, title: `Åtgärd ${i + 1}`, assigneePersonId: g.members[i % 3].id })),
          conflictsOfInterest: agenda.map((a, i) => ({ agendaItemId: a.id, personId: g.members[i % 3].id, reason: 'Jäv' })),
          notes: agenda.map((a) => ({ agendaItemId: a.id, text: 'Anteckning' })),
        },
      });
      return id;
    };
    const small = await meeting(2);
    const large = await meeting(15);
    for (const document of [AttendancePage, MinutesEditorPage]) {
      const statements = async (id: string) => {
        const result = await t.gql(print(document), { id }, { token: g.secretariat.token });
        expect(result.errors).toBeUndefined();
        return result.extensions?.sqlStatements as number;
      };
      const [few, many] = [await statements(small), await statements(large)];
      expect({ page: print(document).slice(0, 30), many }).toEqual({ page: print(document).slice(0, 30), many: few });
    }
  });
});

function nextWeek() {
  const start = DateTime.now().plus({ days: 7 }).startOf('hour');
  return { startsAt: start.toUTC().toISO(), endsAt: start.plus({ hours: 2 }).toUTC().toISO() };
}
