import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSession, type ApiSession } from './api';
import { chromiumAvailable, launchBrowser } from './browser';
import {
  CHUNK,
  DEMO_PASSWORD,
  fileExchangeSetup,
  loggedInAs,
  openFiles as openEntry,
  sm3,
  uploadThroughApi,
  type Entry,
} from './exchange-files-setup';

const hasChromium = chromiumAvailable();

describe.runIf(hasChromium)('file exchange (文件交换) download links in a real browser', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  const suffix = randomBytes(3).toString('hex');
  const fileName = `企业名录链接 e2e-${suffix}.csv`;
  const bytes = randomBytes(2 * CHUNK + 12_345);
  let admin: ApiSession;
  let entry: Entry;
  /** A data officer of the entry's department. */
  let officer: string;
  let consumerDepartmentId: string;
  /** The version uploaded for these tests, and its id. */
  let version: number;
  let fileId: string;
  /** A field of the entry, for the grants. */
  let field: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ admin, entry, officer, consumerDepartmentId } = await fileExchangeSetup(baseUrl));
    ({ version, id: fileId } = await uploadThroughApi(await apiSession(baseUrl, officer, DEMO_PASSWORD), entry.id, fileName, bytes));
    const detail = await admin.get<{ content: { items: { nameEn?: string | null }[] } }>(`/catalog/entries/${entry.id}`);
    field = detail.content.items.find((i) => i.nameEn)!.nameEn!.toLowerCase();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const loggedIn = (login: string, portal: RegExp) => loggedInAs(browser, baseUrl, login, portal);
  const openFiles = (page: Page) => openEntry(page, entry.id);
  /** Grants a department the entry by file from a minute ago until `validTo`. */
  const grantFile = (departmentId: string, validTo: Date) =>
    admin.post('/exchange/grants', {
      entryId: entry.id,
      consumerDepartmentId: departmentId,
      method: 'file',
      fields: [field],
      purpose: `文件交换浏览器测试 ${suffix}`,
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validTo: validTo.toISOString(),
    });

  it("lists a version's links with their state: a link made shows active, withdrawn once withdrawn", { timeout: 120_000 }, async () => {
    const page = await loggedIn(officer, /\/console/);
    const card = await openFiles(page);
    const row = card.locator(`[data-testid="file-version-row"][data-version="${version}"]`);
    await row.waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    const links = page.locator(`[data-testid="file-links"][data-file-id="${fileId}"]`);
    await links.locator('.ant-empty').waitFor();

    // Made in the link window, the link shows in the list behind it (the list refreshes).
    await row.getByTestId('file-link-open').click();
    await page.getByTestId('file-link-max').fill('3');
    await page.getByTestId('file-link-create').click();
    const url = await page.getByTestId('file-link-url').inputValue();
    await page.locator('.ant-modal-close').click();
    const link = links.getByTestId('file-link-row');
    await link.waitFor();
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('data-state')).toBe('active');
    expect(await link.textContent()).toContain('0 / 3');
    expect((await fetch(url)).status).toBe(200);

    // Withdrawn from the list, it says so and no longer downloads.
    await link.getByTestId('file-link-row-revoke').click();
    await page.getByTestId('file-link-revoke-confirm').click();
    await links.locator('[data-testid="file-link-row"][data-state="revoked"]').waitFor();
    expect(await link.getAttribute('data-downloads')).toBe('1');
    expect(await link.textContent()).toContain('已撤回');
    expect(await link.getByTestId('file-link-row-revoke').count()).toBe(0);
    expect((await fetch(url)).status).toBe(410);

    // The version's evidence: its upload and the download, each leaf checked in the browser.
    await row.getByTestId('file-evidence-open').click();
    const evidence = page.locator('[data-testid="file-evidence"][data-queued="0"]');
    await evidence.waitFor({ timeout: 30_000 });
    expect(Number(await evidence.getAttribute('data-leaves'))).toBeGreaterThanOrEqual(2);
    expect(await evidence.getAttribute('data-bad')).toBe('0');
    const leaves = page.getByTestId('file-evidence-leaf');
    expect(await leaves.first().textContent()).toContain('上传');
    expect(await page.locator('[data-testid="file-evidence-leaf"]').filter({ hasText: '下载' }).count()).toBeGreaterThanOrEqual(1);
    await leaves.first().click();
    expect(await page.getByTestId('file-evidence-entry').first().textContent()).toContain(`"file": "${fileId}"`);
    await page.context().close();
  });

  it(
    "lets a grantee get a download link in 我的授权, download the file, whose SM3 matches, and withdraw a colleague's",
    { timeout: 120_000 },
    async () => {
      await grantFile(consumerDepartmentId, new Date(Date.now() + 3_600_000));

      const page = await loggedIn('developer', /\/share/);
      await page.getByTestId('nav-grants').click();
      await page.getByTestId(`grant-open-${entry.code}`).first().click();
      await page.getByTestId('grant-title').filter({ hasText: entry.name }).waitFor();
      await page.locator('.ant-tabs-tab-active [data-testid="grant-tab-files"]').waitFor();
      const row = page.locator(`[data-testid="file-version-row"][data-version="${version}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-sm3')).toBe(sm3(bytes));
      expect(await row.getByTestId('file-sm3').getAttribute('data-sm3')).toBe(sm3(bytes));

      await row.getByTestId('file-link-open').click();
      await page.getByTestId('file-link-max').fill('2');
      await page.getByTestId('file-link-create').click();
      const address = page.getByTestId('file-link-url');
      await address.waitFor();
      const url = await address.inputValue();
      expect(url).toMatch(new RegExp(`^${baseUrl}/api/v1/exchange/files/download/[A-Za-z0-9_-]+$`));
      expect(await page.getByTestId('file-link-sm3').textContent()).toContain(sm3(bytes));

      // The browser downloads it under its name, ...
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('file-link-download').click()]);
      expect(download.suggestedFilename()).toBe(fileName);
      expect(sm3(readFileSync((await download.path())!))).toBe(sm3(bytes));
      // ... so can anyone holding the link, until its downloads run out.
      const fetched = await fetch(url);
      expect(fetched.status).toBe(200);
      expect(fetched.headers.get('x-sm3')).toBe(sm3(bytes));
      const body = Buffer.from(await fetched.arrayBuffer());
      expect(body.equals(bytes)).toBe(true);
      expect((await fetch(url)).status).toBe(410);

      // A colleague's link is the department's too (they share the grant): listed beside the grantee's own, used up,
      // and withdrawn by the grantee.
      const users = await admin.get<{ items: { login: string; status: string }[] }>(
        `/users?departmentId=${consumerDepartmentId}&role=department_user&limit=50`,
      );
      const colleague = await apiSession(
        baseUrl,
        users.items.find((u) => u.status === 'active' && u.login !== 'developer')!.login,
        DEMO_PASSWORD,
      );
      const theirs = await colleague.post<{ id: string; url: string }>(`/exchange/files/${fileId}/links`, { expiresInMinutes: 60 });
      await page.locator('.ant-modal-close').click();
      await row.locator('.ant-table-row-expand-icon').click();
      const own = page.locator('[data-testid="file-link-row"][data-state="usedUp"]');
      await own.waitFor();
      expect(await page.getByTestId('file-link-row').count()).toBe(2);
      expect(await own.textContent()).toContain('2 / 2');
      const shared = page.locator(`[data-testid="file-link-row"][data-link-id="${theirs.id}"]`);
      expect(await shared.getAttribute('data-state')).toBe('active');
      await shared.getByTestId('file-link-row-revoke').click();
      await page.getByTestId('file-link-revoke-confirm').click();
      await page.locator(`[data-testid="file-link-row"][data-link-id="${theirs.id}"][data-state="revoked"]`).waitFor();
      expect((await fetch(new URL(theirs.url, baseUrl))).status).toBe(410);
      await page.context().close();
    },
  );

  it('says 授权已结束 for a link stopped by the end of its grant, not 已过期', { timeout: 120_000 }, async () => {
    // A department of its own holds a grant of a few seconds; a link made under it is cut to the grant's end.
    // Not the consumer's, nor the entry's department or one above it (whose users would see the entry as its provider).
    const departments = (await admin.get<{ items: { id: string; parentId: string | null }[] }>('/departments')).items;
    const parentOf = new Map(departments.map((d) => [d.id, d.parentId]));
    const excluded = new Set([consumerDepartmentId]);
    for (let d: string | null | undefined = entry.departmentId; d; d = parentOf.get(d)) excluded.add(d);
    const users = await admin.get<{ items: { login: string; departmentId: string }[] }>(
      '/users?role=department_user&status=active&limit=100',
    );
    const other = users.items.find((u) => !excluded.has(u.departmentId))!;
    const validTo = new Date(Date.now() + 10_000);
    await grantFile(other.departmentId, validTo);
    const grantee = await apiSession(baseUrl, other.login, DEMO_PASSWORD);
    const link = await grantee.post<{ id: string; url: string; expiresAt: string }>(`/exchange/files/${fileId}/links`, {
      expiresInMinutes: 60,
    });
    expect(Date.parse(link.expiresAt)).toBe(validTo.getTime());

    const page = await loggedIn(officer, /\/console/);
    const row = (await openFiles(page)).locator(`[data-testid="file-version-row"][data-version="${version}"]`);
    await row.waitFor();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, validTo.getTime() - Date.now() + 500)));
    expect((await fetch(new URL(link.url, baseUrl))).status).toBe(410);
    await row.locator('.ant-table-row-expand-icon').click();
    const stopped = page.locator(`[data-testid="file-link-row"][data-link-id="${link.id}"]`);
    await stopped.waitFor();
    expect(await stopped.getAttribute('data-state')).toBe('grantEnded');
    expect(await stopped.textContent()).toContain('授权已结束');
    expect(await stopped.getByTestId('file-link-row-revoke').count()).toBe(0);
    await page.context().close();
  });
});
