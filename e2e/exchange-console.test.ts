import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signatureHeaders } from '../apps/server/src/platform/signing';
import { chooseOption as choose, chromiumAvailable, launchBrowser, loginThroughPage } from './browser';
import { startServer, type RunningServer } from './server';

const DEMO_PASSWORD = 'Shuyuan@2026';
const DEMO_CONSUMER = { key: 'sydemoconsumer01', secret: 'Demo-Consumer-Secret-2026' };

/** The demo's example lookups, written by the server to its data directory. */
interface DemoApps {
  apps: { app: string; key: string; resources: { code: string; query: string }[] }[];
}

/** Fills the new-grant form: 社会保险经办系统 of 人社厅 gets two fields of 企业登记信息, the code shown by its first 4 characters. */
async function fillGrant(page: Page): Promise<void> {
  await page.getByTestId('grant-create').click();
  await choose(page, '#entryId', '企业登记信息', '企业登记信息（江苏省市场监督管理局）');
  // The entry is shared by API; the method follows it and the fields come from its gateway API.
  await page.locator('.ant-modal .ant-radio-button-wrapper-checked input[value="api"]').waitFor({ state: 'attached' });
  await choose(
    page,
    '#consumerDepartmentId',
    '人力资源和社会保障厅',
    '江苏省人力资源和社会保障厅',
    '.ant-select-tree-node-content-wrapper',
  );
  await choose(page, '#appId', '社会保险', '社会保险经办系统');
  const fields = page.getByTestId('grant-fields');
  await fields.getByText('统一社会信用代码').click();
  await fields.getByText('企业名称').click();
  await choose(page, '#masks_uscc', '前4', '仅显示前4位');
  await page.getByTestId('grant-purpose').fill('社保登记时核验参保单位的登记信息（端到端测试）');
}

describe.runIf(chromiumAvailable())('sharing and exchange in the console, in a real browser', () => {
  let browser: Browser;
  // A server of its own: the test reads a real ID number from the data directory's demo.json, and grants and revokes.
  let server: RunningServer;
  let lookup: { code: string; query: string };

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    const demo = JSON.parse(readFileSync(join(server.dataDir, 'demo.json'), 'utf8')) as DemoApps;
    lookup = demo.apps.find((a) => a.key === DEMO_CONSUMER.key)!.resources.find((r) => r.query.startsWith('id_number='))!;
    expect(new URLSearchParams(lookup.query).get('id_number')).toMatch(/^\d{17}[\dX]$/);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function loggedIn(login: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await loginThroughPage(page, server.url, login, DEMO_PASSWORD);
    await page.waitForURL(/\/console/);
    return page;
  }

  it("shows the provider a signed call in 人口基本信息's call log, with its proof checked in the page", { timeout: 180_000 }, async () => {
    // A consumer's call, signed here in Node with the demo application's secret (contracts §3).
    const url = `/gateway/v1/${lookup.code}?${lookup.query}`;
    const res = await fetch(`${server.url}${url}`, { headers: signatureHeaders({ method: 'GET', url }, DEMO_CONSUMER) });
    const body = (await res.json()) as { data?: Record<string, unknown>[]; callId: string };
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.data).toHaveLength(1);

    const page = await loggedIn('officer');
    await page.getByTestId('nav-exchange-apis').click();
    await page.waitForURL(/\/console\/exchange\/apis$/);
    const api = page.locator('[data-testid="api-row"][data-entry="人口基本信息"]');
    await api.getByTestId('api-open').click();
    await page.waitForURL(/\/console\/exchange\/apis\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('api-title').textContent()).toBe('人口基本信息');
    // 使用方: demo-consumer of 市场监管局 is among the grants 公安厅 gives on it.
    const grantRow = page.locator('[data-testid="grant-row"][data-app="demo-consumer"]');
    await grantRow.first().waitFor();
    expect(await grantRow.count()).toBe(1);

    await page.getByTestId('tab-calls').click();
    // The gateway commits its log every 200 ms; the page asks again on refresh.
    const row = page.locator(`[data-testid="call-row"][data-call-id="${body.callId}"]`);
    await expect
      .poll(
        async () => {
          if ((await row.count()) === 0) await page.getByTestId('call-refresh').click();
          return row.count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
    expect(await row.getAttribute('data-status')).toBe('200');
    expect(await row.getAttribute('data-app-key')).toBe(DEMO_CONSUMER.key);

    await row.getByTestId('call-proof-open').click();
    await page.getByTestId('verdict-hash').waitFor();
    expect(await page.getByTestId('verdict-hash').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('verdict-proof').getAttribute('data-ok')).toBe('true');
    // The entry shown is the call's own record.
    const entry = await page.getByTestId('call-entry').textContent();
    expect(entry).toContain(body.callId);
    expect(entry).toContain(DEMO_CONSUMER.key);
  });

  it('shows the bureau a live overview, and lets it grant and revoke', { timeout: 180_000 }, async () => {
    const page = await loggedIn('admin');
    await page.getByTestId('nav-exchange-overview').click();
    await page.waitForURL(/\/console\/exchange\/overview$/);
    // The first test's call happened today.
    await expect
      .poll(async () => Number(await page.getByTestId('kpi-calls-today').getAttribute('data-value')), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(Number(await page.getByTestId('kpi-served-apis').getAttribute('data-value'))).toBeGreaterThanOrEqual(2);

    await page.getByTestId('nav-exchange-grants').click();
    await page.waitForURL(/\/console\/exchange\/grants$/);
    const granted = page.locator('[data-testid="grant-row"][data-entry="企业登记信息"][data-app="社会保险经办系统"]');
    await page.locator('[data-testid="grant-row"]').first().waitFor();
    expect(await granted.count()).toBe(0);

    await fillGrant(page);
    await page.getByTestId('grant-submit').click();
    await granted.waitFor();
    expect(await granted.getAttribute('data-state')).toBe('active');
    expect(await granted.textContent()).toContain('uscc · 仅显示前4位');
    expect(await granted.textContent()).toContain('enterprise_name');

    // The same grant again: the server refuses it (one live grant per application and resource), shown at the application.
    await fillGrant(page);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/exchange/grants') && r.request().method() === 'POST');
    await page.getByTestId('grant-submit').click();
    expect((await refused).status()).toBe(409);
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '该应用已持有此资源的有效授权' }).waitFor();
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    await granted.getByTestId('grant-revoke').click();
    await page.getByTestId('grant-revoke-reason').fill('端到端测试结束，撤销授权');
    await page.getByTestId('grant-revoke-confirm').click();
    await expect.poll(() => granted.getAttribute('data-state'), { timeout: 10_000 }).toBe('revoked');
  });
});
