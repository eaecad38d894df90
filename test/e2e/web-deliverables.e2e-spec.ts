import type { Browser, Page } from 'playwright-core';
import { checkPage, launchBrowser, signedInPage } from '../harness/browser';
import { createDeliverable, DeliverableWorld, deliverableWorld, inDays, setStatus } from '../harness/deliverable-fixtures';
import { TEST_PASSWORD } from '../harness/factories';
import { scaled } from '../harness/progress';
import { ok } from '../harness/structure-fixtures';
import { TestApp, startTestApp } from '../harness/test-app';
import { pick } from '../harness/web-structure';

/**
 * Issue 19, deliverables in the browser: the secretariat creates a deliverable,
 * edits it, changes its due date (refused at the reason field without a reason,
 * by the page and by the server) and sees the history; uploads versions by file
 * field and by drop with a progress bar, and is refused an oversized file or one
 * of another kind before anything is sent, and again by the server, with the
 * limit named; filters the list and the board by group, goal, person and health
 * (on the server, statements flat). axe at 1280 and 390 px, no sideways scroll.
 */
const LIMIT = 3 * 1024 * 1024;

const DELIVERABLE = `query($id: ID!) { deliverable(id: $id) { title kind dueOn description workingGroup { id } responsiblePerson { id } goals { code } objectives { letter }
  deadlineChanges { oldDueOn newDueOn reason changedBy { id } } versions { number filename sizeBytes mediaType note } } }`;

/** A PDF of `size` bytes (the server reads the type from the content). */
function pdf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x41)]);
}

describe('deliverables in the browser (issue 19)', () => {
  jest.setTimeout(scaled(240_000));
  let t: TestApp;
  let w: DeliverableWorld;
  let browser: Browser;
  let deliverableId: string;

  beforeAll(async () => {
    t = await startTestApp({ DOCUMENT_MAX_BYTES: String(LIMIT) });
    w = await deliverableWorld(t);
    // The pages speak the secretariat's language: English here, so the texts below read as the page says them.
    await t.db.query(`UPDATE person SET locale = 'en' WHERE id = $1`, [w.secretariat.id]);
    browser = await launchBrowser();
  }, scaled(240_000));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = (email: string) => signedInPage(browser, t.url, email, TEST_PASSWORD, { locale: 'en-US' }, '/sign-in?lang=en');
  const check = (page: Page, name: string) => checkPage(page, `deliverables-${name}`);

  /** The POSTs of version uploads the page sends (none may leave for a refused file). */
  function countUploads(page: Page): { count: number } {
    const seen = { count: 0 };
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/deliverables\/[^/]+\/versions$/.test(new URL(r.url()).pathname)) seen.count++;
    });
    return seen;
  }

  it('creates and edits a deliverable; a due date changes only with a reason, and the history shows it', async () => {
    const { context, page } = await signedIn(w.secretariat.email);
    await page.goto(`${t.url}/commissions/${w.commissionId}/deliverables/new`);
    await page.waitForSelector('#title');
    await check(page, 'new');

    // Nothing typed: the page says so at the title and the date, and sends nothing.
    await page.click('form button[type=submit]');
    await page.waitForSelector('#title-error');
    await page.waitForSelector('#dueOn-error');
    expect(await page.getAttribute('#title', 'aria-invalid')).toBe('true');

    await page.fill('#title', 'Kortlægning af uddannelsesbehov');
    await page.fill('#description', 'Hvad regionerne mangler, og hvor.');
    await page.selectOption('#kind', 'MEMO');
    await page.fill('#dueOn', inDays(90));
    await page.selectOption('#workingGroupId', w.groupId);
    const [member] = await t.db.query(`SELECT full_name FROM person WHERE id = $1`, [w.member.id]);
    await pick(page, 'responsiblePersonId', member.full_name);
    await page.check('#goal-2-2');
    await page.check('#objective-a');
    await page.click('form button[type=submit]');
    await page.waitForURL(/\/deliverables\/[0-9a-f-]{36}$/);
    deliverableId = new URL(page.url()).pathname.split('/').pop()!;
    const created = (await ok(t, w.secretariat.token, DELIVERABLE, { id: deliverableId })).deliverable;
    expect(created).toMatchObject({
      title: 'Kortlægning af uddannelsesbehov',
      kind: 'MEMO',
      dueOn: inDays(90),
      description: 'Hvad regionerne mangler, og hvor.',
      workingGroup: { id: w.groupId },
      responsiblePerson: { id: w.member.id },
      goals: [{ code: '2.2' }],
      objectives: [{ letter: 'a' }],
    });

    // What each may do: the secretariat everything, the responsible member upload, the other member nothing.
    const may = async (token: string) => (await ok(t, token, `query($id: ID!) { deliverable(id: $id) { mayManage mayUpload } }`, { id: deliverableId })).deliverable;
    expect([await may(w.secretariat.token), await may(w.member.token), await may(w.member2.token)]).toEqual([
      { mayManage: true, mayUpload: true },
      { mayManage: false, mayUpload: true },
      { mayManage: false, mayUpload: false },
    ]);

    // Edit: a new title, another goal.
    await page.click(`a[href="/deliverables/${deliverableId}/edit"]`);
    await page.waitForSelector('#newDueOn');
    await check(page, 'edit');
    await page.fill('#title', 'Kortlægning af uddannelsesbehov i regionerne');
    await page.check('#goal-4-4');
    await page.click('section[aria-labelledby=edit-form-title] button[type=submit]');
    await page.locator('#deliverable-saved', { hasText: /saved/ }).waitFor();
    expect((await ok(t, w.secretariat.token, DELIVERABLE, { id: deliverableId })).deliverable).toMatchObject({
      title: 'Kortlægning af uddannelsesbehov i regionerne',
      goals: [{ code: '2.2' }, { code: '4.4' }],
    });

    // A new date without a reason: refused at the reason field by the page, nothing changes.
    await page.fill('#newDueOn', inDays(120));
    await page.click('section[aria-labelledby=deadline-title] button[type=submit]');
    await page.waitForSelector('#reason-error');
    expect(await page.getAttribute('#reason', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#reason', 'aria-describedby')).toContain('reason-error');
    expect(await page.textContent('#reason-error')).toMatch(/why the due date changes/);
    await check(page, 'deadline-no-reason');
    // …and by the server, at the same field, for an empty reason and for one of spaces.
    const refused = async (reason: string) => {
      const result = await t.gql(
        `mutation($input: ChangeDeliverableDeadlineInput!) { changeDeliverableDeadline(input: $input) { id } }`,
        { input: { deliverableId, newDueOn: inDays(120), reason } },
        { token: w.secretariat.token },
      );
      return result.errors?.[0].extensions;
    };
    expect(await refused('   ')).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'reason' } });
    expect(await refused('')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await ok(t, w.secretariat.token, DELIVERABLE, { id: deliverableId })).deliverable).toMatchObject({ dueOn: inDays(90), deadlineChanges: [] });

    // With a reason: the date moves, and the history says from, to, why and who.
    await page.fill('#reason', 'Regionerne leverer deres tal en måned senere.');
    await page.click('section[aria-labelledby=deadline-title] button[type=submit]');
    await page.locator('#deadline-changed', { hasText: /now/ }).waitFor();
    await page.locator('#deadline-history-list li', { hasText: 'Regionerne leverer deres tal en måned senere.' }).waitFor();
    expect((await ok(t, w.secretariat.token, DELIVERABLE, { id: deliverableId })).deliverable).toMatchObject({
      dueOn: inDays(120),
      deadlineChanges: [{ oldDueOn: inDays(90), newDueOn: inDays(120), reason: 'Regionerne leverer deres tal en måned senere.', changedBy: { id: w.secretariat.id } }],
    });
    await check(page, 'edit-after-deadline');

    // The deliverable's own page shows the history too.
    await page.goto(`${t.url}/deliverables/${deliverableId}`);
    await page.locator('#deadline-history-list li', { hasText: 'Regionerne leverer deres tal en måned senere.' }).waitFor();
    await context.close();
  });

  it('uploads versions by file field and by drop with a progress bar, and refuses an oversized file or another kind before sending and on the server, naming the limit', async () => {
    if (!deliverableId) throw new Error('the first test made no deliverable');
    const { context, page } = await signedIn(w.secretariat.email);
    const uploads = countUploads(page);
    await page.goto(`${t.url}/deliverables/${deliverableId}`);
    await page.waitForSelector('#file');
    expect(await page.textContent('#file-hint')).toContain('3 MB');
    await check(page, 'upload');

    // Over the limit: refused at the field with the limit named, nothing sent.
    await page.setInputFiles('#file', { name: 'for-stor.pdf', mimeType: 'application/pdf', buffer: pdf(LIMIT + 1) });
    await page.waitForSelector('#file-error');
    await page.click('section[aria-labelledby=upload-title] button[type=submit]');
    expect(await page.textContent('#file-error')).toMatch(/too large.*3 MB/);
    expect(await page.getAttribute('#file', 'aria-invalid')).toBe('true');
    await check(page, 'upload-too-large');
    // Another kind of file: refused too.
    await page.setInputFiles('#file', { name: 'program.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00') });
    await page.click('section[aria-labelledby=upload-title] button[type=submit]');
    await page.locator('#file-error', { hasText: 'program.exe' }).waitFor();
    expect(uploads.count).toBe(0);
    // The server refuses the same again, naming the limit.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf(LIMIT + 1))], { type: 'application/pdf' }), 'for-stor.pdf');
    const direct = await t.http(`/deliverables/${deliverableId}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${w.secretariat.token}`, 'accept-language': 'en' } });
    expect({ status: direct.status, body: await direct.json() }).toEqual({ status: 400, body: { code: 'BAD_USER_INPUT', message: 'The file is too large (at most 3 MB).' } });

    // A large file within the limit: the progress bar shows from the start to the end.
    await page.evaluate(`(() => {
      const seen = [];
      window.progressSeen = seen;
      new MutationObserver(() => {
        const value = document.querySelector('#upload-progress')?.getAttribute('value');
        if (value != null && seen[seen.length - 1] !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    })()`);
    const large = pdf(LIMIT - 200_000);
    await page.setInputFiles('#file', { name: 'Udkast 1.pdf', mimeType: 'application/pdf', buffer: large });
    await page.locator('#file-chosen', { hasText: 'Udkast 1.pdf' }).waitFor();
    await page.fill('#note', 'Første udkast');
    await page.click('section[aria-labelledby=upload-title] button[type=submit]');
    await page.locator('#upload-status', { hasText: 'Version 1' }).waitFor();
    await page.locator('a[download]', { hasText: 'Udkast 1.pdf' }).waitFor();
    const seen = (await page.evaluate('window.progressSeen')) as string[];
    expect(Number(seen[0])).toBeLessThan(100);
    expect(seen[seen.length - 1]).toBe('100');
    expect(await page.getAttribute('#upload-progress', 'value')).toBe('100');
    await check(page, 'uploaded');

    // By drop: a file dropped on the area is chosen and sent the same way.
    const dropped = await page.evaluateHandle(`(() => {
      const data = new DataTransfer();
      data.items.add(new File(['%PDF-1.4\\n% udkast 2\\n'], 'Udkast 2.pdf', { type: 'application/pdf' }));
      return data;
    })()`);
    await page.dispatchEvent('#upload-drop', 'drop', { dataTransfer: dropped });
    await page.locator('#file-chosen', { hasText: 'Udkast 2.pdf' }).waitFor();
    await page.click('section[aria-labelledby=upload-title] button[type=submit]');
    await page.locator('#upload-status', { hasText: 'Version 2' }).waitFor();
    expect(uploads.count).toBe(2);
    expect((await ok(t, w.secretariat.token, DELIVERABLE, { id: deliverableId })).deliverable.versions).toEqual([
      { number: 1, filename: 'Udkast 1.pdf', sizeBytes: large.length, mediaType: 'application/pdf', note: 'Første udkast' },
      { number: 2, filename: 'Udkast 2.pdf', sizeBytes: 20, mediaType: 'application/pdf', note: null },
    ]);
    await context.close();
  });

  it('filters the list and the board by group, goal, responsible person and health on the server, with the statements flat', async () => {
    if (!deliverableId) throw new Error('the first test made no deliverable');
    const make = (input: Record<string, unknown>) => createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, ...input });
    const other = await make({ title: 'Datasæt over uddannelsespladser', workingGroupId: w.otherGroupId, kind: 'DATASET', goalIds: [w.goals['4.4']], dueOn: inDays(200) });
    const late = await make({ title: 'Forsinket notat', workingGroupId: w.groupId, responsiblePersonId: w.member2.id, kind: 'MEMO', dueOn: inDays(-3) });
    const running = await make({ title: 'Delrapport om kapacitet', workingGroupId: w.groupId, responsiblePersonId: w.member2.id, kind: 'INTERIM_REPORT', dueOn: inDays(10) });
    await setStatus(t, w.secretariat.token, running.id, 'IN_PROGRESS');
    const whole = await make({ title: 'Slutrapport', kind: 'FINAL_REPORT', goalIds: [w.goals['2.2']], dueOn: inDays(400) });

    const { context, page } = await signedIn(w.secretariat.email);
    const titles = async () => (await page.locator('#deliverables-list tbody th a').allTextContents()).sort();
    // From the commission's page.
    await page.goto(`${t.url}/commissions/${w.commissionId}`);
    await page.click(`a[href="/commissions/${w.commissionId}/deliverables"]`);
    await page.waitForSelector('#deliverables-list');
    expect(await titles()).toEqual(['Datasæt over uddannelsespladser', 'Delrapport om kapacitet', 'Forsinket notat', 'Kortlægning af uddannelsesbehov i regionerne', 'Slutrapport']);
    await check(page, 'list');

    // By group.
    await page.selectOption('#filter-group', w.otherGroupId);
    await page.click('.dl-filters button[type=submit]');
    await page.waitForURL(new RegExp(`group=${w.otherGroupId}`));
    await page.locator('#deliverables-count', { hasText: '1 deliverable' }).waitFor();
    expect(await titles()).toEqual([other.title]);

    // By goal 2.2 (all groups again).
    await page.selectOption('#filter-group', '');
    await page.selectOption('#filter-goal', w.goals['2.2']);
    await page.click('.dl-filters button[type=submit]');
    await page.waitForURL(new RegExp(`goal=${w.goals['2.2']}`));
    await page.locator('#deliverables-count', { hasText: '2 deliverables' }).waitFor();
    expect(await titles()).toEqual(['Kortlægning af uddannelsesbehov i regionerne', whole.title]);

    // By responsible person, on the board.
    await page.selectOption('#filter-goal', '');
    await page.selectOption('#filter-person', w.member2.id);
    await page.click('.dl-filters button[type=submit]');
    await page.waitForURL(new RegExp(`person=${w.member2.id}`));
    await page.locator('#deliverables-count', { hasText: '2 deliverables' }).waitFor();
    await page.click('nav a[href*="view=board"]');
    await page.waitForSelector('#deliverables-board');
    // The page's own view switch (the header's "Commissions" is current too, on every commission page).
    expect(await page.locator('main nav a[aria-current=page]').allTextContents()).toEqual(['Board by status']);
    expect(await page.locator('section[data-status=PLANNED] .dl-card a').allTextContents()).toEqual([late.title]);
    expect(await page.locator('section[data-status=IN_PROGRESS] .dl-card a').allTextContents()).toEqual([running.title]);
    expect(await page.locator('section[data-status=IN_PROGRESS] .dl-health').textContent()).toBe('At risk');
    expect(await page.locator('section[data-status=PLANNED] .dl-health').textContent()).toBe('Late');
    await check(page, 'board');

    // By health: only the late one, still on the board.
    await page.selectOption('#filter-person', '');
    await page.selectOption('#filter-health', 'LATE');
    await page.click('.dl-filters button[type=submit]');
    await page.waitForURL(/health=LATE/);
    await page.locator('#deliverables-count', { hasText: '1 deliverable' }).waitFor();
    expect(await page.locator('#deliverables-board .dl-card a').allTextContents()).toEqual([late.title]);
    await context.close();

    // The API: the same filters, and as many statements for one row as for all of them.
    const list = async (filter: Record<string, unknown>) => {
      const result = await t.gql(
        `query($f: DeliverableFilter!) { deliverables(filter: $f, first: 100) { totalCount edges { node { title health workingGroup { name } responsiblePerson { displayName } } } } }`,
        { f: { commissionId: w.commissionId, ...filter } },
        { token: w.secretariat.token },
      );
      expect(result.errors).toBeUndefined();
      return { titles: result.data!.deliverables.edges.map((e: { node: { title: string } }) => e.node.title), statements: result.extensions?.sqlStatements };
    };
    const all = await list({});
    const lateOnly = await list({ health: 'LATE' });
    expect(all.titles).toHaveLength(5);
    expect(lateOnly.titles).toEqual([late.title]);
    expect(lateOnly.statements).toBe(all.statements);
    expect((await list({ goalId: w.goals['4.4'] })).titles.sort()).toEqual([other.title, 'Kortlægning af uddannelsesbehov i regionerne'].sort());
    expect((await list({ responsiblePersonId: w.member.id })).titles).toEqual(['Kortlægning af uddannelsesbehov i regionerne']);
    // A member of the first group sees its deliverables and the commission's own, and only their responsible people.
    const seenBy = await ok(t, w.member.token, `query($id: ID!) { commission(id: $id) { deliverableResponsibles { id } } }`, { id: w.commissionId });
    expect(seenBy.commission.deliverableResponsibles.map((p: { id: string }) => p.id).sort()).toEqual([w.member.id, w.member2.id].sort());
    // The filter's people: as many statements for two people as for three.
    const responsibles = async () => {
      const result = await t.gql(`query($id: ID!) { commission(id: $id) { deliverableResponsibles { id displayName } } }`, { id: w.commissionId }, { token: w.secretariat.token });
      expect(result.errors).toBeUndefined();
      return { count: result.data!.commission.deliverableResponsibles.length, statements: result.extensions?.sqlStatements };
    };
    const two = await responsibles();
    await make({ title: 'Arrangement for regionerne', kind: 'EVENT', responsiblePersonId: w.commissioner.id });
    const three = await responsibles();
    expect([two.count, three.count]).toEqual([2, 3]);
    expect(three.statements).toBe(two.statements);
  });
});
