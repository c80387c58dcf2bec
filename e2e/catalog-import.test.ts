import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, clickUntilShown, launchBrowser, loginThroughPage, pickThenNext } from './browser';
import { PG_URL, postgresUnavailable, runSql } from './postgres';

const DEMO_PASSWORD = 'Shuyuan@2026';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ENTRY_SHEET = '目录信息';
const ITEM_SHEET = '信息项';
const hasChromium = chromiumAvailable();
const pgMissing = hasChromium ? await postgresUnavailable('the catalog import test') : 'no chromium';

/** A row of a template sheet, by header (codes or labels in coded columns). */
type Row = Record<string, string | number | null>;

/** An entry of the template whose data items are the columns of the test table. */
function entryRow(name: string): Row {
  return {
    资源名称: name,
    资源摘要: '浏览器测试从 Excel 导入的常住人口信息。',
    资源属性: 'base',
    数据领域: 'public_security',
    分类项: '01',
    分类目: '001',
    数据层级: 'province',
    区域范围: 'province_wide',
    加工程度: 'raw',
    提供渠道: 'gov_extranet',
    应用场景: 'government_service',
    格式分类: 'database',
    格式类型: 'PostgreSQL',
    共享类型: 'conditional',
    共享条件: '用于政务服务事项办理中的身份核验',
    共享方式: 'table',
    开放类型: 'none',
    更新周期: 'daily',
  };
}

function itemRows(entryName: string): Row[] {
  return [
    { 资源名称: entryName, 信息项名称: '身份证号', 英文名称: 'id_number', 数据类型: 'char', 长度: 18, 是否主键: '是' },
    { 资源名称: entryName, 信息项名称: '姓名', 英文名称: 'full_name', 数据类型: 'char', 长度: 50 },
    { 资源名称: entryName, 信息项名称: '出生日期', 英文名称: 'birth_date', 数据类型: 'date' },
    { 资源名称: entryName, 信息项名称: '更新时间', 英文名称: 'updated_at', 数据类型: 'datetime', 是否时间戳: '是' },
  ];
}

/** Fills the rows below a sheet's header, each cell by its column's header. */
function fill(sheet: ExcelJS.Worksheet, rows: Row[]): void {
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(String(cell.value), col));
  rows.forEach((row, i) => {
    for (const [header, value] of Object.entries(row)) {
      const col = columns.get(header);
      if (!col) throw new Error(`the template has no column ${header} in ${sheet.name}`);
      sheet.getRow(i + 2).getCell(col).value = value;
    }
  });
}

/** The template as the server hands it out, filled with entries and items. */
async function filledTemplate(template: Buffer, entries: Row[], items: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  fill(workbook.getWorksheet(ENTRY_SHEET)!, entries);
  fill(workbook.getWorksheet(ITEM_SHEET)!, items);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The page's CSRF token, for API calls made with its cookies. */
async function csrfOf(page: Page): Promise<string> {
  return (await page.context().cookies()).find((cookie) => cookie.name === 'sy_csrf')?.value ?? '';
}

describe.runIf(hasChromium)('importing the catalog from Excel in a real browser', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  const suffix = randomBytes(3).toString('hex');
  const schema = `e2e_import_${suffix}`;
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
        updated_at timestamp
      )`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    if (!pgMissing) await runSql(`drop schema if exists ${schema} cascade`);
  });

  async function loggedIn(login: string, home: RegExp = /\/console/): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginThroughPage(page, baseUrl, login, DEMO_PASSWORD);
    await page.waitForURL(home);
    return page;
  }

  /** Uploads a workbook on the import page and waits until its job has ended. */
  async function uploadWorkbook(page: Page, name: string, file: Buffer): Promise<void> {
    const before = new URL(page.url()).searchParams.get('job');
    await page.getByTestId('import-upload').setInputFiles({ name, mimeType: XLSX, buffer: file });
    // The page shows the new job (its id in the address), not the previous one's result.
    await page.waitForURL((url) => !!url.searchParams.get('job') && url.searchParams.get('job') !== before, { timeout: 30_000 });
    await page.locator('[data-testid="import-done"], [data-testid="import-failed"]').first().waitFor({ timeout: 60_000 });
  }

  it.skipIf(!!pgMissing)(
    'imports a corrected workbook after listing the errors of a bad one, then mounts, submits and publishes its entries',
    { timeout: 300_000 },
    async () => {
      const stamp = String(Date.now());
      const names = [`测试导入常住人口${stamp}甲`, `测试导入常住人口${stamp}乙`];
      const officer = await loggedIn('officer');
      await officer.getByTestId('nav-catalog-mine').click();
      await officer.getByTestId('catalog-import-open').click();
      await officer.waitForURL(/\/console\/catalog\/import/);

      const download = await officer.request.get(`${baseUrl}/api/v1/catalog/template.xlsx`);
      expect(download.status()).toBe(200);
      const template = await download.body();

      // A bad file: an invalid code, an empty required cell, an item of an entry not in the file.
      const bad = await filledTemplate(
        template,
        [
          { ...entryRow(names[0]!), 数据领域: '不存在的领域' },
          { ...entryRow(names[1]!), 资源摘要: null },
        ],
        [...itemRows(names[0]!), ...itemRows(names[1]!), { ...itemRows('没有这个资源')[0]! }],
      );
      await uploadWorkbook(officer, 'bad.xlsx', bad);
      const errors = officer.getByTestId('import-errors');
      await errors.waitFor();
      const rows = officer.getByTestId('import-error-row');
      const where = await rows.evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-sheet'),
          tr.getAttribute('data-row'),
          tr.getAttribute('data-column'),
          tr.getAttribute('data-kind'),
        ]),
      );
      expect(where).toEqual(
        expect.arrayContaining([
          [ENTRY_SHEET, '2', '数据领域', 'invalid_code'],
          [ENTRY_SHEET, '3', '资源摘要', 'required'],
          [ITEM_SHEET, '10', '资源名称', 'unknown_entry'],
        ]),
      );
      expect(await errors.textContent()).toContain('不是该列允许的代码或名称');
      expect(await officer.getByTestId('import-failed').textContent()).toContain('重新上传');

      // The corrected file: both entries imported as drafts.
      const good = await filledTemplate(template, names.map(entryRow), names.flatMap(itemRows));
      await uploadWorkbook(officer, 'good.xlsx', good);
      const done = officer.getByTestId('import-done');
      await done.waitFor();
      expect(await done.getAttribute('data-count')).toBe('2');
      const created = officer.getByTestId('import-created-entry');
      await expect.poll(() => created.count()).toBe(2);
      expect((await created.allTextContents()).sort()).toEqual([...names].sort());
      const entries = await created.evaluateAll((links) =>
        links.map((a) => ({ id: a.getAttribute('data-entry-id')!, name: a.textContent! })),
      );

      // 导出 on 本部门目录 exports the filtered view: the search finds the first entry, the workbook holds it.
      await officer.goto(`${baseUrl}/console/catalog?q=${encodeURIComponent(names[0]!)}&status=draft`);
      await officer.getByTestId('catalog-mine-row').first().waitFor();
      const exportHref = (await officer.getByTestId('catalog-export').getAttribute('href'))!;
      expect(exportHref).toMatch(/^\/api\/v1\/catalog\/export\.xlsx\?/);
      expect(new URL(exportHref, baseUrl).searchParams.get('status')).toBe('draft');
      const exported = await officer.request.get(`${baseUrl}${exportHref}`);
      expect(exported.status()).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
      const exportedNames: string[] = [];
      book.getWorksheet(ENTRY_SHEET)!.eachRow((row, n) => n > 1 && exportedNames.push(String(row.getCell(1).value)));
      expect(exportedNames).toContain(names[0]);
      // Only what the filter finds: the department's many other drafts (the demo has some) stay out.
      expect(
        exportedNames.every((name) => name.includes(stamp)),
        exportedNames.join('、'),
      ).toBe(true);

      // A PostgreSQL source of the officer's department, registered through the API with the page's session.
      const me = (await (await officer.request.get(`${baseUrl}/api/v1/auth/me`)).json()) as { user: { departmentId: string } };
      const sourceName = `导入测试人口库-${suffix}`;
      const source = await officer.request.post(`${baseUrl}/api/v1/sources`, {
        headers: { 'x-csrf-token': await csrfOf(officer) },
        data: {
          departmentId: me.user.departmentId,
          name: sourceName,
          kind: 'postgresql',
          connection: {
            host: PG_URL.hostname,
            port: Number(PG_URL.port || 5432),
            database: decodeURIComponent(PG_URL.pathname.slice(1)),
            user: decodeURIComponent(PG_URL.username) || 'postgres',
            schema,
          },
          ...(PG_URL.password ? { password: decodeURIComponent(PG_URL.password) } : {}),
        },
      });
      expect(source.status(), await source.text()).toBe(201);

      // Each entry is mounted to the table through the wizard (the English names match the columns), then submitted.
      for (const { id } of entries) {
        await officer.goto(`${baseUrl}/console/catalog/${id}/mounts`);
        await officer.getByTestId('mount-create').click();
        const wizard = officer.getByTestId('mount-wizard');
        await pickThenNext(wizard.getByTestId('mount-source-option').filter({ hasText: sourceName }), wizard.getByTestId('mount-next'));
        await pickThenNext(wizard.getByTestId('mount-resource-option').filter({ hasText: table }), wizard.getByTestId('mount-next'));
        await wizard.locator('[data-testid="mount-diff"][data-covers="true"]').waitFor();
        await wizard.getByTestId('mount-next').click();
        await wizard.getByTestId('mount-submit').click();
        await officer.locator(`[data-testid="mount-row"][data-resource="${schema}.${table}"][data-status="in_review"]`).waitFor();

        await officer.goto(`${baseUrl}/console/catalog/${id}`);
        await officer.getByTestId('entry-submit').click();
        await officer.locator('[data-testid="entry-status"][data-status="submitted"]').waitFor();
      }
      await officer.context().close();

      // The reviewer approves each mount and publishes each entry.
      const reviewer = await loggedIn('reviewer');
      for (const { id, name } of entries) {
        await reviewer.goto(`${baseUrl}/console/catalog/${id}/mounts`);
        await reviewer.getByTestId('mount-approve').click();
        await reviewer.locator('.ant-popconfirm .ant-btn-primary').click();
        await reviewer.locator(`[data-testid="mount-row"][data-resource="${schema}.${table}"][data-status="mounted"]`).waitFor();

        await reviewer.goto(`${baseUrl}/console/catalog/review`);
        const search = reviewer.getByTestId('catalog-review-search').locator('input');
        await search.fill(name);
        await search.press('Enter');
        await clickUntilShown(
          reviewer.locator(`[data-testid="catalog-review-row"][data-entry-id="${id}"]`),
          reviewer.getByTestId('review-approve'),
        );
        await reviewer.getByTestId('review-approve').click();
        await reviewer.locator('.ant-message').getByText('已审核通过').first().waitFor();
      }
      await reviewer.context().close();

      // Anyone finds them in the sharing portal by a Chinese search.
      const user = await loggedIn('user', /\/share/);
      await user.goto(`${baseUrl}/share/catalog`);
      for (const { id, name } of entries) {
        await user.getByTestId('catalog-search-input').fill(name);
        await user.getByTestId('catalog-search-input').press('Enter');
        await user.locator(`[data-testid="catalog-result"][data-entry-id="${id}"]`).locator('mark').first().waitFor();
      }
      await user.context().close();
    },
  );
});
