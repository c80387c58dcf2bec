import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser, loginThroughPage } from './browser';
import { startServer, type RunningServer } from './server';

const DEMO_PASSWORD = 'Shuyuan@2026';
const DEMO_CONSUMER_SECRET = 'Demo-Consumer-Secret-2026';
/** What the demo grants demo-consumer of 人口基本信息 (exchange.demo.ts); household_no and the rest are not granted. */
const GRANTED = ['id_number', 'name', 'gender', 'birth_date', 'registered_address'];

/** The demo's example lookups, written by the server to its data directory. */
interface DemoApps {
  apps: { app: string; key: string; resources: { code: string; query: string }[] }[];
}

/** The field names of the try-it result table's columns, in order. */
async function resultColumns(page: Page): Promise<string[]> {
  const ids = await page
    .getByTestId('try-result-table')
    .locator('thead th [data-testid^="try-col-"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace('try-col-', ''));
}

/** Sends the try-it form with a secret and waits for the gateway's answer to replace the previous one. */
async function send(page: Page, secret: string): Promise<string> {
  const before = await page
    .getByTestId('try-string-to-sign')
    .textContent({ timeout: 100 })
    .catch(() => null);
  await page.getByTestId('try-secret').fill(secret);
  await page.getByTestId('try-send').click();
  // Every call has its own nonce and timestamp, so a new answer has a new string to sign.
  await expect
    .poll(
      () =>
        page
          .getByTestId('try-string-to-sign')
          .textContent()
          .catch(() => null),
      { timeout: 15_000 },
    )
    .not.toBe(before);
  return (await page.getByTestId('try-status').textContent())!.trim();
}

describe.runIf(chromiumAvailable())('my grants in the sharing portal, in a real browser', () => {
  let browser: Browser;
  // A server of its own: the test rotates and revokes demo-consumer's secret, and reads a real ID number
  // from the data directory's demo.json (the samples' example number matches no one).
  let server: RunningServer;
  let idNumber: string;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    const demo = JSON.parse(readFileSync(join(server.dataDir, 'demo.json'), 'utf8')) as DemoApps;
    const query = demo.apps.find((a) => a.app === 'demo-consumer')!.resources.find((r) => r.query.startsWith('id_number='))!.query;
    idNumber = new URLSearchParams(query).get('id_number')!;
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'lets the developer rotate the secret, sign a lookup in the browser and get masked, granted fields only',
    { timeout: 180_000 },
    async () => {
      const page = await (await browser.newContext()).newPage();
      await loginThroughPage(page, server.url, 'developer', DEMO_PASSWORD);
      await page.waitForURL(/\/share/);
      await page.getByTestId('nav-grants').click();
      await page.waitForURL(/\/share\/grants$/);

      // The list: the population grant, its application and which fields come masked, and how.
      const row = page.getByTestId('grants-table').locator('tr', { hasText: '人口基本信息' });
      await row.waitFor();
      expect(await row.textContent()).toContain('sydemoconsumer01');
      expect(await row.getByTestId('grant-state').getAttribute('data-state')).toBe('active');
      await row.getByTestId('masked-id_number').waitFor();
      expect(await row.getByTestId('masked-id_number').getAttribute('data-mask')).toBe('id_card_6_4');
      expect(await row.getByTestId('masked-name').getAttribute('data-mask')).toBe('name');
      expect(await row.getByTestId('masked-gender').count()).toBe(0);

      await row.getByRole('link', { name: '人口基本信息' }).click();
      await page.waitForURL(/\/share\/grants\/[0-9a-f-]{36}/);
      expect(await page.getByTestId('grant-title').textContent()).toBe('人口基本信息');
      // The docs: household_no exists in the API but is not granted.
      await page.getByTestId('docs-not-granted-household_no').waitFor();
      await page.getByTestId('docs-granted-id_number').waitFor();

      // Rotate demo-consumer's secret: the new one is shown once, then the old one is revoked.
      await page.getByTestId('grant-tab-credentials').click();
      await page.getByTestId('rotate-secret').click();
      const secretValue = page.getByTestId('secret-value').last();
      await secretValue.waitFor();
      const newSecret = (await secretValue.textContent())!.trim();
      expect(newSecret.length).toBeGreaterThanOrEqual(20);
      expect(newSecret).not.toBe(DEMO_CONSUMER_SECRET);
      await page.getByTestId('secret-modal-done').click();
      await page.getByTestId('rotate-followup').waitFor();
      await page.getByTestId('revoke-old-secret').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.getByTestId('rotate-followup').waitFor({ state: 'detached' });

      // Try it: the AppKey comes from the grant; the ID number is a real person of the demo.
      await page.getByTestId('grant-tab-try').click();
      expect(await page.getByTestId('try-key').inputValue()).toBe('sydemoconsumer01');
      await page.getByTestId('try-param-id_number').fill(idNumber);
      expect(await send(page, newSecret)).toBe('200');

      const stringToSign = (await page.getByTestId('try-string-to-sign').textContent())!.split('\n');
      expect(stringToSign).toHaveLength(7);
      expect(stringToSign[0]).toBe('GET');
      expect(stringToSign[1]).toMatch(/^\/gateway\/v1\/\d{6}\/\d{6}$/);
      expect(stringToSign[2]).toContain(`id_number=${idNumber}`);
      expect(stringToSign[4]).toBe('sydemoconsumer01');

      // Only the granted fields come back, each masked as the API and the grant say.
      expect((await resultColumns(page)).sort()).toEqual([...GRANTED].sort());
      const table = page.getByTestId('try-result-table');
      expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);
      const cell = async (field: string) => (await table.getByTestId(`try-cell-${field}`).first().textContent())!.trim();
      const maskedId = await cell('id_number');
      expect(maskedId).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(maskedId).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
      const name = await cell('name');
      expect(name).toMatch(/^[^*]\*+$/u);
      expect(await cell('registered_address')).toMatch(/\*{8}$/);
      expect(await cell('gender')).toMatch(/^[12]$/);
      expect(await cell('birth_date')).toBe(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`);

      // Asking for fewer fields returns fewer columns.
      await page.getByTestId('try-field-gender').uncheck();
      expect(await send(page, newSecret)).toBe('200');
      expect((await resultColumns(page)).sort()).toEqual(GRANTED.filter((f) => f !== 'gender').sort());

      // A wrong secret, and the revoked one, are refused with BAD_SIGNATURE.
      for (const wrong of ['not-the-secret-of-this-app', DEMO_CONSUMER_SECRET]) {
        expect(await send(page, wrong), wrong).toBe('401');
        expect(await page.getByTestId('try-error-code').textContent(), wrong).toBe('BAD_SIGNATURE');
        expect(await page.getByTestId('try-result-table').count()).toBe(0);
      }

      // The grant's statistics and call log show the two lookups.
      await page.getByTestId('grant-tab-stats').click();
      const calls = page.getByTestId('stats-calls');
      await expect
        .poll(async () => (await calls.locator('tbody tr.ant-table-row', { hasText: '200' }).count()) >= 2, { timeout: 30_000 })
        .toBe(true);
      await page.getByTestId('stats-per-day').waitFor();
    },
  );
});
