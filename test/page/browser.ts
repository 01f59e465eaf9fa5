/** Headless Chromium (Debian's package) driven by playwright-core, each run with a fresh profile. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../simulation/project';

export const CHROMIUM = process.env.HC_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the page tests keep their screenshots (gitignored). */
export const OUTPUT_DIR = path.join(PROJECT_ROOT, 'test-output', 'page');

/**
 * Fails (one line, no stack trace: what to install is all there is to say) when Chromium is not
 * there; `npm test` installs it on Debian as root (test/prerequisites.sh) and says so elsewhere.
 */
export function requireChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  const e = new Error(
    `${CHROMIUM} is missing: install Debian's chromium (as root: sh .ci/install-chromium.sh) or set HC_CHROMIUM to a Chromium binary`,
  );
  e.stack = e.message;
  throw e;
}

export async function openBrowser(opts: { javaScript?: boolean } = {}): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  requireChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    javaScriptEnabled: opts.javaScript !== false,
    viewport: { width: 1300, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The rows of a page table (a LIST sublist), cell texts trimmed. */
export async function tableRows(page: Page, sublistId: string): Promise<string[][]> {
  const rows = page.locator(`table[data-sublist="${sublistId}"] tbody tr`);
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator('td:not(.ns-empty)');
    const texts: string[] = [];
    for (let j = 0; j < (await cells.count()); j++) texts.push((await cells.nth(j).innerText()).trim());
    if (texts.length) out.push(texts);
  }
  return out;
}

export async function fieldText(page: Page, fieldId: string): Promise<string> {
  return (await page.locator(`[data-field="${fieldId}"]:not(.ns-field)`).first().innerText()).trim();
}

export async function messageText(page: Page): Promise<string> {
  const m: Locator = page.locator('.hc-msg');
  return (await m.count()) ? (await m.first().innerText()).trim() : '';
}

/** Opens a tab of the page through its tab bar link (a plain link: selectedtab in the URL). */
export async function openTab(page: Page, tabId: string): Promise<void> {
  if (await page.locator(`section#${tabId}`).isVisible()) return;
  await Promise.all([page.waitForNavigation(), page.click(`nav.ns-tabs a[data-tab="${tabId}"]`)]);
}

/** Chooses an action on the Actions tab and submits the form (a plain POST, no script needed). */
export async function runAction(page: Page, action: string, feed?: string): Promise<void> {
  await openTab(page, 'custpage_tab_actions');
  await page.selectOption('select[name="custpage_action"]', action);
  if (feed !== undefined) await page.selectOption('select[name="custpage_feed"]', feed);
  await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').first().click()]);
}
