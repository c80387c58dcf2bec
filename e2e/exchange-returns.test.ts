import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser, loginThroughPage } from './browser';

const DEMO_PASSWORD = 'Shuyuan@2026';
const hasChromium = chromiumAvailable();

describe.runIf(hasChromium)('return flow (回流) pages in a real browser', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A logged-in console page, and the errors it throws or logs while the test looks at it. */
  async function loggedIn(login: string): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext()).newPage();
    await loginThroughPage(page, baseUrl, login, DEMO_PASSWORD);
    await page.waitForURL(/\/console/);
    // Logged in: the login page's 401 for the session it did not have yet is no error of these pages.
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return { page, errors };
  }

  /** Opens 新建任务 on 库表任务 and gives the kinds it offers. */
  async function offeredKinds(page: Page): Promise<string[]> {
    await page.getByTestId('nav-exchange-jobs').click();
    await page.waitForURL(/\/console\/exchange\/jobs$/);
    await page.getByTestId('job-create').click();
    const kinds = page.getByTestId('job-form').getByTestId('job-kind').locator('.ant-radio-button-wrapper');
    await kinds.first().waitFor();
    return kinds.allTextContents();
  }

  it('shows the bureau 回流接收, the overview with table and return-flow volumes, and 回流 among the new jobs', async () => {
    const { page, errors } = await loggedIn('admin');
    await page.getByTestId('nav-exchange-returns').click();
    await page.waitForURL(/\/console\/exchange\/returns$/);
    // This demo server is no lower node: nothing has returned to it, and the page says what would.
    await page.locator('[data-testid="returns-empty"], [data-testid="returned-row"]').first().waitFor();

    await page.getByTestId('nav-exchange-overview').click();
    await page.waitForURL(/\/console\/exchange\/overview$/);
    const tableRows = page.getByTestId('kpi-table-rows-today');
    await expect.poll(() => tableRows.getAttribute('data-value'), { timeout: 15_000 }).toMatch(/^\d+$/);
    await page.getByTestId('overview-returns').locator('.ant-table').waitFor();

    expect(await offeredKinds(page)).toEqual(['归集', '分发', '回流']);
    await page.getByTestId('job-form').getByText('回流', { exact: true }).click();
    await page.getByTestId('job-return-node').waitFor();
    await page.getByTestId('job-region-prefix').waitFor();
    // A return flow sends the region's rows in full: there is no delete detection to switch.
    expect(await page.getByTestId('job-detect-deletes').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('offers a data officer no 回流, and shows their 回流接收 empty', async () => {
    const { page, errors } = await loggedIn('officer');
    expect(await offeredKinds(page)).toEqual(['归集', '分发']);
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-exchange-returns').click();
    await page.waitForURL(/\/console\/exchange\/returns$/);
    await page.getByTestId('returns-empty').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
