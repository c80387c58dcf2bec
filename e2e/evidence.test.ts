import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchBrowser, loginThroughPage } from './browser';

const DEMO_PASSWORD = 'Shuyuan@2026';

describe.runIf(chromiumAvailable())('the evidence log in a real browser', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the auditor sign a checkpoint and check an entry, its proof and the signature in the page', { timeout: 120_000 }, async () => {
    const page = await (await browser.newContext()).newPage();
    await loginThroughPage(page, baseUrl, 'auditor', DEMO_PASSWORD);
    await page.waitForURL(/\/console/);
    await page.getByTestId('console-menu').getByText('存证日志').click();
    await page.waitForURL(/\/console\/evidence/);
    // Loading the demo and logging in were audited: the log is not empty once sequenced and signed.
    await page.getByTestId('evidence-sign').click();
    await expect.poll(async () => Number(await page.getByTestId('evidence-size').textContent()), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByTestId('checkpoint-signature').first().waitFor();
    expect(await page.getByTestId('checkpoint-signature').first().getAttribute('data-ok')).toBe('true');

    await page.getByTestId('evidence-index').fill('0');
    await page.getByTestId('evidence-lookup').click();
    await page.getByTestId('evidence-leaf').waitFor();
    for (const verdict of ['verdict-hash', 'verdict-proof', 'verdict-signature'])
      expect(await page.getByTestId(verdict).getAttribute('data-ok'), verdict).toBe('true');
    expect(await page.getByTestId('evidence-leaf').textContent()).toContain('"kind":"audit"');
  });
});
