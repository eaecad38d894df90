import type { Page } from 'playwright-core';
import { COMMISSIONS, ORGANISATIONS, PEOPLE } from '@samverkan/seeds';
import { tabTo } from './browser';
import { createPerson } from './factories';
import { ok } from './structure-fixtures';
import type { TestApp } from './test-app';

/**
 * Page-level helpers for the secretariat's structure pages (apps/web commissions,
 * working groups): each drives the real form as a person would, and returns the id
 * the page navigated to. Fields are found by their ids, so they work in any language.
 */

/** Types a name into a register picker and waits until the page says it is chosen. */
export async function pick(page: Page, id: string, name: string, keyboard = false): Promise<void> {
  if (keyboard) {
    await tabTo(page, `#${id}`);
    await page.keyboard.type(name);
  } else {
    await page.fill(`#${id}`, name);
  }
  await chosen(page, id, name);
}

/** Waits until the picker `id` says `name` is chosen. */
export async function chosen(page: Page, id: string, name: string): Promise<void> {
  await page.locator(`#${id}-chosen`, { hasText: name }).waitFor();
}

/** Adds one name to a multi picker (partners, commissioners). */
export async function addPicked(page: Page, id: string, name: string): Promise<void> {
  await pick(page, `${id}-search`, name);
  await page.click(`#${id}-add`);
  await page.locator(`#${id} .chosen-list li`, { hasText: name }).waitFor();
}

export interface CommissionInBrowser {
  title: string;
  kind: string;
  commissioningBody: string;
  lead: string;
  partners?: string[];
  referenceNumber?: string;
  description?: string;
  startsOn: string;
  reportingDeadline?: string;
  reportCadence?: string;
  timeZone?: string;
  objectives: string[];
  commissioners?: string[];
  secretariat?: string[];
}

/** From /commissions: "New commission", the form filled in, sent; returns the new commission's id. */
export async function createCommissionInBrowser(page: Page, baseUrl: string, c: CommissionInBrowser): Promise<string> {
  await page.goto(`${baseUrl}/commissions`);
  await page.click('a[href="/commissions/new"]');
  await page.waitForSelector('#title');
  await page.fill('#title', c.title);
  await page.selectOption('#kind', c.kind);
  await pick(page, 'commissioningBodyId', c.commissioningBody);
  await pick(page, 'leadOrganisationId', c.lead);
  for (const partner of c.partners ?? []) await addPicked(page, 'partnerIds', partner);
  if (c.referenceNumber) await page.fill('#referenceNumber', c.referenceNumber);
  if (c.description) await page.fill('#description', c.description);
  for (const [i, text] of c.objectives.entries()) {
    if (i > 0) await page.click('#objectives-add');
    await page.fill(`#objectives-${i}-text`, text);
  }
  await page.fill('#startsOn', c.startsOn);
  if (c.reportingDeadline) await page.fill('#reportingDeadline', c.reportingDeadline);
  if (c.reportCadence) await page.selectOption('#reportCadence', c.reportCadence);
  if (c.timeZone) await page.selectOption('#timeZone', c.timeZone);
  for (const person of c.commissioners ?? []) await addPicked(page, 'commissionerIds', person);
  for (const person of c.secretariat ?? []) await addPicked(page, 'secretariatIds', person);
  await page.click('form button[type=submit]');
  await page.waitForURL(/\/commissions\/[0-9a-f-]{36}$/);
  await page.waitForSelector('h1');
  return new URL(page.url()).pathname.split('/')[2];
}

export interface GroupInBrowser {
  name: string;
  purpose?: string;
  /** FORMING (the default), ACTIVE or CONCLUDED. */
  status?: 'FORMING' | 'ACTIVE' | 'CONCLUDED';
  /** The parent group's name (a sub-group). */
  parent?: string;
  chair?: string;
  lead?: string;
  secretariat?: string;
  reportsTo?: string;
  /** YYYY-MM-DD */
  establishedOn?: string;
  subgroupsAllowed?: boolean;
  holdoverAllowed?: boolean;
  /** Letters of the commission's objectives. */
  objectives?: string[];
  /** Codes of the strategy's goals ("2.2"). */
  goals?: string[];
}

/**
 * From the commission page: "New working group", the form filled in, sent; returns
 * the group's id. With `keyboard`, every field is reached with Tab and filled with
 * keys alone (the date typed in the browser's en-US order: month, day, year).
 */
export async function createWorkingGroupInBrowser(page: Page, baseUrl: string, commissionId: string, g: GroupInBrowser, options: { keyboard?: boolean } = {}): Promise<string> {
  await page.goto(`${baseUrl}/commissions/${commissionId}`);
  await page.waitForSelector('h1');
  const link = `a[href="/commissions/${commissionId}/working-groups/new"]`;
  if (options.keyboard) {
    await tabTo(page, link);
    await page.keyboard.press('Enter');
  } else {
    await page.click(link);
  }
  await page.waitForSelector('#name');
  await fillGroupForm(page, g, options.keyboard ?? false);
  if (options.keyboard) {
    await tabTo(page, 'form button[type=submit]');
    await page.keyboard.press('Enter');
  } else {
    await page.click('form button[type=submit]');
  }
  await page.waitForURL(/\/working-groups\/[0-9a-f-]{36}$/);
  await page.waitForSelector('h1');
  return new URL(page.url()).pathname.split('/')[2];
}

/** Fills the working-group form (new or edit) as given; fields not given stay as they are. */
export async function fillGroupForm(page: Page, g: GroupInBrowser, keyboard: boolean): Promise<void> {
  const text = async (id: string, value: string | undefined) => {
    if (value === undefined) return;
    if (keyboard) {
      await tabTo(page, `#${id}`);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(value);
    } else {
      await page.fill(`#${id}`, value);
    }
  };
  const check = async (id: string, on: boolean | undefined) => {
    if (on === undefined || (await page.isChecked(`#${id}`)) === on) return;
    if (keyboard) {
      await tabTo(page, `#${id}`);
      await page.keyboard.press('Space');
    } else {
      await page.click(`#${id}`);
    }
  };
  await text('name', g.name);
  await text('purpose', g.purpose);
  if (g.status) {
    if (keyboard) {
      await tabTo(page, '#status');
      const order = ['FORMING', 'ACTIVE', 'CONCLUDED'];
      const from = order.indexOf(await page.inputValue('#status'));
      for (let i = from; i < order.indexOf(g.status); i++) await page.keyboard.press('ArrowDown');
      for (let i = from; i > order.indexOf(g.status); i--) await page.keyboard.press('ArrowUp');
    } else {
      await page.selectOption('#status', g.status);
    }
  }
  if (g.parent) {
    const options = (await page.evaluate(`[...document.querySelectorAll('#parentId option')].map((o) => [o.value, o.textContent])`)) as [string, string][];
    const value = options.find(([, label]) => label === g.parent)?.[0];
    if (!value) throw new Error(`no parent group ${g.parent}`);
    if (keyboard) {
      await tabTo(page, '#parentId');
      const values = options.map(([v]) => v);
      for (let i = values.indexOf(await page.inputValue('#parentId')); i < values.indexOf(value); i++) await page.keyboard.press('ArrowDown');
    } else {
      await page.selectOption('#parentId', value);
    }
  }
  if (g.chair) await pick(page, 'chairPersonId', g.chair, keyboard);
  if (g.lead) await pick(page, 'leadOrganisationId', g.lead, keyboard);
  if (g.secretariat) await pick(page, 'secretariatOrganisationId', g.secretariat, keyboard);
  await text('reportsTo', g.reportsTo);
  if (g.establishedOn) {
    if (keyboard) {
      const [y, m, d] = g.establishedOn.split('-');
      await tabTo(page, '#establishedOn');
      await page.keyboard.type(`${m}${d}${y}`);
    } else {
      await page.fill('#establishedOn', g.establishedOn);
    }
  }
  await check('subgroupsAllowed', g.subgroupsAllowed);
  await check('holdoverAllowed', g.holdoverAllowed);
  for (const letter of g.objectives ?? []) await check(`objective-${letter}`, true);
  for (const code of g.goals ?? []) await check(`goal-${code.replace('.', '-')}`, true);
}

/** Seed 003 as the forms take it: the commission and its main working group, by names. */
export function seed003Forms(): { commission: CommissionInBrowser; group: GroupInBrowser; observer: string } {
  const c = COMMISSIONS.find((x) => x.key === '003')!;
  const g = c.groups[0];
  const org = (key: string) => ORGANISATIONS.find((o) => o.key === key)!.name;
  const person = (key: string) => PEOPLE.find((p) => p.key === key)!.fullName;
  return {
    commission: {
      title: c.title,
      kind: c.kind.toUpperCase(),
      commissioningBody: org(c.commissioningBody),
      lead: org(c.lead),
      partners: (c.partners ?? []).map(org),
      description: c.description,
      startsOn: c.startsOn,
      reportingDeadline: c.reportingDeadline,
      reportCadence: c.reportCadence.toUpperCase(),
      timeZone: c.timeZone,
      objectives: (c.objectives ?? []).map((o) => o.text),
      commissioners: (c.commissioners ?? []).map(person),
      secretariat: (c.secretariat ?? []).map(person),
    },
    group: {
      name: g.name,
      purpose: g.purpose,
      status: g.status.toUpperCase() as GroupInBrowser['status'],
      chair: g.chair && person(g.chair),
      lead: g.leadOrganisation && org(g.leadOrganisation),
      secretariat: g.secretariatOrganisation && org(g.secretariatOrganisation),
      reportsTo: g.reportsTo,
      establishedOn: g.establishedOn,
      subgroupsAllowed: g.subgroupsAllowed,
      objectives: g.objectives,
    },
    observer: person(c.roles!.find((r) => r.role === 'observer')!.person),
  };
}

/**
 * The register seed 003 draws on, made through the API as an administrator: the
 * Danish organisations (parents first) and the people of the commission's roles
 * (with accounts and the test password, TEST_PASSWORD, so they can sign in).
 * Returns the people's e-mails by seed key.
 */
export async function register003(t: TestApp, adminToken: string): Promise<Record<string, string>> {
  const ids = new Map<string, string>();
  for (const o of ORGANISATIONS.filter((x) => x.country === 'DK')) {
    const data = await ok(t, adminToken, `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, {
      input: { name: o.name, shortName: o.shortName, kind: o.kind.toUpperCase(), country: o.country, region: o.region, parentId: o.parent ? ids.get(o.parent) : undefined },
    });
    ids.set(o.key, data.createOrganisation.id);
  }
  const emails: Record<string, string> = {};
  for (const key of ['ngc-secretariat', 'ngc-chair', 'ngc-commissioner', 'ngc-observer', 'sst-member']) {
    const p = PEOPLE.find((x) => x.key === key)!;
    const created = await createPerson(t.db, { fullName: p.fullName, email: p.email, locale: p.locale, timeZone: p.timeZone, gender: p.gender ?? null, affiliationId: p.affiliation ? ids.get(p.affiliation) : undefined });
    emails[key] = created.email;
  }
  return emails;
}
