import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chooseOption, chromiumAvailable, clickUntilShown, launchBrowser, loginThroughPage } from './browser';

const DEMO_PASSWORD = 'Shuyuan@2026';
const hasChromium = chromiumAvailable();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** A name no demo entry has, searchable in Chinese: the digits make it unique per run. */
function uniqueName(): string {
  return `测试流动人口居住登记${String(Date.now()).slice(-8)}${Math.floor(Math.random() * 90 + 10)}`;
}

/** Picks an option of an antd Select by typing its label, until the field shows it. */
const choose = (page: Page, selector: string, label: string): Promise<void> => chooseOption(page, selector, label, label);

/** Waits for a toast with the text. */
async function toast(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message').getByText(text).first().waitFor();
}

describe.runIf(hasChromium)('the resource catalog in a real browser', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function loggedIn(login: string, home: RegExp): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginThroughPage(page, baseUrl, login, DEMO_PASSWORD);
    await page.waitForURL(home);
    return page;
  }

  /** Opens an entry of the review queue by searching for its name. */
  async function openReview(page: Page, name: string, id: string): Promise<void> {
    await page.goto(`${baseUrl}/console/catalog/review`);
    await page.getByTestId('catalog-review-search').locator('input').fill(name);
    await page.getByTestId('catalog-review-search').locator('input').press('Enter');
    await clickUntilShown(page.locator(`[data-testid="catalog-review-row"][data-entry-id="${id}"]`), page.getByTestId('review-comment'));
  }

  it('takes an entry from compiling through return, resubmission and approval to the sharing portal', { timeout: 240_000 }, async () => {
    const name = uniqueName();
    const comment = '请补充居住地址的采集口径';

    // The officer compiles the entry with three data items, saves and submits it.
    const officer = await loggedIn('officer', /\/console/);
    await officer.getByTestId('nav-catalog-mine').click();
    await officer.getByTestId('catalog-create').click();
    await officer.locator('#name').fill(name);
    await officer.locator('#summary').fill('全省流动人口居住登记信息，包括居住地址、登记日期等。');
    await choose(officer, '#domain', '公共安全');
    // Choosing the domain fills the classification item in the browser: wait for it.
    await expect.poll(() => officer.locator('#classItem').inputValue(), { timeout: 10_000 }).toBe('02');
    await officer.locator('#classTopic').fill('001');
    await officer.locator('#formatType').fill('MySQL 表');
    await officer.locator('#items_0_name').fill('公民身份号码');
    await officer.locator('#items_0_length').fill('18');
    await officer.getByTestId('items-add').click();
    await officer.locator('#items_1_name').fill('居住地址');
    await officer.locator('#items_1_length').fill('200');
    await officer.getByTestId('items-add').click();
    await officer.locator('#items_2_name').fill('登记日期');
    await choose(officer, '#items_2_dataType', '日期型');
    await officer.getByTestId('entry-save').click();
    await officer.waitForURL(/\/console\/catalog\/[0-9a-f-]{36}\/edit$/);
    const id = UUID.exec(officer.url())![0];
    await officer.getByTestId('entry-submit').click();
    await officer.waitForURL(new RegExp(`/console/catalog/${id}$`));
    await officer.locator('[data-testid="entry-status"][data-status="submitted"]').waitFor();

    // The reviewer finds it in the queue and returns it with a comment.
    const reviewer = await loggedIn('reviewer', /\/console/);
    await reviewer.getByTestId('nav-catalog-review').click();
    await reviewer.waitForURL(/\/console\/catalog\/review/);
    await openReview(reviewer, name, id);
    await reviewer.getByTestId('review-return').click();
    await reviewer.getByText('退回时请填写审核意见').waitFor();
    await reviewer.getByTestId('review-comment').fill(comment);
    await reviewer.getByTestId('review-return').click();
    await toast(reviewer, '已退回');

    // The officer sees it returned, with the comment, edits and resubmits.
    await officer.goto(`${baseUrl}/console/catalog?q=${encodeURIComponent(name)}`);
    const row = officer.locator('tr', { has: officer.locator(`[data-testid="catalog-mine-row"][data-entry-id="${id}"]`) });
    await row.locator('[data-testid="entry-status"][data-status="returned"]').waitFor();
    await row.getByTestId('catalog-mine-row').click();
    await officer.getByTestId('catalog-return-comment').filter({ hasText: comment }).waitFor();
    await officer.getByTestId('entry-edit').click();
    await officer.waitForURL(new RegExp(`/console/catalog/${id}/edit$`));
    await officer.getByTestId('catalog-return-comment').filter({ hasText: comment }).waitFor();
    await officer.locator('#summary').fill('全省流动人口居住登记信息。居住地址按公安部标准地址采集。');
    await officer.getByTestId('entry-save').click();
    await toast(officer, '已保存');
    await expect.poll(() => officer.getByTestId('entry-submit').isEnabled(), { timeout: 10_000 }).toBe(true);
    await officer.getByTestId('entry-submit').click();
    await officer.locator('[data-testid="entry-status"][data-status="submitted"]').waitFor();

    // The reviewer approves it.
    await openReview(reviewer, name, id);
    await reviewer.getByTestId('review-approve').click();
    await toast(reviewer, '已审核通过');

    // A user of another department finds it in Chinese and reads its data items.
    const user = await loggedIn('user', /\/share/);
    await user.getByTestId('nav-catalog').first().click();
    await user.waitForURL(/\/share\/catalog/);
    await user.getByTestId('catalog-search-input').fill(name);
    await user.getByTestId('catalog-search-input').press('Enter');
    const result = user.locator(`[data-testid="catalog-result"][data-entry-id="${id}"]`);
    // The newest entry may show before the search answers; the highlighted name is the searched one.
    await result.locator('mark').first().waitFor();
    expect(await result.getByTestId('catalog-result-link').locator('mark').allTextContents()).toEqual([name]);
    await result.getByTestId('catalog-result-link').click();
    await user.waitForURL(new RegExp(`/share/catalog/${id}$`));
    await expect(user.getByTestId('entry-name').textContent()).resolves.toBe(name);
    const items = await user.getByTestId('entry-item-name').allTextContents();
    expect(items).toEqual(['公民身份号码', '居住地址', '登记日期']);
    expect(await user.getByTestId('entry-apply').isDisabled()).toBe(true);

    for (const page of [officer, reviewer, user]) await page.context().close();
  });

  it('shows the compile rules on the fields before anything is saved', { timeout: 120_000 }, async () => {
    const officer = await loggedIn('officer', /\/console/);
    await officer.goto(`${baseUrl}/console/catalog/new`);
    await officer.locator('#name').fill(uniqueName());
    await officer.locator('#summary').fill('用于检查编目规则的草稿。');
    await choose(officer, '#domain', '民政服务');
    await officer.locator('#classTopic').fill('002');
    await officer.locator('#formatType').fill('XLSX');
    await officer.locator('#items_0_name').fill('姓名');
    // Click until the radio is on: on a busy machine a click can land before React listens.
    const conditional = officer.locator('label').filter({ hasText: /^有条件共享$/ });
    await expect
      .poll(async () => {
        if (!(await conditional.locator('input').isChecked())) await conditional.click();
        return conditional.locator('input').isChecked();
      })
      .toBe(true);
    await officer.getByTestId('entry-save').click();
    await officer.locator('.ant-form-item-explain-error').filter({ hasText: '有条件共享须填写共享条件' }).waitFor();
    await officer.locator('.ant-form-item-explain-error').filter({ hasText: '字符型信息项须填写长度' }).waitFor();
    expect(officer.url()).toMatch(/\/console\/catalog\/new$/);
    await officer.context().close();
  });

  it('tells an officer that someone else saved the entry meanwhile, and reloads it', { timeout: 120_000 }, async () => {
    const first = await loggedIn('officer', /\/console/);
    const csrf = (await first.context().cookies()).find((cookie) => cookie.name === 'sy_csrf')?.value ?? '';
    const created = await first.request.post(`${baseUrl}/api/v1/catalog/entries`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        name: uniqueName(),
        summary: '用于检查并发编辑的草稿。',
        resourceAttribute: 'department',
        domain: 'public_security',
        classItem: '02',
        classTopic: '009',
        dataLevel: 'province',
        areaRange: 'province_wide',
        processingDegree: 'raw',
        channel: 'gov_extranet',
        scenario: 'government_service',
        formatClass: 'database',
        formatType: 'MySQL 表',
        sharingType: 'unconditional',
        sharingMethods: ['api'],
        openType: 'none',
        updateCycle: 'daily',
        items: [{ name: '姓名', dataType: 'char', length: 50 }],
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const second = await first.context().newPage();
    for (const page of [first, second]) await page.goto(`${baseUrl}/console/catalog/${id}/edit`);

    await first.locator('#summary').fill('第一位专员保存的摘要。');
    await first.getByTestId('entry-save').click();
    await toast(first, '已保存');
    await second.locator('#summary').fill('第二位专员的修改。');
    await second.getByTestId('entry-save').click();
    await second.getByTestId('form-conflict').waitFor();
    await second.getByTestId('form-reload').click();
    await expect.poll(() => second.locator('#summary').inputValue(), { timeout: 10_000 }).toBe('第一位专员保存的摘要。');
    expect(await second.getByTestId('form-conflict').count()).toBe(0);
    await first.context().close();
  });

  it('shows each role only the catalog sections it may use', async () => {
    const user = await loggedIn('user', /\/share/);
    await user.getByTestId('nav-catalog').first().waitFor();
    expect(await user.getByTestId('nav-console').count()).toBe(0);
    await user.goto(`${baseUrl}/console/catalog`);
    await user.getByTestId('forbidden').waitFor();
    // The refusal stands alone: no console menu (and so no 本部门目录) is drawn around it.
    expect(await user.getByTestId('console-menu').count()).toBe(0);
    await user.context().close();

    const officer = await loggedIn('officer', /\/console/);
    await officer.getByTestId('console-menu').waitFor();
    expect(await officer.getByTestId('nav-catalog-mine').count()).toBe(1);
    expect(await officer.getByTestId('nav-catalog-systems').count()).toBe(1);
    expect(await officer.getByTestId('nav-catalog-review').count()).toBe(0);
    await officer.goto(`${baseUrl}/console/catalog/review`);
    await officer.getByTestId('forbidden').waitFor();
    await officer.context().close();

    const reviewer = await loggedIn('reviewer', /\/console/);
    await reviewer.getByTestId('console-menu').waitFor();
    expect(await reviewer.getByTestId('nav-catalog-review').count()).toBe(1);
    expect(await reviewer.getByTestId('nav-catalog-mine').count()).toBe(1);
    await reviewer.context().close();
  });
});
