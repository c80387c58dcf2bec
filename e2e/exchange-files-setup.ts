import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { apiSession, type ApiSession } from './api';
import { loginThroughPage } from './browser';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Shuyuan@2026';
/** The smallest chunk the server takes. */
export const CHUNK = 262_144;
/** A file's SM3 in lower-case hex. */
export const sm3 = (bytes: Uint8Array) => createHash('sm3').update(bytes).digest('hex');

/** A catalog entry as the search lists it. */
export interface Entry {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  sharingMethods: string[];
}

/** One version of an entry's file. */
export interface ExchangeFile {
  id: string;
  version: number;
  size: number;
  sm3: string;
}

/** What the file exchange tests work on. */
export interface FileExchangeSetup {
  admin: ApiSession;
  /** A published demo entry shared by file, of another department than the developer's. */
  entry: Entry;
  /** A data officer of the entry's department. */
  officer: string;
  /** The developer's department, which the grantee tests grant the entry to. */
  consumerDepartmentId: string;
}

/** Finds the entry the file exchange tests use: the demo officer's own when it has one shared by file. */
export async function fileExchangeSetup(baseUrl: string): Promise<FileExchangeSetup> {
  const admin = await apiSession(baseUrl, 'admin', DEMO_PASSWORD);
  const me = async (login: string) =>
    (await (await apiSession(baseUrl, login, DEMO_PASSWORD)).get<{ user: { departmentId: string } }>('/auth/me')).user.departmentId;
  const consumerDepartmentId = await me('developer');
  const own = await me('officer');
  const published = await admin.get<{ items: Entry[] }>('/catalog/entries?status=published&facets=false&sort=name&limit=500');
  const files = published.items.filter((e) => e.sharingMethods.includes('file') && e.departmentId !== consumerDepartmentId);
  const entry = files.find((e) => e.departmentId === own) ?? files[0]!;
  if (!entry) throw new Error('no published demo entry is shared by file');
  const users = await admin.get<{ items: { login: string; roles: string[]; status: string }[] }>(
    `/users?departmentId=${entry.departmentId}&role=data_officer&limit=50`,
  );
  const officer = users.items.find((u) => u.roles.includes('data_officer') && u.status === 'active')!.login;
  return { admin, entry, officer, consumerDepartmentId };
}

/** Uploads bytes as the entry's next version through the API, in chunks of `CHUNK` with their SM3. */
export async function uploadThroughApi(as: ApiSession, entryId: string, fileName: string, bytes: Buffer): Promise<ExchangeFile> {
  const upload = await as.post<{ id: string; chunkCount: number }>('/exchange/files/uploads', {
    entryId,
    fileName,
    size: bytes.byteLength,
    sm3: sm3(bytes),
    chunkSize: CHUNK,
    mediaType: 'text/csv',
  });
  for (let i = 0; i < upload.chunkCount; i++) {
    const chunk = bytes.subarray(i * CHUNK, (i + 1) * CHUNK);
    await as.putBytes(`/exchange/files/uploads/${upload.id}/chunks/${i}`, chunk, { 'x-sm3': sm3(chunk) });
  }
  return as.post<ExchangeFile>(`/exchange/files/uploads/${upload.id}/complete`);
}

/** Opens 文件交换 and answers the entry's card. */
export async function openFiles(page: Page, entryId: string) {
  await page.getByTestId('nav-exchange-files').click();
  await page.waitForURL(/\/console\/exchange\/files$/);
  return page.locator(`[data-testid="file-entry"][data-entry-id="${entryId}"]`);
}

/** A fresh browser context logged in as a demo account, once it reached its portal. */
export async function loggedInAs(browser: Browser, baseUrl: string, login: string, portal: RegExp): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginThroughPage(page, baseUrl, login, DEMO_PASSWORD);
  await page.waitForURL(portal);
  return page;
}
