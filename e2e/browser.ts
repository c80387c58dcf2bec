import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether Debian's chromium is installed; with REQUIRE_SERVICES=1 its absence fails the run. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.REQUIRE_SERVICES === '1')
    throw new Error(`REQUIRE_SERVICES=1 but ${CHROMIUM} is missing: run scripts/install-chromium.sh`);
  console.warn(`[e2e] browser tests skipped: ${CHROMIUM} is not installed (run scripts/install-chromium.sh)`);
  return false;
}

/** Launches Debian's chromium headless, with the flags that keep it off the closed network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Logs in through the login page. */
export async function loginThroughPage(page: Page, baseUrl: string, login: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Picks an option of an antd Select (or TreeSelect) by typing part of its label, and waits until the form item
 * shows it: on a loaded machine the click can land while the dropdown is still filtering, so it tries again.
 */
export async function chooseOption(
  page: Page,
  selector: string,
  typed: string,
  option: string,
  optionClass = '.ant-select-item-option',
): Promise<void> {
  const item = page.locator('.ant-form-item').filter({ has: page.locator(selector) });
  for (let attempt = 1; ; attempt++) {
    await page.locator(selector).click();
    await page.keyboard.type(typed);
    // The option of the open dropdown, once visible: under load a click during the opening animation can miss.
    const choice = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) ${optionClass}`).filter({ hasText: option }).first();
    await choice.waitFor({ state: 'visible' });
    await choice.click();
    try {
      await item.filter({ hasText: option }).last().waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Clicks a choice in a wizard step, then its "next" button once the choice has registered: on a loaded machine a
 * click can land while the list still moves, so the choice is clicked again until "next" is enabled.
 */
export async function pickThenNext(option: Locator, next: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await option.click();
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && !(await next.isEnabled())) await new Promise((r) => setTimeout(r, 100));
    if (await next.isEnabled()) break;
    if (attempt === 3) throw new Error('the wizard did not take the choice after three clicks');
  }
  await next.click();
}

/**
 * Clicks a row link until what it opens shows: right after a search the list re-renders with its results, and a
 * click that lands while the rows move does nothing, so it is clicked again (never once what it opens is there).
 */
export async function clickUntilShown(target: Locator, shown: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (!(await shown.isVisible())) await target.click();
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}
