import { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { COMMISSIONS, DEMO_PASSWORD, NGC_GROUP_NAME, ORGANISATIONS, PEOPLE, SeedsModule, SeederService } from '@samverkan/seeds';
import type { PersonSeed } from '@samverkan/seeds';
import { checkPage, launchBrowser, newBrowserContext, pickFromSearch, signedInPage } from '../harness/browser';
import { TEST_PASSWORD, createPerson, login } from '../harness/factories';
import { actionLinks, mailTo } from '../harness/mail-browser';
import { scaled } from '../harness/progress';
import { ok } from '../harness/structure-fixtures';
import { TestApp, startTestApp, startTestAppWithLinks } from '../harness/test-app';
import { startTestWorker } from '../harness/test-worker';
import { chosen, createCommissionInBrowser, createWorkingGroupInBrowser, seed003Forms } from '../harness/web-structure';

/**
 * Issue 18, done-when 2: seed 003's working group — the Danish National Genome
 * Center's group, its chair's seat and the 20 seats outside NGC — built from an EMPTY
 * database through the browser alone, then compared through GraphQL with what the
 * seeder builds in a second, fresh database.
 *
 * What comes from setup, and why: one account, the first administrator (Alva
 * Demosson, the seed's admin), inserted into the database — a fresh installation has
 * no one who could sign in to make the first account. Everything else is made in the
 * pages: the administrator adds the two organisations the commission needs, the
 * secretariat's person and the commissioner, gives the secretariat a login and
 * creates the commission; the secretariat (signed in with that login) adds the other
 * organisations and the people, the observer, the working group (keyboard alone), the
 * 21 allocations, the nomination requests and the appointments. Sundhedsstyrelsen's
 * contact answers from the link in the request mail: one candidate first (the § 9 pair
 * rule refuses, at the reason field), then a woman and a man; the secretariat appoints
 * from that nomination. axe at 1280 and 390 px and no horizontal scroll on every page
 * the story passes.
 */
const C003 = COMMISSIONS.find((c) => c.key === '003')!;
const SEED = C003.groups[0];
const DK_ORGS = ORGANISATIONS.filter((o) => o.country === 'DK');
const orgName = (key: string) => ORGANISATIONS.find((o) => o.key === key)!.name;
const personOf = (key: string) => PEOPLE.find((p) => p.key === key)!;
const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const NGC_START = '2017-11-01';

/** The contacts the secretariat names on its nomination requests (the seed sends its requests to no one in particular). */
const SST_CONTACT = { fullName: 'Lise Kontaktsen', email: 'lise.kontaktsen@sst.example.dk', affiliation: 'sst' };
const DTU_CONTACT = { fullName: 'Ole Dekansen', email: 'ole.dekansen@dtu.example.dk', affiliation: 'dtu' };

/** Who holds each seat the seed fills: the appointment's person, or the nominee the seed appoints. */
function holderOf(a: (typeof SEED.allocations)[number]): { person: string; endsOn?: string } | null {
  const appointment = a.appointments?.[0];
  if (appointment) {
    const ends = appointment.endsOn;
    return { person: appointment.person, endsOn: ends === undefined ? undefined : typeof ends === 'string' ? ends : iso(ends.daysFromToday) };
  }
  const n = a.nomination;
  if (n?.appoint && n.candidates) return { person: n.candidates[n.appoint.candidate] };
  return null;
}

const STRUCTURE = `{ commissionList(first: 5) { edges { node { title kind startsOn reportingDeadline reportCadence timeZone description referenceNumber
  commissioningBody { name } leadOrganisation { name } partners { name }
  objectives { letter text }
  roles { role person { fullName } }
  groups { id name purpose status reportsTo establishedOn subgroupsAllowed holdoverAllowed parent { name }
    chair { fullName } leadOrganisation { name } secretariatOrganisation { name } objectives { letter }
    genderBalance { women men notStated }
    allocations { seatCount role requiredPerspective requiresGenderPair notes
      organisation { name } nominatingOrganisation { name }
      seats { number status currentAppointment { kind person { fullName gender } } } } } } } } }`;

const ORGANISATIONS_QUERY = `{ organisations(country: "DK", first: 100) { totalCount edges { node { name shortName kind country region parent { name } } } } }`;

interface Allocation {
  organisation: { name: string };
  nominatingOrganisation: { name: string };
  seats: { number: number }[];
  [key: string]: unknown;
}

/** Commission 003 as the API shows it: lists in a fixed order, ids left out. */
async function structureOf(t: TestApp, token: string) {
  const data = await ok(t, token, STRUCTURE);
  const c = data.commissionList.edges.map((e: { node: { title: string } }) => e.node).find((n: { title: string }) => n.title === NGC_GROUP_NAME);
  expect(c).toBeDefined();
  const sortKey = (a: Allocation) => JSON.stringify([a.organisation.name, a.nominatingOrganisation.name, a.requiredPerspective, a.role]);
  return {
    ...c,
    roles: c.roles.map((r: { role: string; person: { fullName: string } }) => `${r.role}:${r.person.fullName}`).sort(),
    groups: c.groups
      .filter((g: { name: string }) => g.name === NGC_GROUP_NAME)
      .map(({ id: _id, allocations, ...g }: { id: string; allocations: Allocation[] }) => ({
        ...g,
        allocations: allocations.map((a) => ({ ...a, seats: [...a.seats].sort((x, y) => x.number - y.number) })).sort((x, y) => sortKey(x).localeCompare(sortKey(y))),
      })),
  };
}

async function organisationsOf(t: TestApp, token: string) {
  const data = await ok(t, token, ORGANISATIONS_QUERY);
  return data.organisations.edges.map((e: { node: { name: string } }) => e.node).sort((x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name));
}

describe('seed 003 built from an empty database in the browser alone (issue 18)', () => {
  jest.setTimeout(scaled(900_000));
  let t: TestApp;
  let ref: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let admin: { id: string; email: string };
  let commissionId: string;
  let groupId: string;
  const allocationIds: string[] = [];
  const forms = seed003Forms();
  const secretariat = personOf('ngc-secretariat');

  beforeAll(async () => {
    [t, ref] = await Promise.all([startTestAppWithLinks(), startTestApp({}, [SeedsModule])]);
    worker = await startTestWorker(t);
    await ref.app.get(SeederService).seed({ ifEmpty: true });
    browser = await launchBrowser();
  }, scaled(300_000));
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
    await ref?.close();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newBrowserContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
    return { context, page: await context.newPage() };
  }

  const signIn = (email: string, password = TEST_PASSWORD) => signedInPage(browser, t.url, email, password, { locale: 'da-DK' });

  const checked = new Set<string>();
  /** The harness's checkPage (axe, no horizontal scroll, screenshots), remembering which pages the story checked. */
  async function check(page: Page, name: string) {
    checked.add(name);
    await checkPage(page, `seed003-${name}`);
  }

  /** /organisations: one organisation through the add form (country, region from the list, parent by name). */
  async function addOrganisation(page: Page, o: (typeof DK_ORGS)[number], first = false) {
    // The parent first: its list of matches closes when the next field takes the focus.
    if (o.parent) {
      await page.fill('#parentId', orgName(o.parent));
      await chosen(page, 'parentId', orgName(o.parent));
    }
    await page.fill('#name', o.name);
    if (o.shortName) await page.fill('#shortName', o.shortName);
    await page.selectOption('#kind', o.kind.toUpperCase());
    await page.selectOption('#country', o.country);
    if (o.region) await page.selectOption('#regionCode', { label: o.region });
    if (first) await check(page, 'organisations-filled');
    await page.click('section[aria-labelledby=add] button[type=submit]');
    await page.locator('section[aria-labelledby=add] p[role=status]', { hasText: o.name }).or(page.locator('.error-summary')).first().waitFor();
    expect({ organisation: o.name, refused: await refusal(page) }).toEqual({ organisation: o.name, refused: null });
  }

  /** /people: one person through the add form (search first: the page refuses a second person with the same e-mail). */
  async function addPerson(page: Page, p: Pick<PersonSeed, 'fullName' | 'email' | 'title' | 'affiliation' | 'gender'>) {
    await page.fill('#fullName', p.fullName);
    if (p.email) await page.fill('#email', p.email);
    if (p.title) await page.fill('#title', p.title);
    if (p.affiliation) {
      // The organisation list searches the register: its name, then the entry named so (with its short name after it).
      const name = orgName(p.affiliation);
      await pickFromSearch(page, 'affiliationId', name, name);
    }
    if (p.gender) await page.selectOption('#gender', p.gender.toUpperCase());
    await page.click('section[aria-labelledby=add] button[type=submit]');
    await page.locator('section[aria-labelledby=add] p[role=status]', { hasText: p.fullName }).or(page.locator('.error-summary')).first().waitFor();
    expect({ person: p.fullName, refused: await refusal(page) }).toEqual({ person: p.fullName, refused: null });
  }

  /** The error summary's text, if the page shows one. */
  async function refusal(page: Page): Promise<string | null> {
    return (await page.locator('.error-summary').count()) ? await page.locator('.error-summary').first().textContent() : null;
  }

  const pickFromList = pickFromSearch;

  it('starts from a database with no organisation, no person but the first administrator, no commission', async () => {
    const counts = async () => (await t.db.query(`SELECT (SELECT count(*)::int FROM organisation) AS o, (SELECT count(*)::int FROM person) AS p, (SELECT count(*)::int FROM commission) AS c, (SELECT count(*)::int FROM account) AS a`))[0];
    expect(await counts()).toEqual({ o: 0, p: 0, c: 0, a: 0 });
    // The one thing from setup: the first administrator's login.
    const a = personOf('admin');
    admin = await createPerson(t.db, { fullName: a.fullName, email: a.email, locale: a.locale, timeZone: a.timeZone, gender: a.gender ?? null, isAdmin: true });
    expect(await counts()).toEqual({ o: 0, p: 1, c: 0, a: 1 });
  });

  it('the administrator adds what the commission needs, gives its secretariat a login and creates the commission', async () => {
    if (!admin) throw new Error('no administrator');
    const { context, page } = await signIn(admin.email);
    // The register is reached from the commissions page.
    await page.goto(`${t.url}/commissions`);
    await page.click('a[href="/organisations"]');
    await page.waitForSelector('#name');
    // The administrator reads in Swedish: a new organisation starts in Sweden (the Danish secretariat's, below, in Denmark).
    expect(await page.inputValue('#country')).toBe('SE');
    await check(page, 'organisations-empty');
    await addOrganisation(page, DK_ORGS.find((o) => o.key === 'ngc')!);
    await addOrganisation(page, DK_ORGS.find((o) => o.key === 'ngc-board')!, true);
    await check(page, 'organisations-added');

    await page.goto(`${t.url}/people`);
    await page.waitForSelector('#fullName');
    await check(page, 'people-empty');
    await addPerson(page, personOf('ngc-commissioner'));
    await addPerson(page, secretariat);
    // The secretariat's person: Danish mail, and a login with a first password.
    await page.click(`section[aria-labelledby=add] p[role=status] a`);
    await page.waitForSelector('#accountPassword');
    await page.selectOption('#locale', 'da');
    await page.click('section[aria-labelledby=details] button[type=submit]');
    await page.waitForSelector('p[role=status].saved');
    expect(await page.inputValue('#gender')).toBe('MAN');
    expect(await page.inputValue('#accountEmail')).toBe(secretariat.email);
    // Too short a password is refused at its field, and nothing typed is lost.
    await page.fill('#accountPassword', 'kort');
    await page.click('section[aria-labelledby=account] button[type=submit]');
    await page.waitForSelector('#accountPassword-error');
    expect(await page.getAttribute('#accountPassword', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#accountEmail')).toBe(secretariat.email);
    await check(page, 'person-login-error');
    await page.fill('#accountPassword', TEST_PASSWORD);
    await page.click('section[aria-labelledby=account] button[type=submit]');
    await page.locator('section[aria-labelledby=account] p[role=status]', { hasText: secretariat.email! }).waitFor();
    // A second login for the same person: the server's CONFLICT, at the e-mail field.
    await page.click('section[aria-labelledby=account] button[type=submit]');
    await page.waitForSelector('#accountEmail-error');
    await check(page, 'person-login');

    // The commission, through its form, naming the secretariat and the commissioner.
    commissionId = await createCommissionInBrowser(page, t.url, forms.commission);
    await check(page, 'commission-page');
    await context.close();
  });

  it('the secretariat signs in with that login and adds the register: organisations (parents, regions) and people', async () => {
    if (!commissionId) throw new Error('no commission');
    const { context, page } = await signIn(secretariat.email!);
    await page.goto(`${t.url}/organisations`);
    await page.waitForSelector('#name');
    expect(await page.inputValue('#country')).toBe('DK');
    for (const o of DK_ORGS.filter((x) => x.key !== 'ngc' && x.key !== 'ngc-board')) await addOrganisation(page, o);
    await page.goto(`${t.url}/organisations?country=DK`);
    await page.waitForSelector('#name');
    await check(page, 'organisations-all');

    await page.goto(`${t.url}/people`);
    await page.waitForSelector('#fullName');
    // The chair, the observer, the contacts of two organisations, and every person the seed appoints directly.
    const holders = SEED.allocations
      .map(holderOf)
      .filter((h): h is NonNullable<typeof h> => !!h && !['sst-member'].includes(h.person))
      .map((h) => personOf(h.person));
    const people = [personOf('ngc-observer'), ...holders.filter((p) => p.key !== 'ngc-chair'), personOf('ngc-chair')];
    for (const p of people) await addPerson(page, p);
    await addPerson(page, SST_CONTACT);
    await addPerson(page, DTU_CONTACT);
    // The same e-mail again: refused before anything is sent, with a link to the person already there.
    await page.fill('#fullName', 'Karen Demosen (igen)');
    await page.fill('#email', personOf('ngc-chair').email!.toUpperCase());
    await page.click('section[aria-labelledby=add] button[type=submit]');
    await page.waitForSelector('#email-error');
    expect(await page.inputValue('#fullName')).toBe('Karen Demosen (igen)');
    await check(page, 'people-duplicate');

    // The observer, on the commission's edit page.
    await page.goto(`${t.url}/commissions/${commissionId}/edit`);
    await page.fill('#rolePerson', forms.observer);
    await chosen(page, 'rolePerson', forms.observer);
    await page.selectOption('#role', 'OBSERVER');
    await page.click('section[aria-labelledby=roles] button:not(.link)');
    await page.locator('section[aria-labelledby=roles] li', { hasText: forms.observer }).waitFor();
    await check(page, 'commission-edit');
    await context.close();
  });

  it('the secretariat creates the working group with the keyboard alone and its 21 allocations through the form', async () => {
    if (!commissionId) throw new Error('no commission');
    const { context, page } = await signIn(secretariat.email!);
    await page.goto(`${t.url}/commissions/${commissionId}/working-groups/new`);
    await page.waitForSelector('#name');
    await check(page, 'group-new');
    groupId = await createWorkingGroupInBrowser(page, t.url, commissionId, forms.group, { keyboard: true });
    await page.waitForSelector('#group-rights');
    await check(page, 'group-page');

    // From the group page to its (empty) seat grid, then one allocation after another.
    await page.click(`a[href="/working-groups/${groupId}/seats"]`);
    await page.waitForSelector('table.seat-grid');
    await check(page, 'seats-empty');
    for (const [i, seed] of SEED.allocations.entries()) {
      await page.goto(`${t.url}/working-groups/${groupId}/allocations/new`);
      await page.waitForSelector('#alloc-organisationId[data-loaded]');
      await pickFromList(page, 'alloc-organisationId', orgName(seed.organisation), orgName(seed.organisation));
      if (seed.nominatingOrganisation) await pickFromList(page, 'alloc-nominatingOrganisationId', orgName(seed.nominatingOrganisation), orgName(seed.nominatingOrganisation));
      await page.fill('#alloc-seatCount', String(seed.seatCount));
      await page.selectOption('#alloc-role', (seed.role ?? 'member').toUpperCase());
      if (seed.requiredPerspective) await page.fill('#alloc-requiredPerspective', seed.requiredPerspective);
      await page.setChecked('#alloc-requiresGenderPair', seed.requiresGenderPair);
      if (seed.notes) await page.fill('#alloc-notes', seed.notes);
      if (i === 0) await check(page, 'allocation-new');
      await page.click('button[type=submit]');
      await page.waitForURL(/\/allocations\/[0-9a-f-]{36}$/);
      await page.waitForSelector('#count-seatCount');
      allocationIds.push(new URL(page.url()).pathname.split('/').pop()!);
    }
    expect(allocationIds).toHaveLength(21);
    await context.close();
  });

  it('requests nominations, one is answered from its mail link (§ 9 refused at its field, then met), and the secretariat appoints', async () => {
    if (allocationIds.length !== 21) throw new Error('the allocations were not all made');
    const { context, page } = await signIn(secretariat.email!);
    const indexOf = (org: string, nominating?: string) => SEED.allocations.findIndex((a) => a.organisation === org && (nominating === undefined || a.nominatingOrganisation === nominating));
    const sst = allocationIds[indexOf('sst')];
    const dtu = allocationIds[indexOf('danske-universiteter', 'dtu')];
    for (const [allocationId, contact] of [
      [sst, SST_CONTACT],
      [dtu, DTU_CONTACT],
    ] as const) {
      await page.goto(`${t.url}/working-groups/${groupId}/allocations/${allocationId}`);
      await page.waitForSelector('#ask-contactPersonId[data-loaded]');
      await page.fill('#ask-deadline', iso(14));
      await pickFromList(page, 'ask-contactPersonId', contact.email, contact.fullName);
      await page.fill('#ask-message', C003.groups[0].allocations[indexOf('danske-universiteter', 'dtu')].nomination!.message!);
      await page.click('form:has(#ask-deadline) button[type=submit]');
      await page.waitForSelector('[aria-labelledby=requests] tbody tr, #requests tbody tr');
    }
    await check(page, 'allocation-requested');

    // Sundhedsstyrelsen's contact opens the link in the request mail (not signed in).
    const [link] = actionLinks(await mailTo(t.smtp, SST_CONTACT.email, /./, scaled(30_000)));
    expect(link).toBeDefined();
    const contact = await newPage();
    await contact.page.goto(link.url);
    await contact.page.waitForSelector('#f-c1_name');
    await check(contact.page, 'nomination-form');
    const louise = personOf('sst-member');
    const henrik = personOf('sst-alt');
    await contact.page.fill('#f-c1_name', louise.fullName);
    await contact.page.fill('#f-c1_email', louise.email!);
    await contact.page.check('#f-c1_gender-0');
    await contact.page.click('button[type=submit]');
    // One woman and no reason: the § 9 pair rule refuses, at the reason field, keeping what was typed.
    await contact.page.waitForSelector('#f-reason-error');
    expect(await contact.page.getAttribute('#f-reason', 'aria-invalid')).toBe('true');
    expect(await contact.page.getAttribute('#f-reason', 'aria-describedby')).toContain('f-reason-error');
    expect(await contact.page.textContent('#f-reason-error')).toMatch(/kvind|mand|mænd/i);
    expect(await contact.page.inputValue('#f-c1_name')).toBe(louise.fullName);
    await check(contact.page, 'nomination-refused');
    // Then a woman and a man: the rule is met.
    await contact.page.fill('#f-c2_name', henrik.fullName);
    await contact.page.fill('#f-c2_email', henrik.email!);
    await contact.page.check('#f-c2_gender-1');
    await contact.page.click('button[type=submit]');
    await contact.page.waitForSelector('[role=status] h1');
    await check(contact.page, 'nomination-sent');
    await contact.context.close();

    // The secretariat sees the nomination with the § 9 check, and appoints from it in one step.
    await page.goto(`${t.url}/working-groups/${groupId}/allocations/${sst}`);
    await page.waitForSelector('text=Parreglen er opfyldt.');
    await check(page, 'allocation-nominated');
    await page.click(`button:has-text("Udpeg ${louise.fullName}")`);
    await page.waitForSelector(`text=${louise.fullName} er udpeget.`);

    // The seats the seed fills directly: a principal each from the seed's start (two of them with the end the seed gives).
    for (const [i, seed] of SEED.allocations.entries()) {
      const holder = holderOf(seed);
      if (!holder || seed.organisation === 'sst') continue;
      const p = personOf(holder.person);
      await page.goto(`${t.url}/working-groups/${groupId}/allocations/${allocationIds[i]}`);
      await page.waitForSelector('#appoint-personId[data-loaded]');
      await pickFromList(page, 'appoint-personId', p.email!, p.fullName);
      await page.selectOption('#appoint-kind', 'PRINCIPAL');
      await page.fill('#appoint-startsOn', NGC_START);
      if (holder.endsOn) await page.fill('#appoint-endsOn', holder.endsOn);
      await page.click('form:has(#appoint-kind) button[type=submit]');
      await page.waitForSelector('text=Udpegningen er foretaget.');
    }
    await check(page, 'allocation-appointed');

    await page.goto(`${t.url}/working-groups/${groupId}/seats`);
    await page.waitForSelector('table.seat-grid tbody tr');
    expect(await page.locator('table.seat-grid tbody tr').count()).toBe(21);
    await check(page, 'seats-grid');
    await context.close();
  });

  it('the API shows the same commission, organisations, allocations, counts, seats, nominating bodies and holders as the seeder’s', async () => {
    if (!groupId) throw new Error('no working group');
    const adminToken = await login(t, admin.email);
    const seededToken = await login(ref, personOf('admin').email!, DEMO_PASSWORD);
    const built = await structureOf(t, adminToken);
    const seeded = await structureOf(ref, seededToken);
    const allocations = built.groups[0].allocations as (Allocation & { seatCount: number })[];
    expect(allocations).toHaveLength(21);
    const outsideNgc = allocations.filter((a) => a.organisation.name !== orgName('ngc'));
    expect(outsideNgc.reduce((n, a) => n + a.seatCount, 0)).toBe(20);
    // The text's eleven lines: the five regions are one line, as are Danske Universiteter's five deans.
    expect(new Set(outsideNgc.map((a) => a.organisation.name)).size).toBe(15);
    expect(new Set(outsideNgc.map((a) => a.nominatingOrganisation.name)).size).toBe(19);
    expect(built).toEqual(seeded);
    expect(await organisationsOf(t, adminToken)).toEqual(await organisationsOf(ref, seededToken));
    // Everything but the first administrator came through the pages: the audit trail names an actor for each.
    const unaudited = await t.db.query(`SELECT count(*)::int AS n FROM organisation o WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.entity = 'organisation' AND e.entity_id::text = o.id::text AND e.action = 'create')`);
    expect(unaudited[0].n).toBe(0);
    process.stdout.write(`seed 003 in the browser: pages checked with axe at 1280 and 390 px: ${[...checked].join(', ')}\n`);
  });
});
