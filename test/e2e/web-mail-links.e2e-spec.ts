import { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { MailLinkService } from '@samverkan/mail-actions';
import { UnsubscribeLinkService } from '@samverkan/notifications';
import { mailRouteOf } from '@samverkan/mail';
import { launchBrowser, newBrowserContext, submitSignIn } from '../harness/browser';
import { EveryMailWorld, sendEveryKindOfMail } from '../harness/every-mail';
import { TEST_PASSWORD, TestPerson } from '../harness/factories';
import { MailLink, ownLinks } from '../harness/mail-links';
import { scaled } from '../harness/progress';
import { ok } from '../harness/structure-fixtures';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { startTestWorker } from '../harness/test-worker';
import type { ReceivedMail } from '../harness/smtp-sink';

/** The app's "not found" and "not for you" headings, in every language (apps/web/src/core/core-messages.ts). */
const REFUSED_HEADINGS = ['Not found', 'Hittades inte', 'Ikke fundet', 'Not for you', 'Inte för dig', 'Ikke for dig'];

/** One link of one mail, with the mail it came from. */
interface Found extends MailLink {
  mail: ReceivedMail;
  recipient: string;
}

/**
 * Issue 17, item 3: every link to our host in every kind of mail, opened in
 * headless Chromium as its recipient. App pages are opened signed in as the
 * recipient (one browser context each, one sign-in each); signed links
 * (mail actions, one-click unsubscribe, registration cancel) are followed
 * signed out. Each page must be there (no 404, no "not found") and show the
 * thing the mail named; each kind of mail-action link is then used once and
 * must have done what it said. A link opened by someone it was not meant for
 * asks to sign in as its owner and never shows the item.
 */
describe('issue 17: every link in every mail opens what it names, for its recipient', () => {
  jest.setTimeout(scaled(300_000));
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let world: EveryMailWorld;
  let links: Found[];
  /** Lower-cased addresses of the recipients who have an account (and so can sign in). */
  let accounts: Set<string>;
  let people: Map<string, TestPerson>;

  beforeAll(async () => {
    // No grace for vacant seats, so the vacancy notice is owed at once.
    t = await startTestAppWithLinks({ SEAT_VACANCY_GRACE_DAYS: '0' });
    worker = await startTestWorker(t);
    world = await sendEveryKindOfMail(t, worker);
    browser = await launchBrowser();
    // One entry per recipient and address: the HTML and text parts (and a resent update) repeat the same links.
    const seen = new Set<string>();
    links = [];
    for (const mail of t.smtp.mails) {
      for (const link of ownLinks(mail, t.url)) {
        for (const recipient of link.to) {
          const key = `${recipient} ${link.url}`;
          if (seen.has(key)) continue;
          seen.add(key);
          links.push({ ...link, mail, recipient: recipient.toLowerCase() });
        }
      }
    }
    accounts = new Set(((await t.db.query(`SELECT lower(email) AS email FROM account`)) as { email: string }[]).map((r) => r.email));
    const { g, w } = world;
    people = new Map([g.admin, g.secretariat, g.chair, ...g.members, g.substitute, w.admin, w.secretariat, w.commissioner, w.observer, w.member, w.member2, w.outsider].map((p) => [p.email.toLowerCase(), p]));
  }, scaled(400_000));
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  const newContext = () => newBrowserContext(browser);

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${t.url}/sign-in`);
    await submitSignIn(page, email, TEST_PASSWORD);
    await page.waitForURL(`${t.url}/`);
    await page.waitForSelector('main h1');
  }

  /** What a link's page must show: the name of the thing it is about, as the database has it. */
  async function nameOf(link: Found): Promise<string | undefined> {
    const route = mailRouteOf(link.path)!;
    const id = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(link.path)?.[0];
    const one = async (sql: string, param: string | undefined) => ((await t.db.query(sql, [param])) as { name: string }[])[0]?.name;
    switch (route.name) {
      case 'meeting':
      case 'meetingMinutes':
        return one(`SELECT title AS name FROM meeting WHERE id = $1`, id);
      case 'deliverable':
        return one(`SELECT title AS name FROM deliverable WHERE id = $1`, id);
      case 'documentFile':
        return one(`SELECT d.title AS name FROM document_version v JOIN deliverable d ON d.id = v.deliverable_id WHERE v.id = $1`, id);
      case 'reviewRound':
        return one(`SELECT d.title AS name FROM review_round r JOIN deliverable d ON d.id = r.deliverable_id WHERE r.id = $1`, id);
      case 'workingGroup':
        return one(`SELECT name FROM working_group WHERE id = $1`, id);
      case 'commission':
        return one(`SELECT title AS name FROM commission WHERE id = $1`, id);
      case 'datePoll':
        return one(`SELECT title AS name FROM date_poll WHERE id = $1`, id);
      case 'report':
        return one(`SELECT c.title AS name FROM status_report s JOIN commission c ON c.id = s.commission_id WHERE s.id = $1`, id);
      case 'registrationCancel':
        return one(`SELECT title AS name FROM meeting WHERE id = $1`, world.eventId);
      case 'mailAction': {
        const check = await t.app.get(MailLinkService).check(new URL(link.url).pathname.split('/').pop()!);
        if (!check.ok) return undefined;
        const subject = check.claims.subjectId;
        switch (check.definition.subjectType) {
          case 'meeting':
            return one(`SELECT title AS name FROM meeting WHERE id = $1`, subject);
          case 'minutes':
            return one(`SELECT m.title AS name FROM minutes x JOIN meeting m ON m.id = x.meeting_id WHERE x.id = $1`, subject);
          case 'review_round':
            return one(`SELECT d.title AS name FROM review_round r JOIN deliverable d ON d.id = r.deliverable_id WHERE r.id = $1`, subject);
          case 'date_poll':
            return one(`SELECT title AS name FROM date_poll WHERE id = $1`, subject);
          case 'nomination_request':
            return one(`SELECT g.name FROM nomination_request n JOIN seat_allocation a ON a.id = n.allocation_id JOIN working_group g ON g.id = a.working_group_id WHERE n.id = $1`, subject);
          default:
            throw new Error(`no name for mail action subject ${check.definition.subjectType}`);
        }
      }
      default:
        // The home page, the settings and the one-click unsubscribe name no single thing.
        return undefined;
    }
  }

  /** The visible words of the page's <h1> and <main> (or body, for server pages without one). */
  async function mainText(page: Page): Promise<string> {
    const heading = (await page.locator('h1').count()) ? await page.locator('h1').first().textContent() : '';
    return `${heading ?? ''}\n${((await page.locator('main').count()) ? await page.textContent('main') : await page.textContent('body')) ?? ''}`;
  }

  /** A signed mail-action link's claims, read without checking them: whose, which action, which subject. */
  function claimsOf(url: string): { sub: string; act: string; sid: string } {
    return JSON.parse(Buffer.from(new URL(url).pathname.split('/').pop()!.split('.')[1], 'base64url').toString('utf8'));
  }

  /**
   * A button of an older mail that a later one replaced (the meeting changed, or was
   * cancelled): its page says the link no longer holds. Allowed when the meeting was
   * cancelled, or when the same person got a later link for the same action and thing.
   */
  async function superseded(link: Found): Promise<boolean> {
    const { sub, act, sid } = claimsOf(link.url);
    const [cancelled] = await t.db.query(`SELECT count(*)::int AS n FROM meeting WHERE id = $1 AND status = 'cancelled'`, [sid]);
    if (cancelled.n) return true;
    for (const other of links) {
      if (other === link || other.recipient !== link.recipient || mailRouteOf(other.path)?.name !== 'mailAction') continue;
      const claims = claimsOf(other.url);
      if (claims.sub === sub && claims.act === act && claims.sid === sid && (await t.app.get(MailLinkService).check(new URL(other.url).pathname.split('/').pop()!)).ok) return true;
    }
    return false;
  }

  /** A short description of a link for failure messages. */
  const where = (link: Found) => `${link.recipient} · "${link.subject}" · ${link.path.replace(/[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]+/, '<token>')}`;

  it('collects links to every route a mail may name, from every kind of mail', () => {
    const routes = new Set(links.map((link) => mailRouteOf(link.path)?.name ?? `unrouted ${link.path}`));
    expect([...routes].sort()).toEqual(
      ['datePoll', 'deliverable', 'documentFile', 'mailAction', 'meeting', 'meetingMinutes', 'nominationRequest', 'registrationCancel', 'report', 'reviewRound', 'settings', 'unsubscribe', 'workingGroup'].sort(),
    );
    process.stdout.write(`mail links: ${t.smtp.mails.length} mails, ${links.length} distinct links (recipient × address), ${new Set(links.map((l) => l.recipient)).size} recipients\n`);
  });

  it('opens every link as its recipient: never a 404 or the not-found page, always the thing the mail named', async () => {
    const failures: string[] = [];
    const anonymous = await newContext();
    const anonymousPage = await anonymous.newPage();
    const byRecipient = new Map<string, Found[]>();
    for (const link of links) byRecipient.set(link.recipient, [...(byRecipient.get(link.recipient) ?? []), link]);
    let opened = 0;
    for (const [recipient, own] of byRecipient) {
      const context = await newContext();
      const page = await context.newPage();
      const hasAccount = accounts.has(recipient);
      let signedIn = false;
      for (const link of own) {
        const route = mailRouteOf(link.path)!;
        const name = await nameOf(link);
        // The mail itself names the thing its link is about (subject, HTML or text part).
        const mailText = `${link.mail.parsed.subject ?? ''}\n${link.mail.parsed.text ?? ''}`;
        if (name && !mailText.includes(name)) failures.push(`${where(link)}: the mail does not name "${name}"`);
        opened++;
        if (route.name === 'mailAction' || route.name === 'unsubscribe' || route.name === 'registrationCancel') {
          // Signed links need no sign-in: followed signed out.
          const response = await anonymousPage.goto(link.url);
          const status = response?.status() ?? 0;
          const text = await mainText(anonymousPage);
          if ((status === 409 || status === 410) && route.name === 'mailAction') {
            // A button of an older mail: the page says so (in the reader's language), never acts on stale facts.
            if (!(await superseded(link))) failures.push(`${where(link)}: HTTP ${status} for a link nothing replaced: ${text.slice(0, 200)}`);
            continue;
          }
          if (status !== 200) failures.push(`${where(link)}: HTTP ${status}: ${text.slice(0, 200)}`);
          else if (name && !text.includes(name)) failures.push(`${where(link)}: the page does not show "${name}": ${text.slice(0, 300)}`);
          // A button in the mail ("Yes", "Approve") opens the form with that choice made.
          for (const [key, value] of new URL(link.url).searchParams) {
            if (key === 'token' || key === 'lang') continue;
            const choice = anonymousPage.locator(`input[name="${key}"][value="${value}" i]`);
            if ((await choice.count()) !== 1 || !(await choice.isChecked())) failures.push(`${where(link)}: the form does not have ${key}=${value} chosen`);
          }
          continue;
        }
        if (route.name === 'documentFile') {
          // A file: downloaded with the recipient's session (the browser's request context shares its cookies).
          if (hasAccount && !signedIn) {
            await signIn(page, recipient);
            signedIn = true;
          }
          const response = await context.request.get(link.url, { maxRedirects: 0 });
          const body = await response.body();
          if (!hasAccount) {
            if (response.status() !== 303 || !/^\/login\?next=/.test(response.headers().location ?? '')) failures.push(`${where(link)}: signed out, expected the sign-in page, got HTTP ${response.status()}`);
          } else if (response.status() !== 200 || !body.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
            failures.push(`${where(link)}: HTTP ${response.status()} ${response.headers()['content-type']}, not the PDF under review`);
          }
          continue;
        }
        // A page (of the web app or the server's own): opened signed in as the recipient.
        if (!hasAccount) {
          // No account (an organisation's contact, a guest): the page asks to sign in, and keeps where to return.
          await page.goto(link.url);
          if (route.servedBy === 'web') {
            await page.waitForURL(/\/sign-in\?next=/);
            await page.waitForSelector('#email');
            if (new URL(page.url()).searchParams.get('next') !== link.path) failures.push(`${where(link)}: the sign-in page returns to ${new URL(page.url()).searchParams.get('next')}`);
          } else if (!/\/login\?next=/.test(page.url())) failures.push(`${where(link)}: signed out, expected the sign-in page, got ${page.url()}`);
          continue;
        }
        if (!signedIn) {
          await signIn(page, recipient);
          signedIn = true;
        }
        const response = await page.goto(link.url);
        if ((response?.status() ?? 0) !== 200) failures.push(`${where(link)}: HTTP ${response?.status()}`);
        // The page has loaded once it shows a heading (or says why it cannot).
        const shown = await page.waitForSelector('h1, [role=alert]', { timeout: scaled(15_000) }).catch(() => null);
        if (!shown || !(await page.locator('h1').count())) {
          failures.push(`${where(link)}: no heading at ${page.url()}: ${(await page.textContent('body'))?.slice(0, 300)}`);
          continue;
        }
        const heading = ((await page.locator('h1').first().textContent()) ?? '').trim();
        if (new URL(page.url()).pathname !== new URL(link.url).pathname) failures.push(`${where(link)}: ended at ${page.url()}`);
        if (REFUSED_HEADINGS.includes(heading)) {
          failures.push(`${where(link)}: "${heading}" (${(await mainText(page)).slice(0, 200)})`);
          continue;
        }
        if (name && !(await mainText(page)).includes(name)) failures.push(`${where(link)}: the page ("${heading}") does not show "${name}"`);
      }
      await context.close();
    }
    await anonymous.close();
    process.stdout.write(`mail links opened in the browser: ${opened}, failures ${failures.length}\n`);
    expect(failures).toEqual([]);
  });

  /** Fills what a mail-action form still needs (the button's own choice is made already) and sends it. */
  async function answerForm(page: Page): Promise<void> {
    for (const name of await page.locator('input[type=radio]').evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as unknown as { name: string }).name))])) {
      if (!(await page.locator(`input[type=radio][name="${name}"]:checked`).count())) await page.locator(`input[type=radio][name="${name}"]`).first().check();
    }
    for (const input of await page.locator('input[required][type=text], input[required]:not([type])').all()) if (!(await input.inputValue())) await input.fill('Nina Nominee');
    for (const input of await page.locator('input[type=email]').all()) if (!(await input.inputValue())) await input.fill('nina.nominee@example.test');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('form button[type=submit]')]);
    await page.waitForLoadState('load');
  }

  it('does what each kind of signed link says, followed signed out', async () => {
    const failures: string[] = [];
    const context = await newContext();
    const page = await context.newPage();
    const used = new Set<string>();
    const one = async (sql: string, params: unknown[]) => ((await t.db.query(sql, params)) as Record<string, unknown>[])[0];
    for (const link of links) {
      const route = mailRouteOf(link.path)!.name;
      const params = Object.fromEntries(new URL(link.url).searchParams);
      if (route === 'mailAction') {
        const check = await t.app.get(MailLinkService).check(new URL(link.url).pathname.split('/').pop()!);
        // One link of each action, and of an RSVP one per answer (yes, no, maybe, a substitute), whose subject is still open.
        const kind = `${check.ok ? check.definition.name : 'closed'} ${params.answer ?? ''}`;
        if (!check.ok || used.has(kind)) continue;
        used.add(kind);
        const { personId, subjectId } = check.claims;
        await page.goto(link.url);
        if (params.answer === 'substitute') await page.fill('input[name=substituteName]', 'Stina Stand-in').catch(() => undefined);
        await answerForm(page);
        const done = (await page.locator('[role=status] h1').count()) > 0;
        if (!done) failures.push(`${where(link)}: not done: ${(await mainText(page)).slice(0, 300)}`);
        let effect: Record<string, unknown> | undefined;
        switch (check.definition.subjectType) {
          case 'meeting':
            effect = await one(`SELECT rsvp FROM invitation WHERE meeting_id = $1 AND person_id = $2`, [subjectId, personId]);
            if (effect?.rsvp !== params.answer) failures.push(`${where(link)}: the RSVP is ${effect?.rsvp}`);
            break;
          case 'review_round':
            effect = await one(`SELECT verdict FROM review_answer WHERE round_id = $1 AND person_id = $2`, [subjectId, personId]);
            if (effect?.verdict !== params.verdict) failures.push(`${where(link)}: the answer is ${effect?.verdict}`);
            break;
          case 'minutes':
            effect = await one(`SELECT approved_at FROM minutes_adjuster WHERE minutes_id = $1 AND person_id = $2`, [subjectId, personId]);
            if (!effect?.approved_at) failures.push(`${where(link)}: the minutes are not approved by the adjuster`);
            break;
          case 'date_poll':
            effect = await one(`SELECT count(*)::int AS n FROM date_poll_answer a JOIN date_poll_option o ON o.id = a.option_id WHERE o.poll_id = $1 AND a.person_id = $2`, [subjectId, personId]);
            if (!effect?.n) failures.push(`${where(link)}: no answer to the poll`);
            break;
          case 'nomination_request':
            effect = await one(`SELECT count(*)::int AS n FROM nomination n JOIN nomination_candidate c ON c.nomination_id = n.id JOIN person p ON p.id = c.person_id WHERE n.request_id = $1 AND p.full_name = 'Nina Nominee'`, [subjectId]);
            if (!effect?.n) failures.push(`${where(link)}: no nomination of the candidate`);
            break;
          default:
            failures.push(`${where(link)}: no check for ${check.definition.subjectType}`);
        }
      } else if (route === 'unsubscribe' && !used.has('unsubscribe')) {
        used.add('unsubscribe');
        const claims = await t.app.get(UnsubscribeLinkService).check(new URL(link.url).pathname.split('/').pop()!);
        await page.goto(link.url);
        await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('form button[type=submit]')]);
        const effect = await one(`SELECT opted_out_kinds FROM notification_preference WHERE person_id = $1`, [claims!.personId]);
        for (const kind of claims!.kinds) if (!((effect?.opted_out_kinds as string[] | undefined) ?? []).includes(kind)) failures.push(`${where(link)}: ${kind} is not turned off`);
      } else if (route === 'registrationCancel' && !used.has('registrationCancel')) {
        used.add('registrationCancel');
        await page.goto(link.url);
        await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('form button[type=submit]')]);
        const effect = await one(`SELECT status FROM registration WHERE meeting_id = $1 AND email = $2`, [world.eventId, world.guestEmail]);
        if (effect?.status !== 'cancelled') failures.push(`${where(link)}: the registration is ${effect?.status}`);
      }
    }
    await context.close();
    expect([...used].sort()).toEqual(
      ['date-poll.vote ', 'meeting.rsvp maybe', 'meeting.rsvp no', 'meeting.rsvp substitute', 'meeting.rsvp yes', 'minutes.approve ', 'nomination.reply ', 'registrationCancel', 'review.answer ', 'unsubscribe'].sort(),
    );
    expect(failures).toEqual([]);
  });

  it('asks a reader who is signed in as someone else to sign in as the person the link is for, and never shows them the item', async () => {
    const { g, w } = world;
    const anna = g.members[0];
    const theirs = links.filter((link) => link.recipient === w.member2.email.toLowerCase() && ['reviewRound', 'deliverable'].includes(mailRouteOf(link.path)!.name));
    expect(theirs.length).toBeGreaterThan(0);
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, anna.email);
    for (const link of theirs) {
      const name = (await nameOf(link))!;
      await page.goto(link.url);
      await page.waitForSelector('main h1');
      // Anna (Swedish) has no part in that commission: she is told so, offered to sign in as the link's owner, and sees nothing of it.
      expect({ link: link.path, heading: await page.textContent('main h1') }).toEqual({ link: link.path, heading: 'Hittades inte' });
      expect(await mainText(page)).not.toContain(name);
      expect(await mainText(page)).toContain('Du är inloggad som Anna Andersson');
      const offer = page.locator(`main a[href="/sign-in?next=${encodeURIComponent(link.path)}"]`);
      expect(await offer.count()).toBe(1);
    }
    // Following the offer and signing in as the owner opens the item.
    await page.locator('main a[href^="/sign-in?next="]').click();
    await page.waitForSelector('#email');
    await page.fill('#email', w.member2.email);
    await page.fill('#password', TEST_PASSWORD);
    await page.press('#password', 'Enter');
    await page.waitForURL(theirs[theirs.length - 1].url);
    await page.waitForSelector('main h1');
    expect(await mainText(page)).toContain(await nameOf(theirs[theirs.length - 1]));
    // A server page (the status report) refuses her too, and shows nothing of the commission.
    const report = links.find((link) => mailRouteOf(link.path)!.name === 'report')!;
    const other = await newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, anna.email);
    const response = await otherPage.goto(report.url);
    expect(response?.status()).toBe(404);
    expect(await mainText(otherPage)).not.toContain((await nameOf(report))!);
    expect(await otherPage.locator('main a[href^="/login"]').count()).toBeGreaterThan(0);
    await other.close();
    await context.close();
  });
});
