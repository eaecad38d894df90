import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { scaled } from './progress';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core 4.14 in the page against WCAG 2.0/2.1 A and AA; returns the violations (rule, impact, where). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script>: a page whose CSP forbids inline scripts (the web app) is checked as served.
  await page.evaluate(AXE);
  // Evaluated in the browser (as a string: this project compiles without the DOM types).
  return (await page.evaluate(`axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }).then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`)) as AxeViolation[];
}

/** A fresh browser context (no cookies) whose waits follow the machine's load. */
export async function newBrowserContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = { viewport: { width: 1280, height: 900 } }): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(scaled(30_000));
  return context;
}

/** Fills the sign-in form as a person would and submits it with Enter. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.waitForSelector('#email');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.press('#password', 'Enter');
}

/** Opens the sign-in page at `baseUrl`, signs in as `email` and waits for the start page the app leads to. */
export async function signInAt(page: Page, baseUrl: string, email: string, password: string, signInPath = '/sign-in'): Promise<void> {
  await page.goto(`${baseUrl}${signInPath}`);
  await submitSignIn(page, email, password);
  await page.waitForURL(`${baseUrl}/`);
}

/** A fresh context (1280 px wide unless `options` say otherwise) with one page, signed in as `email` (signInAt). */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  options: Parameters<Browser['newContext']>[0] = {},
  signInPath = '/sign-in',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newBrowserContext(browser, { viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await signInAt(page, baseUrl, email, password, signInPath);
  return { context, page };
}

/**
 * The checks every page passes at 1280 and 390 px: no axe violation, no horizontal
 * scrolling; with WEB_SCREENSHOTS set (a folder), a full-page screenshot at each width.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const shots = process.env.WEB_SCREENSHOTS;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Taken before the checks, so a failing page can be looked at.
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
    }
    expect({ name, width, violations: await axeViolations(page) }).toEqual({ name, width, violations: [] });
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    // On failure, the elements that reach past the window's right edge say where to look.
    const wide = overflow > 0 ? await widerThanWindow(page) : [];
    expect({ name, width, overflow, wide }).toEqual({ name, width, overflow: 0, wide: [] });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The innermost elements whose right edge lies past the window's (tag#id.class and the text they start with). */
function widerThanWindow(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const limit = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > limit + 0.5);
    return wide
      .filter((e) => !wide.some((other) => other !== e && e.contains(other)))
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' "' + (e.textContent || '').trim().slice(0, 40) + '"');
  })()`) as Promise<string[]>;
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * Chooses, in a picker (a search field `#<id>-search` and its list `#<id>`), the entry
 * named `label` exactly, or `label` followed by a short name "(…)" or an address "<…>".
 * It waits for that entry, not for any that contains the words: a list still showing the
 * last search's answers may hold "Nationalt Genom Centers bestyrelse" before the search for
 * "Nationalt Genom Center" has come back.
 */
export async function pickFromSearch(page: Page, id: string, search: string, label: string): Promise<void> {
  await page.fill(`#${id}-search`, search);
  // Polled from here: the page's CSP forbids the string evaluation page.waitForFunction would use.
  const deadline = Date.now() + scaled(30_000);
  for (;;) {
    const value = await page
      .locator(`#${id} option`)
      .evaluateAll((options, wanted) => (options as unknown as { text: string; value: string }[]).find((o) => o.text === wanted || o.text.startsWith(`${wanted} (`) || o.text.startsWith(`${wanted} <`))?.value ?? null, label);
    if (value) {
      await page.selectOption(`#${id}`, value);
      return;
    }
    if (Date.now() > deadline) throw new Error(`no entry named "${label}" in #${id} after searching "${search}"`);
    await page.waitForTimeout(100);
  }
}
