import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, SeedsModule, SeederService } from '@samverkan/seeds';
import { checkPage, launchBrowser, newBrowserContext, submitSignIn, tabTo } from '../harness/browser';
import { login } from '../harness/factories';
import { scaled } from '../harness/progress';
import { ok } from '../harness/structure-fixtures';
import { TestApp, startTestApp } from '../harness/test-app';

/**
 * The member's remaining pages of issue 17 in headless Chromium, each flow done
 * in the browser and checked through GraphQL: jäv on a meeting's agenda items
 * (with the keyboard alone) and the RSVP that names the seat's substitute;
 * settings (reminder kinds, calendar address, personal data); My seats; the
 * nomination request page of an organisation's contact; the working group's
 * seats by organisation; a lost connection (retry, nothing typed is lost) and
 * an ended session (sign in again, the answer being typed is back). Every page
 * passes axe at 1280 and 390 px without horizontal scrolling.
 */
const MEMBER = 'member@demo.samverkan.test';

describe('the member pages of the web application', () => {
  jest.setTimeout(scaled(120_000));
  let t: TestApp;
  let browser: Browser;
  let memberToken: string;
  let secretariat: string;
  let memberId: string;
  let groupId: string;
  let meetingId: string;
  let substituteId: string;
  let agenda: { id: string; title: string }[];

  beforeAll(async () => {
    t = await startTestApp({}, [SeedsModule]);
    await t.app.get(SeederService).seed({ ifEmpty: true });
    browser = await launchBrowser();
    memberToken = await login(t, MEMBER, DEMO_PASSWORD);
    secretariat = await login(t, 'secretariat@demo.samverkan.test', DEMO_PASSWORD);
    const me = await ok(t, memberToken, `{ me { person { id } seats { workingGroupId } } myWorkingGroups { id } }`);
    memberId = me.me.person.id;
    groupId = me.myWorkingGroups[0].id;
    // Henrik Mønstersen (proposed with the member in 2017) becomes the substitute on the member's seat.
    const appointments = await ok(t, memberToken, `query($id: ID!) { person(id: $id) { appointments { kind seat { id } } } }`, { id: memberId });
    const seatId = appointments.person.appointments.find((a: { kind: string }) => a.kind === 'PRINCIPAL').seat.id;
    const people = await ok(t, secretariat, `{ people(search: "Mønstersen", first: 5) { edges { node { id fullName } } } }`);
    substituteId = people.people.edges.find((e: { node: { fullName: string } }) => e.node.fullName === 'Henrik Mønstersen').node.id;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await ok(t, secretariat, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { seatId, personId: substituteId, kind: 'SUBSTITUTE', startsOn: yesterday } });
    // A meeting ahead of now in the member's group, with two agenda items.
    const starts = new Date(Date.now() + 10 * 86_400_000);
    starts.setUTCHours(8, 0, 0, 0);
    const created = await ok(t, secretariat, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id agenda { id title position } } } }`, {
      input: {
        workingGroupId: groupId,
        title: 'Møde om bevillinger til efteruddannelse',
        timeZone: 'Europe/Copenhagen',
        place: 'Ole Maaløes Vej 3, København',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
        agenda: [
          { title: 'Ansøgning fra Region Hovedstaden', durationMinutes: 30 },
          { title: 'Fordeling af midler', durationMinutes: 45 },
        ],
      },
    });
    meetingId = created.createMeeting.meeting.id;
    agenda = [...created.createMeeting.meeting.agenda].sort((a: { position: number }, b: { position: number }) => a.position - b.position);
  }, scaled(180_000));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newContext = (options?: Parameters<Browser['newContext']>[0]) => newBrowserContext(browser, options);
  const signIn = (page: Page, email = MEMBER) => submitSignIn(page, email, DEMO_PASSWORD);
  const check = (page: Page, name: string) => checkPage(page, `member-${name}`);

  /** Opens an address and signs in on the way (the app sends a signed-out reader to sign-in and back). */
  async function open(page: Page, address: string, email = MEMBER) {
    await page.goto(`${t.url}${address}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(page, email);
    await page.waitForURL(`${t.url}${address}`);
  }

  const declarations = (token: string) =>
    ok(t, token, `query($id: ID!) { meeting(id: $id) { declaredConflicts { agendaItemId reason person { fullName } } } }`, { id: meetingId }).then((d) => d.meeting.declaredConflicts);

  it('declares jäv on an agenda item with the keyboard alone, withdraws it, and lets the chair see everyone’s', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await open(page, `/meetings/${meetingId}`);
    await page.waitForSelector('h1:has-text("Møde om bevillinger")');
    await check(page, 'meeting');

    // Keyboard alone: Tab to the first item's "declare" disclosure, open it, type the reason, send.
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await tabTo(page, '.agenda > li:first-child summary');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.tagName')).toBe('TEXTAREA');
    await page.keyboard.type('Jeg sidder i bestyrelsen for ansøgerens forskningsfond.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Din inhabilitet er meldt.');
    expect(await declarations(memberToken)).toEqual([{ agendaItemId: agenda[0].id, reason: 'Jeg sidder i bestyrelsen for ansøgerens forskningsfond.', person: { fullName: 'Louise Attrapsen' } }]);
    expect(await page.textContent('section[aria-labelledby=conflicts]')).toContain('Jeg sidder i bestyrelsen');
    await check(page, 'meeting-conflict');

    // A reason is required: said at the field, which is tied to it.
    await page.click('.agenda > li:nth-child(2) summary');
    await page.click('.agenda > li:nth-child(2) form button[type=submit]');
    const error = page.locator('.agenda > li:nth-child(2) .field-error');
    expect(await error.textContent()).toBe('Udfyld begrundelsen.');
    const describedBy = await page.getAttribute('.agenda > li:nth-child(2) textarea', 'aria-describedby');
    expect(describedBy).toContain(await error.getAttribute('id'));
    await check(page, 'meeting-conflict-error');

    // Withdrawn: gone from the API as from the page.
    await page.click('.agenda > li:first-child button:has-text("Tilbagekald min inhabilitet")');
    await page.waitForSelector('text=Din inhabilitet er tilbagekaldt.');
    expect(await declarations(memberToken)).toEqual([]);
    expect(await page.locator('section[aria-labelledby=conflicts]').count()).toBe(0);
    await context.close();

    // Declared again (through the API): the group's chair sees the member's declaration by name.
    await ok(t, memberToken, `mutation($input: DeclareConflictOfInterestInput!) { declareConflictOfInterest(input: $input) { id } }`, { input: { agendaItemId: agenda[1].id, reason: 'Min afdeling modtager midler.' } });
    const chairContext = await newContext();
    const chairPage = await chairContext.newPage();
    await open(chairPage, `/meetings/${meetingId}`, 'chair@demo.samverkan.test');
    await chairPage.waitForSelector('#conflicts');
    const seen = await chairPage.textContent('section[aria-labelledby=conflicts]');
    expect(seen).toContain('Louise Attrapsen');
    expect(seen).toContain('Min afdeling modtager midler.');
    await chairContext.close();
  });

  it('offers "my substitute comes" naming the seat’s substitute, and sends them', async () => {
    const context = await newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await open(page, `/meetings/${meetingId}`);
    const option = page.locator('form.rsvp label', { hasText: 'Henrik Mønstersen' });
    expect(await option.textContent()).toBe('Min suppleant Henrik Mønstersen kommer');
    await option.locator('input').check();
    await page.click('form.rsvp button[type=submit]');
    await page.waitForSelector('text=Dit svar er gemt: Min suppleant Henrik Mønstersen kommer.');
    const stored = await ok(t, memberToken, `query($id: ID!) { meeting(id: $id) { myInvitation { rsvp substitutePersonId } } }`, { id: meetingId });
    expect(stored.meeting.myInvitation).toEqual({ rsvp: 'SUBSTITUTE', substitutePersonId: substituteId });
    await context.close();

    // The chair holds no seat with a substitute: no such choice.
    const chairContext = await newContext();
    const chairPage = await chairContext.newPage();
    await open(chairPage, `/meetings/${meetingId}`, 'chair@demo.samverkan.test');
    await chairPage.waitForSelector('form.rsvp');
    expect(await chairPage.locator('form.rsvp input[value=SUBSTITUTE]').count()).toBe(0);
    await chairContext.close();
  });

  it('saves reminder kinds, shows the calendar address once, copies and revokes it, and downloads my personal data', async () => {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url });
    const page = await context.newPage();
    await open(page, '/settings');
    await page.waitForSelector('#feed-status');
    await check(page, 'settings');
    // A kind that may not be turned off: disabled, its note under its label (not beside it), at both widths.
    const required = page.locator('label.kind:has(input:disabled)').first();
    expect(await required.count()).toBe(1);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const label = await required.locator('.kind-text > span').first().boundingBox();
      const note = await required.locator('.note').boundingBox();
      expect({ width, below: note!.y >= label!.y + label!.height - 1, sameLeft: Math.abs(note!.x - label!.x) < 1 }).toEqual({ width, below: true, sameLeft: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    // Turn one optional kind off.
    const optional = page.locator('label.kind:has(input:not(:disabled)) input').first();
    const kind = (await optional.getAttribute('name'))!.replace(/^kind-/, '');
    await optional.uncheck();
    await page.check('#delivery-DAILY');
    await page.click('form button[type=submit]');
    await page.waitForSelector('text=Dine indstillinger er gemt.');
    const prefs = await ok(t, memberToken, `{ myNotificationPreferences { delivery optedOutKinds } }`);
    expect(prefs.myNotificationPreferences).toEqual({ delivery: 'DAILY', optedOutKinds: [kind] });

    // The calendar address: none yet; made, shown once, copied; in use since; revoked.
    expect(await page.textContent('#feed-status')).toBe('Du har ingen kalenderadresse.');
    await page.click('#feed-create');
    const url = await page.inputValue('#feed-url');
    // The address names the API's public URL (PUBLIC_URL), which the test app does not listen on: its path is what counts.
    expect(url).toMatch(/^https?:\/\/[^/]+\/calendar\/[\w-]+\/feed\.ics$/);
    expect(await page.textContent('#feed-status')).toMatch(/^En kalenderadresse er i brug, oprettet /);
    expect((await t.http(new URL(url).pathname)).status).toBe(200);
    expect((await ok(t, memberToken, `{ myCalendarFeed { active } }`)).myCalendarFeed.active).toBe(true);
    await page.click('button:has-text("Kopiér")');
    await page.waitForSelector('text=Adressen er kopieret.');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);
    await check(page, 'settings-feed');
    await page.reload();
    await page.waitForSelector('#feed-status');
    expect(await page.locator('#feed-url').count()).toBe(0);
    expect(await page.textContent('#feed-status')).toMatch(/^En kalenderadresse er i brug, oprettet /);
    await page.click('button:has-text("Tilbagekald min kalenderadresse")');
    await page.waitForSelector('text=Din kalenderadresse virker ikke længere.');
    expect((await ok(t, memberToken, `{ myCalendarFeed { active } }`)).myCalendarFeed.active).toBe(false);
    expect((await t.http(new URL(url).pathname)).status).not.toBe(200);

    // My personal data as a JSON file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    expect(download.suggestedFilename()).toMatch(/^samverkan-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(JSON.stringify(exported)).toContain(MEMBER);
    expect(JSON.stringify(exported)).toContain('Louise Attrapsen');
    await page.waitForSelector('text=Dine personoplysninger er downloadet.');
    await context.close();
  });

  async function reviewRoundId(): Promise<string> {
    const chair = await login(t, 'chair@demo.samverkan.test', DEMO_PASSWORD);
    return (await ok(t, chair, `{ me { reviewsWaiting { reviewRoundId } } }`)).me.reviewsWaiting[0].reviewRoundId;
  }

  it('keeps what was typed when the connection drops, and sends it with "try again"', async () => {
    const roundId = await reviewRoundId();
    const context = await newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await open(page, `/review-rounds/${roundId}`);
    await page.waitForSelector('#answer');
    await page.check('#review-verdict-COMMENT');
    await page.fill('#review-summary', 'Afsnit 3 mangler en tidsplan for e-læringen.');
    await context.setOffline(true);
    await page.click('section[aria-labelledby=answer] button[type=submit]');
    const offline = page.locator('.offline[role=alert]');
    await offline.waitFor();
    expect(await offline.textContent()).toContain('Forbindelsen blev afbrudt. Det, du skrev, er gemt.');
    expect(await page.inputValue('#review-summary')).toBe('Afsnit 3 mangler en tidsplan for e-læringen.');
    expect(await page.isChecked('#review-verdict-COMMENT')).toBe(true);
    await check(page, 'review-offline');
    // Nothing reached the API.
    const answers = async () =>
      (await ok(t, memberToken, `query($id: ID!) { reviewRound(id: $id) { answers { verdict summary person { email } } } }`, { id: roundId })).reviewRound.answers.filter(
        (a: { person: { email: string } }) => a.person.email === MEMBER,
      );
    expect(await answers()).toHaveLength(1);
    await context.setOffline(false);
    await offline.locator('button:has-text("Prøv igen")').click();
    // The page says the answer is sent only once the API has stored it (the typed text is on the page all along).
    await page.waitForSelector('p.saved[role=status]:has-text("Dit svar er sendt.")');
    await page.waitForSelector('.offline', { state: 'detached' });
    expect(await answers()).toContainEqual({ verdict: 'COMMENT', summary: 'Afsnit 3 mangler en tidsplan for e-læringen.', person: { email: MEMBER } });

    // The same on the jäv form: the reason stays, and "try again" sends it.
    await page.goto(`${t.url}/meetings/${meetingId}`);
    await page.click('.agenda > li:first-child summary');
    await page.fill('.agenda > li:first-child textarea', 'Min ægtefælle er ansat hos ansøgeren.');
    await context.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await page.click('.agenda > li:first-child form button[type=submit]');
    await page.locator('.agenda > li:first-child .offline').waitFor();
    expect(await page.inputValue('.agenda > li:first-child textarea')).toBe('Min ægtefælle er ansat hos ansøgeren.');
    await context.unroute('**/graphql');
    await page.click('.agenda > li:first-child .offline button');
    await page.waitForSelector('text=Din inhabilitet er meldt.');
    expect((await declarations(memberToken)).map((d: { reason: string }) => d.reason)).toContain('Min ægtefælle er ansat hos ansøgeren.');
    await context.close();
  });

  it('after the session is revoked elsewhere, sends the member to sign in and back with the review answer still typed', async () => {
    const roundId = await reviewRoundId();
    const context = await newContext();
    const page = await context.newPage();
    await open(page, `/review-rounds/${roundId}`);
    await page.waitForSelector('#answer');
    await page.check('#review-verdict-APPROVE');
    await page.fill('#review-summary', 'Kan godkendes med tidsplanen.');
    await page.fill('#review-section', '3');
    await page.fill('#review-comment', 'Tidsplanen bør nævne foråret 2027.');
    // Signed out everywhere from another client (a token session of the same account).
    const other = await login(t, MEMBER, DEMO_PASSWORD);
    await ok(t, other, `mutation { logout(everywhere: true) }`);
    await page.click('section[aria-labelledby=answer] button[type=submit]');
    await page.waitForURL(/\/sign-in\?next=/);
    expect(await page.evaluate('JSON.stringify({ ...sessionStorage })')).not.toMatch(/ey[A-Za-z0-9_-]{10,}\./);
    await signIn(page);
    await page.waitForURL(`${t.url}/review-rounds/${roundId}`);
    await page.waitForSelector('#review-summary');
    expect(await page.inputValue('#review-summary')).toBe('Kan godkendes med tidsplanen.');
    expect(await page.inputValue('#review-section')).toBe('3');
    expect(await page.inputValue('#review-comment')).toBe('Tidsplanen bør nævne foråret 2027.');
    expect(await page.isChecked('#review-verdict-APPROVE')).toBe(true);
    await page.click('section[aria-labelledby=answer] button[type=submit]');
    await page.waitForSelector('text=Kan godkendes med tidsplanen.', { state: 'attached' });
    memberToken = await login(t, MEMBER, DEMO_PASSWORD);
    const round = await ok(t, memberToken, `query($id: ID!) { reviewRound(id: $id) { answers { verdict summary person { email } } comments { anchor body } } }`, { id: roundId });
    expect(round.reviewRound.answers).toContainEqual({ verdict: 'APPROVE', summary: 'Kan godkendes med tidsplanen.', person: { email: MEMBER } });
    expect(round.reviewRound.comments).toContainEqual({ anchor: '3', body: 'Tidsplanen bør nævne foråret 2027.' });
    await context.close();
  });
  it('shows My seats from the nav and My page: group, commission, organisation, role, substitute, term, time served — one request, statements flat', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await open(page, '/');
    await page.waitForSelector('h1:has-text("Min side")');
    await page.click('main a[href="/seats"]');
    await page.waitForURL(`${t.url}/seats`);
    await page.waitForSelector('#seats-current');
    expect(await page.evaluate('document.activeElement.tagName')).toBe('H1');
    const card = page.locator('section[aria-labelledby=seats-current] li.card').first();
    const text = await card.textContent();
    expect(text).toContain('Arbejdsgruppe for uddannelse');
    expect(text).toContain('Sundhedsstyrelsen, plads 1');
    expect(text).toContain('Medlem');
    expect(text).toContain('Min suppleantHenrik Mønstersen');
    // Time served is timeServed's figure: days in principal seats up to today.
    const served = (await ok(t, memberToken, `query($id: ID!) { timeServed(personId: $id) { days } }`, { id: memberId })).timeServed.days;
    expect(await page.textContent('#time-served')).toContain(`${new Intl.NumberFormat('da').format(served)} dage`);
    // The commission of the group, by name.
    const group = await ok(t, memberToken, `query($id: ID!) { workingGroup(id: $id) { commission { title } } }`, { id: groupId });
    expect(text).toContain(group.workingGroup.commission.title);
    await check(page, 'my-seats');

    // The nav link too; one request for the page, whose statements do not grow with another seat.
    const seatsLoad = async () => {
      const response = await page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('query MySeatsPage'));
      return ((await response.json()) as { extensions: { sqlStatements: number } }).extensions.sqlStatements;
    };
    const operations: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) operations.push(/(query|mutation) (\w+)/.exec(JSON.parse(request.postData() ?? '{}').query ?? '')?.[2] ?? '?');
    });
    await page.click('header a:has-text("Min side")');
    await page.waitForSelector('h1:has-text("Min side")');
    operations.length = 0;
    const first = seatsLoad();
    await page.click('header a:has-text("Mine pladser")');
    const before = await first;
    await page.waitForSelector('#seats-current');
    expect(operations).toEqual(['MySeatsPage']);
    // The member becomes substitute on another seat of the group (Danske Regioner's).
    const allocations = await ok(t, secretariat, `query($id: ID!) { workingGroup(id: $id) { allocations { organisation { name } seats { id } } } }`, { id: groupId });
    const other = allocations.workingGroup.allocations.find((a: { organisation: { name: string } }) => a.organisation.name === 'Danske Regioner').seats[0].id;
    await ok(t, secretariat, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { seatId: other, personId: memberId, kind: 'SUBSTITUTE', startsOn: new Date().toISOString().slice(0, 10) } });
    operations.length = 0;
    const second = seatsLoad();
    await page.reload();
    const after = await second;
    await page.waitForSelector('text=Danske Regioner, plads 1');
    expect(operations).toEqual(['MySeatsPage']);
    expect(after).toBe(before);
    const substituteCard = await page.locator('section[aria-labelledby=seats-current] li.card', { hasText: 'Danske Regioner' }).textContent();
    expect(substituteCard).toContain('Suppleant');
    expect(substituteCard).toContain('Ordinært medlem');
    await context.close();
  });

  it('lets an organisation’s contact nominate from My page, with the § 9 pair rule’s refusal shown at the reason field', async () => {
    // The DTU seat is vacant; the secretariat asks DTU, naming the demo member as its contact.
    const allocations = await ok(t, secretariat, `query($id: ID!) { workingGroup(id: $id) { allocations { id nominatingOrganisation { shortName } } } }`, { id: groupId });
    const dtu = allocations.workingGroup.allocations.find((a: { nominatingOrganisation: { shortName: string | null } }) => a.nominatingOrganisation.shortName === 'DTU').id;
    const deadline = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    const requested = await ok(t, secretariat, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id } }`, {
      input: { allocationId: dtu, contactPersonId: memberId, deadline, message: 'Vi beder om en kvinde og en mand.' },
    });
    const requestId = requested.requestNomination.id;

    const context = await newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await open(page, '/');
    await page.click(`section[aria-labelledby=my-nominations] a[href="/nomination-requests/${requestId}"]`);
    await page.waitForSelector('h1:has-text("Indstilling til")');
    const text = await page.textContent('main');
    expect(text).toContain('Danmarks Tekniske Universitet bedes indstille en person');
    expect(text).toContain('ligestillingsloven §§ 8–9');
    expect(text).toContain('Vi beder om en kvinde og en mand.');
    expect(await page.locator('fieldset.candidate').count()).toBe(2);
    // The contact cannot search the people register: the form says how an address links a person instead.
    expect(await page.locator('input[type=search]').count()).toBe(0);
    await check(page, 'nomination-request');

    // One woman, no man, no reason: the server's BAD_USER_INPUT at the reason field and in the summary.
    await page.fill('#c0-name', 'Karen Eksempelsen');
    await page.fill('#c0-email', 'karen.eksempelsen@dtu.example');
    await page.check('#c0-gender-WOMAN');
    await page.click('form button[type=submit]');
    await page.waitForSelector('.error-summary a[href="#reason"]');
    expect(await page.getAttribute('#reason', 'aria-describedby')).toBe('reason-error');
    expect(await page.textContent('#reason-error')).toMatch(/kvind|mænd|begrundelse/i);
    expect(await page.evaluate('document.activeElement.className')).toBe('error-summary');
    await check(page, 'nomination-request-error');
    expect((await ok(t, secretariat, `query($id: ID!) { nominationRequest(id: $id) { status } }`, { id: requestId })).nominationRequest.status).toBe('SENT');

    await page.fill('#reason', 'DTU har kun én kandidat med den efterspurgte profil.');
    await page.click('form button[type=submit]');
    await page.waitForSelector('text=Sekretariatet har modtaget jeres indstilling.');
    await page.waitForSelector('text=Anmodningen er besvaret');
    const answered = await ok(t, secretariat, `query($id: ID!) { nominationRequest(id: $id) { status nominations { genderRuleReason candidates { fullName email gender } } } }`, { id: requestId });
    expect(answered.nominationRequest).toEqual({
      status: 'ANSWERED',
      nominations: [{ genderRuleReason: 'DTU har kun én kandidat med den efterspurgte profil.', candidates: [{ fullName: 'Karen Eksempelsen', email: 'karen.eksempelsen@dtu.example', gender: 'WOMAN' }] }],
    });
    expect(await page.textContent('section[aria-labelledby=sent]')).toContain('Karen Eksempelsen');
    await context.close();

    // Someone else (the observer) is told it is not theirs, and never sees the request.
    const otherContext = await newContext();
    const otherPage = await otherContext.newPage();
    await open(otherPage, `/nomination-requests/${requestId}`, 'observer@demo.samverkan.test');
    await otherPage.waitForSelector('h1:has-text("Ikke")');
    expect(await otherPage.textContent('main')).not.toContain('Karen Eksempelsen');
    await otherContext.close();
  });

  it('shows the working group’s seats as one row per organisation, with filled and vacant counts and the members’ names', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await open(page, `/working-groups/${groupId}`);
    await page.waitForSelector('table.by-organisation');
    const rows = await page.$$eval('table.by-organisation tbody tr', (trs) => trs.map((tr) => Array.from((tr as { children: ArrayLike<{ textContent: string | null }> }).children).map((c) => (c.textContent ?? '').trim())));
    const row = (name: string) => rows.find((r) => r[0] === name);
    // One row per organisation, though Danske Universiteter has five allocations (four deans and DTU).
    expect(rows.filter((r) => r[0] === 'Danske Universiteter')).toHaveLength(1);
    const universities = await ok(t, secretariat, `query($id: ID!) { workingGroup(id: $id) { allocations { organisation { name } seats { status currentAppointment { person { displayName } } } } } }`, { id: groupId });
    const seats = universities.workingGroup.allocations.filter((a: { organisation: { name: string } }) => a.organisation.name === 'Danske Universiteter').flatMap((a: { seats: unknown[] }) => a.seats);
    const vacant = seats.filter((s: { status: string }) => s.status === 'VACANT').length;
    expect(row('Danske Universiteter')![1]).toContain(`${seats.length - vacant} af ${seats.length} besat`);
    for (const s of seats.filter((x: { currentAppointment: unknown }) => x.currentAppointment)) expect(row('Danske Universiteter')![2]).toContain(s.currentAppointment.person.displayName);
    expect(row('Sundhedsstyrelsen')![2]).toContain('Louise Attrapsen');
    expect(rows.length).toBe(new Set(universities.workingGroup.allocations.map((a: { organisation: { name: string } }) => a.organisation.name)).size);
    await check(page, 'working-group');
    await context.close();
  });
});
