import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchBrowser, loginThroughPage } from './browser';

const DEMO_PASSWORD = 'Shuyuan@2026';
const hasChromium = chromiumAvailable();

/** What each demo role must and must not see in the navigation. */
const roles = [
  { login: 'admin', console: true, share: true, menu: ['departments', 'users', 'roles', 'apps', 'audit'], hidden: [] },
  { login: 'reviewer', console: true, share: true, menu: ['departments', 'users', 'roles', 'apps'], hidden: ['audit'] },
  { login: 'officer', console: true, share: true, menu: ['departments', 'users', 'roles', 'apps'], hidden: ['audit'] },
  { login: 'auditor', console: true, share: false, menu: ['departments', 'users', 'roles', 'apps', 'audit'], hidden: [] },
  { login: 'user', console: false, share: true, menu: [], hidden: [] },
  { login: 'developer', console: false, share: true, menu: [], hidden: [] },
  { login: 'analyst', console: false, share: true, menu: [], hidden: [] },
] as const;

describe.runIf(hasChromium)('portals in a real browser', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the open-data portal to a visitor without an account', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await expect(page.getByText('公共数据开放').first().isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('nav-console').count()).toBe(0);
    await page.close();
  });

  for (const role of roles) {
    it(`logs in as ${role.login} and shows only its navigation`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await loginThroughPage(page, baseUrl, role.login, DEMO_PASSWORD);
      await page.waitForURL(role.console ? /\/console/ : /\/share/);
      if (role.console) {
        await page.getByTestId('console-menu').waitFor();
        for (const item of role.menu)
          expect(await page.getByTestId(`nav-${item}`).count(), `${role.login} sees ${item}`).toBeGreaterThan(0);
        for (const item of role.hidden) expect(await page.getByTestId(`nav-${item}`).count(), `${role.login} must not see ${item}`).toBe(0);
      } else {
        expect(await page.getByTestId('nav-console').count()).toBe(0);
        await page.goto(`${baseUrl}/console`);
        await page.getByTestId('forbidden').waitFor();
        await expect(page.getByTestId('console-menu').count()).resolves.toBe(0);
      }
      expect((await page.getByTestId('nav-share').count()) > 0).toBe(role.share);
      await context.close();
    });
  }

  it('switches the language to English and keeps it after a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('lang-switch').click();
    await page.getByRole('button', { name: /log in/i }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: /log in/i }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('sy.lang'))).toBe('en');
    await context.close();
  });

  it('shows the server message for a wrong password', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginThroughPage(page, baseUrl, 'developer', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('用户名或密码错误');
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('locks an account after five wrong passwords and says so', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (let i = 0; i < 5; i++) {
      await loginThroughPage(page, baseUrl, 'analyst', `wrong-password-${i}`);
      await page.getByRole('alert').waitFor();
    }
    await expect(page.getByRole('alert').textContent()).resolves.toContain('锁定');
    await loginThroughPage(page, baseUrl, 'analyst', DEMO_PASSWORD);
    await page.getByRole('alert').filter({ hasText: '锁定' }).waitFor();
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('answers an unknown page with the 404 page', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${baseUrl}/no-such-page`);
    expect(res?.status()).toBe(200);
    await page.getByText('404').first().waitFor();
    await page.close();
  });
});
