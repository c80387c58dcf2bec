import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSession, type ApiSession } from './api';
import { chooseOption, chromiumAvailable, launchBrowser, loginThroughPage } from './browser';

const DEMO_PASSWORD = 'Shuyuan@2026';
/** The smallest chunk the server takes: the file below is three of them, the last one short. */
const CHUNK = 262_144;
const hasChromium = chromiumAvailable();
const sm3 = (bytes: Uint8Array) => createHash('sm3').update(bytes).digest('hex');

interface Entry {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  sharingMethods: string[];
}
interface Upload {
  received: number[];
  missing: number[];
}
interface ExchangeFile {
  id: string;
  version: number;
  size: number;
  sm3: string;
}

describe.runIf(hasChromium)('file exchange (文件交换) in a real browser', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  const suffix = randomBytes(3).toString('hex');
  const fileName = `企业名录 e2e-${suffix}.csv`;
  const bytes = randomBytes(2 * CHUNK + 12_345);
  let admin: ApiSession;
  let entry: Entry;
  /** A data officer of the entry's department. */
  let officer: string;
  let consumerDepartmentId: string;
  /** The version the browser's upload became. */
  let version: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await apiSession(baseUrl, 'admin', DEMO_PASSWORD);
    const developer = await apiSession(baseUrl, 'developer', DEMO_PASSWORD);
    consumerDepartmentId = (await developer.get<{ user: { departmentId: string } }>('/auth/me')).user.departmentId;
    const own = (await (await apiSession(baseUrl, 'officer', DEMO_PASSWORD)).get<{ user: { departmentId: string } }>('/auth/me')).user
      .departmentId;
    const published = await admin.get<{ items: Entry[] }>('/catalog/entries?status=published&facets=false&sort=name&limit=500');
    // A resource shared by file of another department than the consumer's; the demo officer's own when it has one.
    const files = published.items.filter((e) => e.sharingMethods.includes('file') && e.departmentId !== consumerDepartmentId);
    entry = files.find((e) => e.departmentId === own) ?? files[0]!;
    expect(entry, 'a published demo entry shared by file').toBeTruthy();
    const users = await admin.get<{ items: { login: string; roles: string[]; status: string }[] }>(
      `/users?departmentId=${entry.departmentId}&role=data_officer&limit=50`,
    );
    officer = users.items.find((u) => u.roles.includes('data_officer') && u.status === 'active')!.login;
    version = (await admin.get<{ items: ExchangeFile[] }>(`/exchange/files?entryId=${entry.id}`)).items.length + 1;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function loggedIn(login: string, portal: RegExp): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await loginThroughPage(page, baseUrl, login, DEMO_PASSWORD);
    await page.waitForURL(portal);
    return page;
  }

  /** Opens the entry's upload panel and chooses the file. */
  async function chooseFile(page: Page) {
    const card = page.locator(`[data-testid="file-entry"][data-entry-id="${entry.id}"]`);
    await card.getByTestId('file-upload-open').click();
    await page.locator('.ant-modal input[type="file"]').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: bytes });
    await page.getByTestId('file-upload-chosen').filter({ hasText: fileName }).waitFor();
    return card;
  }

  it(
    'uploads a file in SM3-checked chunks, cut off mid-way, and after a reload sends only what is missing',
    { timeout: 180_000 },
    async () => {
      const page = await loggedIn(officer, /\/console/);
      await page.getByTestId('nav-exchange-files').click();
      await page.waitForURL(/\/console\/exchange\/files$/);

      // The network drops chunks 1 and 2: chunk 0 arrives, the others are tried again and again.
      const cut = /\/api\/v1\/exchange\/files\/uploads\/[0-9a-f-]+\/chunks\/[12]$/;
      await page.route(cut, (route) => route.abort('connectionreset'));
      await chooseFile(page);
      await chooseOption(page, '#chunkSize', '256', '256 KB');
      await page.getByTestId('file-upload-note').fill(`浏览器上传测试 ${suffix}`);
      await page.getByTestId('file-upload-start').click();
      const progress = page.getByTestId('upload-progress');
      await page.locator('[data-testid="upload-progress"][data-received="1"][data-chunks="3"]').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('file-upload-sm3').textContent()).toBe(sm3(bytes));
      const uploadId = (await progress.getAttribute('data-upload-id'))!;
      expect(await admin.get<Upload>(`/exchange/files/uploads/${uploadId}`)).toMatchObject({ received: [0], missing: [1, 2] });

      // The page is reloaded mid-way (the retries die with it), then the network is back.
      await page.reload();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      const sent: number[] = [];
      page.on('request', (request) => {
        const chunk = /\/uploads\/[0-9a-f-]+\/chunks\/(\d+)$/.exec(request.url());
        if (request.method() === 'PUT' && chunk) sent.push(Number(chunk[1]));
      });
      const card = await chooseFile(page);
      await page.getByTestId('file-upload-pending').filter({ hasText: fileName }).waitFor();
      await page.getByTestId('file-upload-start').click();
      await page.locator('[data-testid="upload-progress"][data-phase="done"]').waitFor({ timeout: 60_000 });
      expect(await progress.getAttribute('data-resumed')).toBe('true');
      expect(await progress.getAttribute('data-upload-id')).toBe(uploadId);
      expect(sent.sort()).toEqual([1, 2]);
      await page.getByTestId('file-upload-close').click();

      // The new version, with the SM3 computed here.
      const row = card.locator(`[data-testid="file-version-row"][data-version="${version}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-sm3')).toBe(sm3(bytes));
      expect(await row.textContent()).toContain(fileName);
      const [latest] = (await admin.get<{ items: ExchangeFile[] }>(`/exchange/files?entryId=${entry.id}`)).items;
      expect(latest).toMatchObject({ version, size: bytes.byteLength, sm3: sm3(bytes) });
      await page.context().close();
    },
  );

  it('lets a grantee get a download link in 我的授权 and download the file, whose SM3 matches', { timeout: 120_000 }, async () => {
    const detail = await admin.get<{ content: { items: { nameEn?: string | null }[] } }>(`/catalog/entries/${entry.id}`);
    const field = detail.content.items.find((i) => i.nameEn)!.nameEn!.toLowerCase();
    await admin.post('/exchange/grants', {
      entryId: entry.id,
      consumerDepartmentId,
      method: 'file',
      fields: [field],
      purpose: `文件交换浏览器测试 ${suffix}`,
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validTo: new Date(Date.now() + 3_600_000).toISOString(),
    });

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
    await page.context().close();
  });
});
