import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PG_URL, postgresUnavailable, runSql } from './postgres';
import { usccCheckChar } from '@shuyuan/contracts';
import { chromiumAvailable, launchBrowser, loginThroughPage, pickThenNext } from './browser';

const DEMO_PASSWORD = 'Shuyuan@2026';
const hasChromium = chromiumAvailable();

const pgMissing = hasChromium ? await postgresUnavailable('data source and mount tests') : 'no chromium';

/** A valid 统一社会信用代码 no demo department has (agency codes are unique). */
function randomUscc(): string {
  const digits = Array.from(randomBytes(10), (b) => String(b % 10)).join('');
  const first17 = `11320100${digits.slice(0, 9)}`;
  return `${first17}${usccCheckChar(first17)}`;
}

/** Creates a catalog entry through the API from inside the page: its session cookie and CSRF token. */
async function createEntry(page: Page, name: string, items: object[]): Promise<string> {
  const content = {
    name,
    summary: '挂接向导浏览器测试用的人口信息目录。',
    resourceAttribute: 'base',
    domain: 'public_security',
    classItem: '01',
    classTopic: '001',
    dataLevel: 'province',
    areaRange: 'province_wide',
    processingDegree: 'raw',
    channel: 'gov_extranet',
    scenario: 'government_service',
    formatClass: 'database',
    formatType: 'PostgreSQL',
    sharingType: 'conditional',
    sharingCondition: '用于政务服务事项办理中的身份核验',
    sharingMethods: ['table'],
    openType: 'none',
    updateCycle: 'daily',
    items,
  };
  return page.evaluate(async (body) => {
    const csrf = decodeURIComponent(/(?:^|;\s*)sy_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
    const res = await fetch('/api/v1/catalog/entries', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`creating the entry answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }, content);
}

describe.runIf(hasChromium)('data sources, mounts and the cascade in a real browser', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  const suffix = randomBytes(3).toString('hex');
  const schema = `e2e_sources_${suffix}`;
  const table = 'residents';

  beforeAll(async () => {
    browser = await launchBrowser();
    if (pgMissing) return;
    await runSql(
      `create schema ${schema}`,
      `create table ${schema}.${table} (
        id_number varchar(18) primary key,
        full_name varchar(50) not null,
        birth_date date,
        updated_at timestamp,
        phone varchar(20)
      )`,
      `comment on table ${schema}.${table} is '常住人口（浏览器测试）'`,
      `comment on column ${schema}.${table}.full_name is '姓名'`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    if (pgMissing) return;
    await runSql(`drop schema if exists ${schema} cascade`);
  });

  async function loggedIn(login: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginThroughPage(page, baseUrl, login, DEMO_PASSWORD);
    await page.waitForURL(/\/console/);
    await page.getByTestId('console-menu').waitFor();
    return page;
  }

  it.skipIf(!!pgMissing)(
    'registers a PostgreSQL source, reads its columns, mounts a table to an entry and gets it approved',
    { timeout: 180_000 },
    async () => {
      const sourceName = `常住人口库-${suffix}`;

      // The officer registers the source, tests it before saving, and opens the table's columns.
      const officer = await loggedIn('officer');
      await officer.getByTestId('nav-sources').click();
      await officer.getByTestId('source-create').click();
      await officer.locator('#name').fill(sourceName);
      await officer.locator('#host').fill(PG_URL.hostname);
      await officer.locator('#port').fill(PG_URL.port || '5432');
      await officer.locator('#database').fill(decodeURIComponent(PG_URL.pathname.slice(1)));
      await officer.locator('#user').fill(decodeURIComponent(PG_URL.username) || 'postgres');
      if (PG_URL.password) await officer.locator('#password').fill(decodeURIComponent(PG_URL.password));
      await officer.locator('#schema').fill(schema);
      await officer.getByTestId('source-test').click();
      const result = officer.getByTestId('source-test-result');
      await result.waitFor();
      expect(await result.getAttribute('data-status'), (await result.textContent()) ?? '').toBe('ok');
      expect(await result.textContent()).toContain('连接成功');
      await officer.getByTestId('source-save').click();
      await officer.getByTestId('source-link').filter({ hasText: sourceName }).click();
      await officer.getByTestId('source-title').filter({ hasText: sourceName }).waitFor();
      await officer.locator(`[data-testid="source-table-row"][data-table="${table}"]`).click();
      const columns = officer.locator(`[data-testid="source-columns"][data-table="${table}"]`);
      for (const column of ['id_number', 'full_name', 'birth_date', 'updated_at', 'phone'])
        await columns.locator(`[data-testid="source-column"][data-column="${column}"]`).waitFor();
      expect(await columns.textContent()).toContain('character varying');

      // An entry whose 姓名 item has no column of its English name: the wizard reports it missing.
      const entryId = await createEntry(officer, `常住人口基本信息-${suffix}`, [
        { name: '身份证号', nameEn: 'id_number', dataType: 'char', length: 18, primaryKey: true },
        { name: '姓名', nameEn: 'name', dataType: 'char', length: 50 },
        { name: '出生日期', nameEn: 'birth_date', dataType: 'date' },
        { name: '更新时间', nameEn: 'updated_at', dataType: 'datetime', timestamp: true },
      ]);
      await officer.goto(`${baseUrl}/console/catalog/${entryId}/mounts`);
      await officer.getByTestId('mount-create').click();
      const wizard = officer.getByTestId('mount-wizard');
      await pickThenNext(wizard.getByTestId('mount-source-option').filter({ hasText: sourceName }), wizard.getByTestId('mount-next'));
      await pickThenNext(wizard.getByTestId('mount-resource-option').filter({ hasText: table }), wizard.getByTestId('mount-next'));
      const missing = wizard.getByTestId('mount-diff-missing');
      await missing.waitFor();
      expect(await missing.textContent()).toContain('姓名');
      await wizard.locator('[data-testid="mount-diff"][data-covers="false"]').waitFor();
      expect(await wizard.getByTestId('mount-next').isDisabled()).toBe(true);

      // Mapped by hand to full_name, the comparison runs again and covers every item.
      await wizard.locator('[data-testid="mount-diff-row"][data-item="姓名"] .ant-select').click();
      await officer.locator('.ant-select-item-option').filter({ hasText: 'full_name' }).click();
      await wizard.locator('[data-testid="mount-diff"][data-covers="true"]').waitFor();
      expect(await missing.count()).toBe(0);
      await wizard.getByTestId('mount-next').click();
      await wizard.getByTestId('mount-submit').click();
      await officer.locator(`[data-testid="mount-row"][data-resource="${schema}.${table}"][data-status="in_review"]`).waitFor();
      expect(await officer.getByTestId('entry-mount-status').getAttribute('data-status')).toBe('in_review');
      await officer.context().close();

      // The reviewer approves it: the mount and the entry show 已挂接.
      const reviewer = await loggedIn('reviewer');
      await reviewer.goto(`${baseUrl}/console/catalog/${entryId}/mounts`);
      await reviewer.getByTestId('mount-approve').click();
      await reviewer.locator('.ant-popconfirm .ant-btn-primary').click();
      await reviewer.locator(`[data-testid="mount-row"][data-resource="${schema}.${table}"][data-status="mounted"]`).waitFor();
      await reviewer.locator('[data-testid="entry-mount-status"][data-status="mounted"]').waitFor();
      expect(await reviewer.getByTestId('entry-mount-status').textContent()).toContain('已挂接');
      expect(await reviewer.getByTestId('mount-status').textContent()).toContain('已挂接');
      await reviewer.context().close();
    },
  );

  it('lets the administrator register a cascade node and shows it with its status', { timeout: 90_000 }, async () => {
    const key = `e2e-${suffix}`;
    const admin = await loggedIn('admin');
    await admin.getByTestId('nav-cascade').click();
    await admin.getByTestId('cascade-create').click();
    await admin.getByTestId('cascade-name').fill(`测试下级-${suffix}`);
    // Nothing listens on the discard port: the node is registered all the same and shows its error.
    await admin.getByTestId('cascade-base-url').fill('http://127.0.0.1:9');
    await admin.getByTestId('cascade-region').fill('320100');
    await admin.getByTestId('cascade-agency').fill(randomUscc());
    await admin.getByTestId('cascade-key').fill(key);
    await admin.getByRole('button', { name: '随机生成' }).click();
    expect((await admin.getByTestId('cascade-secret').inputValue()).length).toBe(64);
    await admin.locator('#cascade-save').click();
    const row = admin.locator(`[data-testid="node-row"][data-key="${key}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('下级');
    expect(await row.textContent()).toContain('http://127.0.0.1:9');
    // The demo's published entries are queued for it; the first push fails and the row says so.
    await row.getByTestId('node-error').waitFor({ timeout: 60_000 });
    expect((await row.getByTestId('node-error').textContent())?.length).toBeGreaterThan(0);
    await admin.context().close();
  });
});
