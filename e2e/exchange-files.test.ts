import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSession, type ApiSession } from './api';
import { chooseOption, chromiumAvailable, launchBrowser } from './browser';
import {
  CHUNK,
  DEMO_PASSWORD,
  fileExchangeSetup,
  loggedInAs,
  openFiles as openEntry,
  sm3,
  type Entry,
  type ExchangeFile,
} from './exchange-files-setup';

const hasChromium = chromiumAvailable();

interface Upload {
  received: number[];
  missing: number[];
  status: string;
}

describe.runIf(hasChromium)('file exchange (文件交换) uploads in a real browser', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  const suffix = randomBytes(3).toString('hex');
  const fileName = `企业名录 e2e-${suffix}.csv`;
  /** Three of the smallest chunks the server takes, the last one short. */
  const bytes = randomBytes(2 * CHUNK + 12_345);
  let admin: ApiSession;
  let entry: Entry;
  /** A data officer of the entry's department. */
  let officer: string;
  /** The version the browser's upload became. */
  let version: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ admin, entry, officer } = await fileExchangeSetup(baseUrl));
    version = (await admin.get<{ items: ExchangeFile[] }>(`/exchange/files?entryId=${entry.id}`)).items.length + 1;
  });

  afterAll(async () => {
    await browser?.close();
  });

  const loggedIn = (login: string, portal: RegExp) => loggedInAs(browser, baseUrl, login, portal);
  const openFiles = (page: Page) => openEntry(page, entry.id);

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

  it('shows who started an unfinished upload and abandons it from the list after a confirm', { timeout: 120_000 }, async () => {
    const starter = await apiSession(baseUrl, officer, DEMO_PASSWORD);
    const { displayName } = (await starter.get<{ user: { displayName: string } }>('/auth/me')).user;
    const abandonName = `企业名录放弃 e2e-${suffix}.csv`;
    const started = await starter.post<{ id: string }>('/exchange/files/uploads', {
      entryId: entry.id,
      fileName: abandonName,
      size: bytes.byteLength,
      sm3: sm3(bytes),
      chunkSize: CHUNK,
    });
    const first = bytes.subarray(0, CHUNK);
    await starter.putBytes(`/exchange/files/uploads/${started.id}/chunks/0`, first, { 'x-sm3': sm3(first) });

    const page = await loggedIn(officer, /\/console/);
    const card = await openFiles(page);
    const row = card.locator(`[data-testid="file-unfinished-row"][data-upload-id="${started.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('file-unfinished-started-by').textContent()).toBe(displayName);
    expect(await row.getAttribute('data-received')).toBe('1');

    // Asked first, then gone from the list and from the server.
    await row.getByTestId('file-unfinished-abandon').click();
    await page.getByTestId('file-unfinished-abandon-confirm').click();
    await row.waitFor({ state: 'detached' });
    expect(await admin.get<Upload>(`/exchange/files/uploads/${started.id}`)).toMatchObject({ status: 'abandoned', received: [] });
    await page.context().close();
  });
});
