import { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkPage, launchBrowser, newBrowserContext, submitSignIn, tabTo } from '../harness/browser';
import { TEST_PASSWORD } from '../harness/factories';
import { createMeeting, GroupFixture, groupWithMembers, mailsTo } from '../harness/meeting-fixtures';
import { scaled } from '../harness/progress';
import { group, ok } from '../harness/structure-fixtures';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { startTestWorker } from '../harness/test-worker';

/**
 * Issue 19, scheduling: the secretariat finds a date by poll in the browser
 * (options, the answers grid, choose → the meeting is created and invited),
 * follows the invitations (who answered what, who sends a substitute, who has
 * not answered, a reminder that a double press sends once, double bookings
 * across groups, a change of place that invites again and starts the answers
 * over), and builds the agenda: a reorder with the keyboard only, the same
 * request as drag and drop, announced; a reorder that raced another
 * secretary's says so and shows the current order. Every step is checked
 * through GraphQL and the mails in the SMTP sink; axe-core at 1280 and 390 px.
 */

/** Presses Shift+Tab until the focused element matches (back to an earlier control, as a keyboard user would). */
async function shiftTabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await page.evaluate(`!!document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`)) return;
  }
  throw new Error(`Shift+Tab never reached ${selector}`);
}

/** A whole hour `days` ahead as a datetime-local value (read in the meeting's or poll's time zone). */
function slot(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

describe('scheduling and the agenda builder in the web application', () => {
  jest.setTimeout(scaled(600_000));
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let g: GroupFixture;

  beforeAll(async () => {
    t = await startTestAppWithLinks();
    worker = await startTestWorker(t);
    browser = await launchBrowser();
    g = await groupWithMembers(t);
    await t.db.query(`UPDATE person SET locale = 'sv', time_zone = 'Europe/Stockholm' WHERE id = $1`, [g.secretariat.id]);
  }, scaled(300_000));
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  async function signedIn(next: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newBrowserContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${t.url}/sign-in?next=${encodeURIComponent(next)}`);
    await submitSignIn(page, g.secretariat.email, TEST_PASSWORD);
    await page.waitForURL((url) => url.pathname === next);
    await page.waitForSelector('main h1');
    return { context, page };
  }

  const check = (page: Page, shot: string) => checkPage(page, `${shot}`);

  const [anna, bo, cleo] = [0, 1, 2];

  it('finds a date by poll, chooses it, and follows the invitations: answers, reminder, double bookings, a change that invites again', async () => {
    const title = 'Arbetsgruppsmöte om hälsodata';
    const first = { startsAt: slot(40, 9), endsAt: slot(40, 11) };
    const second = { startsAt: slot(41, 13), endsAt: slot(41, 15) };
    // Anna sits in another group of the commission too, whose meeting overlaps the second time.
    const otherGroup = await group(t, g.secretariat.token, g.commissionId, { name: 'Referensgruppen' });
    await createMeeting(t, g.secretariat.token, {
      workingGroupId: otherGroup, title: 'Referensgruppens möte', kind: 'MEETING', timeZone: 'Europe/Stockholm',
      startsAt: slot(41, 14), endsAt: slot(41, 16), agenda: [], guestIds: [g.members[anna].id], inviteMembers: false, isOpen: false, waitlistOpen: false,
    });

    const { context, page } = await signedIn(`/working-groups/${g.groupId}/date-polls/new`);
    await check(page, 'poll-new');
    await page.fill('#title', title);
    await page.fill('#place', 'Rosenbad, sal 3');
    await page.fill('#option-0-startsAt', first.startsAt);
    await page.fill('#option-0-endsAt', first.endsAt);
    await page.click('form button.secondary-button:last-of-type');
    await page.fill('#option-1-startsAt', second.startsAt);
    await page.fill('#option-1-endsAt', second.endsAt);
    await page.click('form button[type=submit]');
    await page.waitForURL(/\/date-polls\/[^/]+\/answers$/);
    const pollId = new URL(page.url()).pathname.split('/')[2];

    // Everyone the meeting would invite is asked by mail (the chair and the three members; not the substitute).
    for (const person of [...g.members, g.chair]) await mailsTo(t, person.email, /När passar det|Hvornår passer det|When suits you/);
    expect(t.smtp.to(g.substitute.email).filter((m) => /När passar det/.test(m.parsed.subject ?? ''))).toHaveLength(0);
    const poll = await ok(t, g.secretariat.token, `query($id: ID!) { datePoll(id: $id) { title status options { option { id startsAt } } } }`, { id: pollId });
    expect(poll.datePoll).toMatchObject({ title, status: 'open' });
    const [optionA, optionB] = poll.datePoll.options.map((o: { option: { id: string } }) => o.option.id);

    // Anna and Bo answer; Cleo and the chair do not.
    await ok(t, g.members[anna].token, `mutation($input: AnswerDatePollInput!) { answerDatePoll(input: $input) { id } }`, {
      input: { pollId, votes: [{ optionId: optionA, answer: 'NO' }, { optionId: optionB, answer: 'YES' }] },
    });
    await ok(t, g.members[bo].token, `mutation($input: AnswerDatePollInput!) { answerDatePoll(input: $input) { id } }`, {
      input: { pollId, votes: [{ optionId: optionA, answer: 'YES' }, { optionId: optionB, answer: 'IF_NEED_BE' }] },
    });
    await page.reload();
    await page.waitForSelector('table.grid');
    const grid = await page.$$eval('table.grid tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
    expect(grid).toEqual([
      ['Anna Andersson', 'Nej', 'Ja'],
      ['Bo Bentsen', 'Ja', 'Om det behövs'],
      ['Cleo Clarke', 'Inte svarat', 'Inte svarat'],
      ['Karen Formand', 'Inte svarat', 'Inte svarat'],
    ]);
    // The second time suits most (yes + if need be): it is marked and chosen by default.
    expect(await page.textContent('table.grid thead th.best')).toContain('bäst');
    await check(page, 'poll-answers');
    await page.click('main form button[type=submit]');
    await page.waitForURL(/\/meetings\/[^/]+\/invitations$/);
    const meetingId = new URL(page.url()).pathname.split('/')[2];

    // The poll is closed with the meeting, which is at the second time and invited the group.
    const after = await ok(t, g.secretariat.token, `query($p: ID!, $m: ID!) { datePoll(id: $p) { status chosenOptionId meetingId }
      meeting(id: $m) { title startsAt place invitations { rsvp role person { fullName } } } }`, { p: pollId, m: meetingId });
    expect(after.datePoll).toEqual({ status: 'closed', chosenOptionId: optionB, meetingId });
    expect(after.meeting.startsAt).toBe(poll.datePoll.options[1].option.startsAt);
    expect(after.meeting.invitations.map((i: { person: { fullName: string } }) => i.person.fullName).sort()).toEqual(['Anna Andersson', 'Bo Bentsen', 'Cleo Clarke', 'Karen Formand', 'Sune Suppleant']);
    for (const person of g.members) await mailsTo(t, person.email, new RegExp(`^(Inbjudan|Invitation): ${title}`));

    // Double bookings across groups: Anna is also invited to the other group's meeting.
    await page.waitForSelector('ul.double-bookings');
    expect(await page.textContent('ul.double-bookings')).toContain('Anna Andersson är också inbjuden till Referensgruppens möte (');
    expect(await page.textContent('ul.double-bookings')).toContain('kl. 14:00).');

    // Bo sends his substitute, Anna comes; the page shows who answered what and who has not.
    await ok(t, g.members[anna].token, `mutation($m: ID!) { rsvp(meetingId: $m, input: { answer: YES }) { rsvp } }`, { m: meetingId });
    await ok(t, g.members[bo].token, `mutation($m: ID!, $input: RsvpInput!) { rsvp(meetingId: $m, input: $input) { rsvp } }`, { m: meetingId, input: { answer: 'SUBSTITUTE', substituteName: 'Birgitte Holm' } });
    await page.reload();
    await page.waitForSelector('table.stacked');
    const rows = await page.$$eval('table.stacked tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => (c.textContent ?? '').trim())));
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Anna Andersson', 'Ledamot', 'Kommer', ''],
        ['Bo Bentsen', 'Ledamot', 'Skickar ersättare', 'Birgitte Holm'],
        ['Cleo Clarke', 'Ledamot', 'Inte svarat', ''],
        ['Karen Formand', 'Ordförande', 'Inte svarat', ''],
      ]),
    );
    const unanswered = await page.$$eval('section[aria-labelledby=unanswered-title] li', (lis) => lis.map((li) => li.textContent));
    expect(unanswered).toEqual(['Karen Formand', 'Cleo Clarke']);
    await check(page, 'invitations');

    // Remind, twice in a row: those who have not answered get one reminder each (keyed by the minute).
    const minuteBefore = new Date().toISOString().slice(0, 16);
    const remind = page.locator('section[aria-labelledby=unanswered-title] button');
    await remind.click();
    await page.locator('section[aria-labelledby=unanswered-title] [role=status]', { hasText: '2 påminnelser skickade.' }).waitFor();
    await remind.click();
    await page.locator('section[aria-labelledby=unanswered-title] [role=status]', { hasText: /inget mer skickades|påminnelser skickade/ }).waitFor();
    const minuteAfter = new Date().toISOString().slice(0, 16);
    await mailsTo(t, g.members[cleo].email, /^(Please answer|Svara på inbjudan|Svar på invitationen): /);
    await mailsTo(t, g.chair.email, /^(Please answer|Svara på inbjudan|Svar på invitationen): /);
    const reminders: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE dedupe_key LIKE $1`, [`remind:${meetingId}:%`]);
    // Both presses fell in one minute (nearly always): two mails in all; across a minute's turn, at most four.
    if (minuteBefore === minuteAfter) expect(reminders[0].n).toBe(2);
    else expect(reminders[0].n).toBeLessThanOrEqual(4);
    expect(t.smtp.to(g.members[anna].email).filter((m) => /^Svara på inbjudan/.test(m.parsed.subject ?? ''))).toHaveLength(0);

    // A new place invites everyone again and starts the answers over (as the API does).
    await page.fill('#new-place', 'Näringsdepartementet, sal 5');
    await page.click('section[aria-labelledby=change-title] button[type=submit]');
    await page.locator('section[aria-labelledby=change-title] [role=status]', { hasText: 'Sparat.' }).waitFor();
    const moved = await ok(t, g.secretariat.token, `query($m: ID!) { meeting(id: $m) { place sequence invitations { rsvp } } }`, { m: meetingId });
    expect(moved.meeting.place).toBe('Näringsdepartementet, sal 5');
    expect(moved.meeting.sequence).toBe(1);
    expect(new Set(moved.meeting.invitations.map((i: { rsvp: string }) => i.rsvp))).toEqual(new Set(['PENDING']));
    await mailsTo(t, g.members[anna].email, new RegExp(`^(Ändrat|Ændret|Changed): ${title}`));
    await page.locator('section[aria-labelledby=answers-title] li', { hasText: 'Inte svarat: 5' }).waitFor();
    await context.close();
  });

  it('reorders an agenda with the keyboard only (announced, the order in GraphQL), and a reorder that raced another secretary’s says so', async () => {
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, {
      workingGroupId: g.groupId, title: 'Möte om dagordningen', kind: 'MEETING', timeZone: 'Europe/Stockholm',
      startsAt: slot(50, 9), endsAt: slot(50, 10), guestIds: [], inviteMembers: true, isOpen: false, waitlistOpen: false,
      agenda: [
        { title: 'Mötets öppnande', durationMinutes: 5, decisionExpected: false },
        { title: 'Ansökan om medel', durationMinutes: 40, presenterPersonId: g.chair.id, decisionExpected: true },
        { title: 'Övriga frågor', durationMinutes: 25, decisionExpected: false },
      ],
    });
    const meetingId: string = created.meeting.id;
    const order = async () =>
      (await ok(t, g.secretariat.token, `query($m: ID!) { meeting(id: $m) { agenda { id title position } } }`, { m: meetingId })).meeting.agenda
        .sort((a: { position: number }, b: { position: number }) => a.position - b.position)
        .map((i: { title: string }) => i.title);
    const ids: Record<string, string> = Object.fromEntries(created.meeting.agenda.map((i: { id: string; title: string }) => [i.title, i.id]));
    // Anna declares a conflict of interest on the grant application.
    await ok(t, g.members[anna].token, `mutation($input: DeclareConflictOfInterestInput!) { declareConflictOfInterest(input: $input) { id } }`, {
      input: { agendaItemId: ids['Ansökan om medel'], reason: 'Jag sitter i sökandens styrelse.' },
    });

    const { context, page } = await signedIn(`/meetings/${meetingId}/agenda`);
    await page.waitForSelector('ol.agenda-builder');
    expect(await page.textContent('.agenda-sum')).toContain('70 av mötets 60 minuter');
    expect(await page.textContent('.overrun')).toContain('10 minuter mer');
    expect(await page.textContent(`li[data-item-id="${ids['Ansökan om medel']}"]`)).toContain('Anna Andersson: Jag sitter i sökandens styrelse.');
    await check(page, 'agenda');

    // Keyboard only: Tab to the last item's handle, arrow up twice.
    await tabTo(page, `li[data-item-id="${ids['Övriga frågor']}"] button.handle`);
    await page.keyboard.press('ArrowUp');
    await page.locator('#agenda-announcement', { hasText: '”Övriga frågor” flyttad till plats 2 av 3.' }).waitFor();
    await page.keyboard.press('ArrowUp');
    await page.locator('#agenda-announcement', { hasText: '”Övriga frågor” flyttad till plats 1 av 3.' }).waitFor();
    expect(await order()).toEqual(['Övriga frågor', 'Mötets öppnande', 'Ansökan om medel']);
    // The focus stays on the moved item's handle.
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toContain('Övriga frågor');
    // The buttons do the same: Tab to "move down" and press Enter.
    await tabTo(page, `li[data-item-id="${ids['Övriga frågor']}"] .moves button:nth-child(2)`);
    await page.keyboard.press('Enter');
    await page.locator('#agenda-announcement', { hasText: '”Övriga frågor” flyttad till plats 2 av 3.' }).waitFor();
    expect(await order()).toEqual(['Mötets öppnande', 'Övriga frågor', 'Ansökan om medel']);

    // Another secretary moves the grant application first meanwhile; this page still shows the old order.
    const seen = [ids['Mötets öppnande'], ids['Övriga frågor'], ids['Ansökan om medel']];
    await ok(t, g.secretariat.token, `mutation($input: ReorderAgendaInput!) { reorderAgenda(input: $input) { id } }`, {
      input: { meetingId, seenItemIds: seen, itemIds: [ids['Ansökan om medel'], ids['Mötets öppnande'], ids['Övriga frågor']] },
    });
    await shiftTabTo(page, `li[data-item-id="${ids['Mötets öppnande']}"] button.handle`);
    await page.keyboard.press('ArrowDown');
    await page.locator('.agenda-conflict[role=alert]').waitFor();
    expect(await page.textContent('.agenda-conflict')).toContain('Någon annan ändrade dagordningen');
    // The page shows the current order, which the refused move left as it was.
    const current = ['Ansökan om medel', 'Mötets öppnande', 'Övriga frågor'];
    await page.locator('ol.agenda-builder li:first-child .item-title', { hasText: current[0] }).waitFor();
    expect(await page.$$eval('ol.agenda-builder .item-title', (titles) => titles.map((e) => e.textContent))).toEqual(current);
    expect(await order()).toEqual(current);
    await check(page, 'agenda-conflict');
    await context.close();

    // The API's answers for a stale or incomplete order.
    const stale = await t.gql(`mutation($input: ReorderAgendaInput!) { reorderAgenda(input: $input) { id } }`, { input: { meetingId, seenItemIds: seen, itemIds: seen } }, { token: g.secretariat.token });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const incomplete = await t.gql(`mutation($input: ReorderAgendaInput!) { reorderAgenda(input: $input) { id } }`, {
      input: { meetingId, seenItemIds: [ids['Ansökan om medel'], ids['Mötets öppnande'], ids['Övriga frågor']], itemIds: [ids['Övriga frågor'], ids['Mötets öppnande']] },
    }, { token: g.secretariat.token });
    expect(incomplete.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // A member may not reorder.
    const member = await t.gql(`mutation($input: ReorderAgendaInput!) { reorderAgenda(input: $input) { id } }`, { input: { meetingId, seenItemIds: current.map((c) => ids[c]), itemIds: seen } }, { token: g.members[anna].token });
    expect(member.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('counts the same statements for double bookings and the answers grid however long the lists', async () => {
    const list = `query($g: ID!) { meetingList(workingGroupId: $g, first: 50) { edges { node { id maySchedule doubleBookings { personName otherTitle } } } } }`;
    const small = await groupWithMembers(t, g.admin);
    const large = await groupWithMembers(t, g.admin);
    const build = async (fixture: GroupFixture, count: number) => {
      for (let i = 0; i < count; i++) {
        // Each meeting overlaps the previous one: every invitee is double-booked.
        await createMeeting(t, fixture.secretariat.token, {
          workingGroupId: fixture.groupId, kind: 'MEETING', startsAt: slot(60 + Math.floor(i / 2), 9 + (i % 2)), endsAt: slot(60 + Math.floor(i / 2), 11 + (i % 2)),
          agenda: [], guestIds: [], inviteMembers: true, isOpen: false, waitlistOpen: false,
        });
      }
    };
    await build(small, 2);
    await build(large, 12);
    const two = await t.gql(list, { g: small.groupId }, { token: small.secretariat.token });
    const twelve = await t.gql(list, { g: large.groupId }, { token: large.secretariat.token });
    expect(two.errors).toBeUndefined();
    expect(twelve.errors).toBeUndefined();
    expect(twelve.data!.meetingList.edges[0].node.doubleBookings.length).toBeGreaterThan(0);
    expect(twelve.extensions?.sqlStatements).toBe(two.extensions?.sqlStatements);

    // The grid: one answer, then every invitee answered.
    const created = await ok(t, small.secretariat.token, `mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id options { option { id } } } }`, {
      input: { workingGroupId: small.groupId, title: 'Räkna', kind: 'MEETING', timeZone: 'Europe/Stockholm', options: [{ startsAt: slot(70, 9), endsAt: slot(70, 10) }, { startsAt: slot(71, 9), endsAt: slot(71, 10) }] },
    });
    const pollId = created.createDatePoll.id;
    const votes = created.createDatePoll.options.map((o: { option: { id: string } }) => ({ optionId: o.option.id, answer: 'YES' }));
    const grid = `query($id: ID!) { datePollAnswers(id: $id) { invited person { displayName } answers { optionId answer } } }`;
    await ok(t, small.members[0].token, `mutation($input: AnswerDatePollInput!) { answerDatePoll(input: $input) { id } }`, { input: { pollId, votes } });
    const one = await t.gql(grid, { id: pollId }, { token: small.secretariat.token });
    for (const person of [...small.members.slice(1), small.chair]) await ok(t, person.token, `mutation($input: AnswerDatePollInput!) { answerDatePoll(input: $input) { id } }`, { input: { pollId, votes } });
    const all = await t.gql(grid, { id: pollId }, { token: small.secretariat.token });
    expect(all.data!.datePollAnswers.filter((r: { answers: unknown[] }) => r.answers.length === 2)).toHaveLength(4);
    expect(all.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
    process.stdout.write(`scheduling statements: double bookings 2 meetings ${two.extensions?.sqlStatements}, 12 meetings ${twelve.extensions?.sqlStatements}; grid 1 answer ${one.extensions?.sqlStatements}, 4 answers ${all.extensions?.sqlStatements}\n`);
  });
});
