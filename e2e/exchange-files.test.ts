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

  /** Opens 文件交换 and answers the entry's card. */
  async function openFiles(page: Page) {
    await page.getByTestId('nav-exchange-files').click();
    await page.waitForURL(/\/console\/exchange\/files$/);
    return page.locator(`[data-testid="file-entry"][data-entry-id="${entry.id}"]`);
  }

  /** Chooses a file in the open upload panel. */
  async function pickFile(page: Page, name: string, buffer: Buffer) {
    await page.locator('.ant-modal input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await page.getByTestId('file-upload-chosen').filter({ hasText: name }).waitFor();
  }

  /** Opens the entry's upload panel and chooses the file. */
  async function chooseFile(page: Page) {
    const card = page.locator(`[data-testid="file-entry"][data-entry-id="${entry.id}"]`);
    await card.getByTestId('file-upload-open').click();
    await pickFile(page, fileName, bytes);
    return card;
  }

  /** The chunk indexes the page PUTs from now on. */
  function chunksSent(page: Page): number[] {
    const sent: number[] = [];
    page.on('request', (request) => {
      const chunk = /\/uploads\/[0-9a-f-]+\/chunks\/(\d+)$/.exec(request.url());
      if (request.method() === 'PUT' && chunk) sent.push(Number(chunk[1]));
    });
    return sent;
  }

  it(
    'uploads a file in SM3-checked chunks, cut off mid-way, and after a reload sends only what is missing',
    { timeout: 180_000 },
    async () => {
      const page = await loggedIn(officer, /\/console/);
      await openFiles(page);

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
      const sent = chunksSent(page);
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

  it(
    "resumes an upload cut off in one browser from the server's list in another, checking the file picked again",
    { timeout: 180_000 },
    async () => {
      const otherName = `企业名录续传 e2e-${suffix}.csv`;
      const other = randomBytes(2 * CHUNK + 777);
      // The first browser sends chunk 0, then loses the network for good and is closed.
      const first = await loggedIn(officer, /\/console/);
      const card = await openFiles(first);
      await first.route(/\/api\/v1\/exchange\/files\/uploads\/[0-9a-f-]+\/chunks\/[12]$/, (route) => route.abort('connectionreset'));
      await card.getByTestId('file-upload-open').click();
      await pickFile(first, otherName, other);
      await chooseOption(first, '#chunkSize', '256', '256 KB');
      await first.getByTestId('file-upload-start').click();
      await first.locator('[data-testid="upload-progress"][data-received="1"][data-chunks="3"]').waitFor({ timeout: 60_000 });
      const uploadId = (await first.getByTestId('upload-progress').getAttribute('data-upload-id'))!;
      await first.context().close();

      // A fresh browser, which remembers nothing, finds it in the entry's unfinished uploads.
      const page = await loggedIn(officer, /\/console/);
      const fresh = await openFiles(page);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sy.fileUpload:')))).toEqual([]);
      const unfinished = fresh.locator(`[data-testid="file-unfinished-row"][data-upload-id="${uploadId}"]`);
      await unfinished.waitFor();
      expect(await unfinished.getAttribute('data-received')).toBe('1');
      expect(await unfinished.getAttribute('data-chunks')).toBe('3');
      expect(await unfinished.textContent()).toContain(otherName);
      /** Opens a fresh resume panel of that upload (the last one closed and gone) and picks a file in it. */
      const resumeWith = async (buffer: Buffer) => {
        await page.getByTestId('file-upload-chosen').waitFor({ state: 'detached' });
        await unfinished.getByTestId('file-unfinished-resume').click();
        await page.getByTestId('file-resume-target').filter({ hasText: otherName }).waitFor();
        await pickFile(page, otherName, buffer);
      };

      // Another size is refused before hashing; the same name and size with other bytes once hashed.
      await resumeWith(other.subarray(1));
      await page.getByTestId('file-upload-problem').waitFor();
      expect(await page.getByTestId('file-upload-start').isDisabled()).toBe(true);
      await page.getByTestId('file-upload-close').click();
      await resumeWith(Buffer.concat([other.subarray(0, -1), Buffer.from([other.at(-1)! ^ 0xff])]));
      const sent = chunksSent(page);
      await page.getByTestId('file-upload-start').click();
      await page.locator('[data-testid="upload-progress"][data-phase="failed"]').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('upload-progress').textContent()).toContain('与开始上传时声明的不同');
      expect(sent).toEqual([]);
      await page.getByTestId('file-upload-close').click();

      // The same file goes on with the same upload: only the missing chunks travel.
      await resumeWith(other);
      await page.getByTestId('file-upload-start').click();
      const progress = page.getByTestId('upload-progress');
      await page.locator('[data-testid="upload-progress"][data-phase="done"]').waitFor({ timeout: 60_000 });
      expect(await progress.getAttribute('data-upload-id')).toBe(uploadId);
      expect(await progress.getAttribute('data-resumed')).toBe('true');
      expect(await page.getByTestId('file-upload-sm3').textContent()).toBe(sm3(other));
      expect(sent.sort()).toEqual([1, 2]);
      await page.getByTestId('file-upload-close').click();

      const row = fresh.locator(`[data-testid="file-version-row"][data-version="${version + 1}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-sm3')).toBe(sm3(other));
      await unfinished.waitFor({ state: 'detached' });
      const [latest] = (await admin.get<{ items: ExchangeFile[] }>(`/exchange/files?entryId=${entry.id}`)).items;
      expect(latest).toMatchObject({ version: version + 1, size: other.byteLength, sm3: sm3(other) });
      await page.context().close();
    },
  );

  it("lists a version's links with their state: a link made shows active, withdrawn once withdrawn", { timeout: 120_000 }, async () => {
    const page = await loggedIn(officer, /\/console/);
    const card = await openFiles(page);
    const row = card.locator(`[data-testid="file-version-row"][data-version="${version}"]`);
    await row.waitFor();
    const fileId = (await row.getAttribute('data-file-id'))!;
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
    await page.context().close();
  });

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

    // The grantee's list of the version's links shows its own link, used up.
    await page.locator('.ant-modal-close').click();
    await row.locator('.ant-table-row-expand-icon').click();
    const own = page.locator('[data-testid="file-link-row"][data-state="usedUp"]');
    await own.waitFor();
    expect(await page.getByTestId('file-link-row').count()).toBe(1);
    expect(await own.textContent()).toContain('2 / 2');
    await page.context().close();
  });
});
