import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { usccCheckChar } from '@shuyuan/contracts';
import { apiSession, type ApiSession } from './api';
import { chooseOption, chromiumAvailable, launchBrowser, loginThroughPage } from './browser';
import { PG_URL, postgresUnavailable, runSql } from './postgres';

const DEMO_PASSWORD = 'Shuyuan@2026';
/** Rows of each source table: a few hundred, so a run takes a moment. */
const ROWS = 321;
const hasChromium = chromiumAvailable();
const pgMissing = hasChromium ? await postgresUnavailable('table exchange tests') : 'no chromium';

interface Item {
  name: string;
  nameEn?: string | null;
  dataType: string;
  primaryKey?: boolean;
}
interface Entry {
  id: string;
  name: string;
  departmentId: string;
  sharingMethods: string[];
  content: { items: Item[] };
}
interface Column {
  name: string;
  type: string;
  key: boolean;
}
interface Run {
  status: string;
  rowsRead: number;
}
interface Job {
  id: string;
  name: string;
  entryId: string;
  entryName: string;
  keyColumn: string;
  columns: { name: string; type: string }[];
}

/** The PostgreSQL column type of a catalog item's data type, one the mount comparison accepts (text otherwise). */
const PG_TYPES: Record<string, string> = {
  int: 'bigint',
  decimal: 'numeric(12,2)',
  date: 'date',
  datetime: 'timestamp',
  time: 'time',
  bool: 'boolean',
};

/** The value of a column in row `g` of generate_series; the key is unique. */
function valueSql(column: Column): string {
  if (column.key) return column.type === 'bigint' ? 'g' : `'K' || lpad(g::text, 7, '0')`;
  const values: Record<string, string> = {
    bigint: 'g * 7',
    'numeric(12,2)': '(g % 1000) / 10.0',
    date: `date '2020-01-01' + g`,
    timestamp: `timestamp '2024-01-01' + g * interval '1 minute'`,
    time: `time '00:00' + g * interval '1 second'`,
    boolean: 'g % 2 = 0',
  };
  return values[column.type] ?? `'${column.name}-' || g`;
}

/** A valid 统一社会信用代码 no demo department has (a cascade node's agency code is unique). */
function randomUscc(): string {
  const digits = Array.from(randomBytes(9), (b) => String(b % 10)).join('');
  const first17 = `11320100${digits}`;
  return `${first17}${usccCheckChar(first17)}`;
}

/** A column per data item (its English name), the primary-key item the key; null when the entry cannot be a table job's. */
function columnsOf(entry: Entry): Column[] | null {
  const items = entry.content.items;
  const keys = items.filter((i) => i.primaryKey);
  if (keys.length !== 1 || !['char', 'int'].includes(keys[0]!.dataType)) return null;
  if (!items.every((i) => i.nameEn && /^[a-z_][a-z0-9_]*$/i.test(i.nameEn) && i.dataType !== 'binary')) return null;
  return items.map((i) => ({ name: i.nameEn!.toLowerCase(), type: PG_TYPES[i.dataType] ?? 'text', key: i === keys[0] }));
}

describe.runIf(hasChromium)('table exchange (库表交换) in a real browser', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  const suffix = randomBytes(3).toString('hex');
  const schema = `e2e_tables_${suffix}`;
  let admin: ApiSession;
  let reviewer: ApiSession;
  /** Published entries shared by table whose items make a table, with their columns. */
  let candidates: { entry: Entry; columns: Column[] }[];

  beforeAll(async () => {
    browser = await launchBrowser();
    if (pgMissing) return;
    await runSql(`create schema ${schema}`);
    [admin, reviewer] = await Promise.all([apiSession(baseUrl, 'admin', DEMO_PASSWORD), apiSession(baseUrl, 'reviewer', DEMO_PASSWORD)]);
    const published = await admin.get<{ items: Entry[] }>('/catalog/entries?status=published&facets=false&sort=name&limit=200');
    // Entries also served by API last: the demo's gateway tests on this server read those.
    const tables = published.items
      .filter((e) => e.sharingMethods.includes('table'))
      .sort((a, b) => Number(a.sharingMethods.includes('api')) - Number(b.sharingMethods.includes('api')));
    const details = await Promise.all(tables.map((e) => admin.get<Entry>(`/catalog/entries/${e.id}`)));
    candidates = details.flatMap((entry, i) => {
      const columns = columnsOf(entry);
      return columns ? [{ entry: { ...entry, departmentId: tables[i]!.departmentId }, columns }] : [];
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (!pgMissing) await runSql(`drop schema if exists ${schema} cascade`);
  });

  async function loggedIn(login: string, portal: RegExp): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await loginThroughPage(page, baseUrl, login, DEMO_PASSWORD);
    await page.waitForURL(portal);
    return page;
  }

  const departmentOf = async (login: string) =>
    (await (await apiSession(baseUrl, login, DEMO_PASSWORD)).get<{ user: { departmentId: string } }>('/auth/me')).user.departmentId;

  /** Registers a PostgreSQL source of a department on the test schema. */
  async function registerSource(departmentId: string, name: string): Promise<string> {
    const source = await admin.post<{ id: string }>('/sources', {
      departmentId,
      name: `${name}-${suffix}`,
      kind: 'postgresql',
      connection: {
        host: PG_URL.hostname,
        port: Number(PG_URL.port || 5432),
        database: decodeURIComponent(PG_URL.pathname.slice(1)),
        user: decodeURIComponent(PG_URL.username) || 'postgres',
        schema,
      },
      ...(PG_URL.password ? { password: decodeURIComponent(PG_URL.password) } : {}),
    });
    return source.id;
  }

  /** A source table of the entry's columns with ROWS rows, registered, mounted on the entry and approved. */
  async function mountedTable(entry: Entry, columns: Column[], table: string): Promise<{ mountId: string }> {
    await runSql(
      `create table ${schema}.${table} (${columns.map((c) => `"${c.name}" ${c.type}${c.key ? ' primary key' : ''}`).join(', ')})`,
      `insert into ${schema}.${table} select ${columns.map(valueSql).join(', ')} from generate_series(1, ${ROWS}) g`,
    );
    const sourceId = await registerSource(entry.departmentId, '库表归集测试源');
    const mount = await admin.post<{ id: string; version: number }>(`/catalog/entries/${entry.id}/mounts`, {
      sourceId,
      resourceName: `${schema}.${table}`,
      columnMap: {},
    });
    // Nobody reviews their own request: the reviewer approves the administrator's.
    await reviewer.post(`/catalog/mounts/${mount.id}/review`, { decision: 'approve', version: mount.version });
    return { mountId: mount.id };
  }

  /** Runs a job through the API and waits until the run is over. */
  async function runToEnd(jobId: string): Promise<Run> {
    await admin.post(`/exchange/jobs/${jobId}/run`);
    let last: Run | undefined;
    await expect
      .poll(
        async () => {
          last = (await admin.get<{ items: Run[] }>(`/exchange/jobs/${jobId}/runs`)).items[0];
          return last?.status;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toMatch(/^(done|failed|drift)$/);
    return last!;
  }

  /** The aggregation of a candidate's resource: the one a test before made, else one of a table mounted for it (not run). */
  async function aggregationOf(candidate: { entry: Entry; columns: Column[] }, table: string): Promise<Job> {
    const made = await admin.get<{ items: Job[] }>(`/exchange/jobs?kind=aggregate&entryId=${candidate.entry.id}`);
    if (made.items[0]) return made.items[0];
    const { mountId } = await mountedTable(candidate.entry, candidate.columns, table);
    const key = candidate.columns.find((c) => c.key)!;
    return admin.post<Job>('/exchange/jobs', { kind: 'aggregate', mountId, keyColumn: key.name });
  }

  /** A table grant of every copied column (the key unmasked) to a department, in force for an hour. */
  function grantTable(job: Job, consumerDepartmentId: string, purpose: string) {
    return admin.post<{ id: string }>('/exchange/grants', {
      entryId: job.entryId,
      consumerDepartmentId,
      method: 'table',
      fields: job.columns.map((c) => c.name),
      masks: { [job.keyColumn]: 'none' },
      purpose,
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validTo: new Date(Date.now() + 3_600_000).toISOString(),
    });
  }

  it.skipIf(!!pgMissing)(
    'lets the officer aggregate a mounted table, watch the run, then accept a dropped column',
    { timeout: 240_000 },
    async () => {
      const own = await departmentOf('officer');
      const chosen = candidates.find((c) => c.entry.departmentId === own) ?? candidates[0];
      expect(chosen, 'a published entry shared by table with a single-column key').toBeTruthy();
      const { entry, columns } = chosen!;
      const table = `src_${suffix}`;
      await mountedTable(entry, columns, table);
      const login = entry.departmentId === own ? 'officer' : 'admin';
      const key = columns.find((c) => c.key)!;

      const page = await loggedIn(login, /\/console/);
      await page.getByTestId('nav-exchange-jobs').click();
      await page.waitForURL(/\/console\/exchange\/jobs$/);
      await page.getByTestId('job-create').click();
      await chooseOption(page, '#entryId', entry.name, entry.name);
      // Its only approved table mount is chosen, the table's columns read and its primary key preselected.
      const formItem = (id: string) => page.locator('.ant-form-item').filter({ has: page.locator(id) });
      await formItem('#mountId')
        .filter({ hasText: `${schema}.${table}` })
        .waitFor();
      await formItem('#keyColumn').filter({ hasText: key.name }).waitFor();
      const name = `库表归集测试 ${suffix}`;
      await page.getByTestId('job-name').fill(name);
      await page.getByTestId('job-submit').click();

      await page.waitForURL(/\/console\/exchange\/jobs\/[0-9a-f-]{36}$/);
      await page.getByTestId('job-title').filter({ hasText: name }).waitFor();
      expect(await page.getByTestId('job-column').count()).toBe(columns.length);
      await page.getByTestId('job-run').click();
      const done = page.locator('[data-testid="run-row"][data-status="done"]');
      await done.waitFor({ timeout: 60_000 });
      expect(await done.getAttribute('data-rows-read')).toBe(String(ROWS));
      expect(await done.getAttribute('data-rows-written')).toBe(String(ROWS));

      // The run's evidence: every batch a leaf of the log, its proof checked here in the browser.
      await done.getByTestId('run-evidence-open').click();
      const evidence = page.locator('[data-testid="run-evidence"][data-queued="0"]');
      await evidence.waitFor({ timeout: 30_000 });
      const batches = Number(await evidence.getAttribute('data-leaves'));
      expect(batches).toBeGreaterThan(0);
      expect(await evidence.getAttribute('data-bad')).toBe('0');
      expect(await page.locator('[data-testid="run-evidence-leaf"][data-ok="true"]').count()).toBe(batches);
      await page.locator('[data-testid="run-evidence-leaf"]').first().click();
      expect(await page.getByTestId('run-evidence-entry').first().textContent()).toContain(
        `"run": "${await done.getAttribute('data-run-id')}"`,
      );
      await page.keyboard.press('Escape');
      await evidence.waitFor({ state: 'detached' });

      // A column dropped at the source stops the next run before it writes anything.
      const dropped = columns.filter((c) => !c.key).at(-1)!;
      await runSql(`alter table ${schema}.${table} drop column "${dropped.name}"`);
      await page.getByTestId('job-run').click();
      await page.locator('[data-testid="run-row"][data-status="drift"]').waitFor({ timeout: 60_000 });
      const drift = page.getByTestId('job-drift');
      await drift.locator(`[data-testid="job-drift-item"][data-column="${dropped.name}"][data-change="missing"]`).waitFor();
      await page.locator('[data-testid="job-status"][data-status="drift"]').waitFor();
      expect(await page.getByTestId('job-run').isDisabled()).toBe(true);

      // Accepted, the column leaves the baseline and the job runs again.
      await drift.getByTestId('job-accept-drift').click();
      await page.getByTestId('job-accept-drift-confirm').click();
      await page.locator('[data-testid="job-status"][data-status="active"]').waitFor();
      expect(await page.getByTestId('job-drift').count()).toBe(0);
      expect(await page.getByTestId('job-column').count()).toBe(columns.length - 1);
      await page.getByTestId('job-run').click();
      await expect.poll(() => done.count(), { timeout: 60_000 }).toBe(2);
      expect(await done.first().getAttribute('data-rows-read')).toBe(String(ROWS));

      // The list shows the job with its last run.
      await page.getByTestId('nav-exchange-jobs').click();
      const row = page.locator('[data-testid="job-row"][data-kind="aggregate"]').filter({ hasText: name });
      // The list kept from before the runs shows at once, then its refetch.
      await expect.poll(() => row.getAttribute('data-last-run'), { timeout: 10_000 }).toBe('done');
      expect(await row.getAttribute('data-remote-table')).toBe(`${schema}.${table}`);
      await page.context().close();
    },
  );

  it.skipIf(!!pgMissing)("lists a distribution in the consumer's 我的库表订阅, with its run history", { timeout: 240_000 }, async () => {
    const consumer = await departmentOf('developer');
    const officer = await departmentOf('officer');
    // Another resource than the first test's, of a provider other than the consumer.
    const chosen = candidates.find((c) => c.entry.departmentId !== consumer && c.entry.departmentId !== officer);
    expect(chosen, 'a second published entry shared by table').toBeTruthy();
    const { entry, columns } = chosen!;
    const key = columns.find((c) => c.key)!;
    const { mountId } = await mountedTable(entry, columns, `pub_${suffix}`);
    const aggregation = await admin.post<{ id: string }>('/exchange/jobs', { kind: 'aggregate', mountId, keyColumn: key.name });
    expect(await runToEnd(aggregation.id)).toMatchObject({ status: 'done', rowsRead: ROWS });

    // A table grant to 江苏省市场监督管理局: every field, the key unmasked (rows are matched by it).
    const grant = await admin.post<{ id: string }>('/exchange/grants', {
      entryId: entry.id,
      consumerDepartmentId: consumer,
      method: 'table',
      fields: columns.map((c) => c.name),
      masks: { [key.name]: 'none' },
      purpose: '库表分发浏览器测试',
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validTo: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const target = `sub_${suffix}`;
    const distribution = await admin.post<{ id: string; name: string }>('/exchange/jobs', {
      kind: 'distribute',
      grantId: grant.id,
      targetSourceId: await registerSource(consumer, '库表订阅目标库'),
      targetTable: `${schema}.${target}`,
    });
    expect(await runToEnd(distribution.id)).toMatchObject({ status: 'done', rowsRead: ROWS });
    const client = new pg.Client({ connectionString: PG_URL.href });
    await client.connect();
    try {
      expect((await client.query(`select count(*)::int as n from ${schema}.${target}`)).rows[0].n).toBe(ROWS);
    } finally {
      await client.end();
    }

    const page = await loggedIn('developer', /\/share/);
    await page.getByTestId('nav-subscriptions').click();
    await page.waitForURL(/\/share\/subscriptions$/);
    const row = page.locator(`[data-testid="job-row"][data-job-id="${distribution.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-kind')).toBe('distribute');
    expect(await row.getAttribute('data-last-run')).toBe('done');
    expect(await row.textContent()).toContain(`${schema}.${target}`);
    await row.getByTestId('job-open').click();
    await page.getByTestId('subscription-title').filter({ hasText: distribution.name }).waitFor();
    const run = page.locator('[data-testid="run-row"][data-status="done"]');
    await run.waitFor();
    expect(await run.getAttribute('data-rows-read')).toBe(String(ROWS));
    await page.context().close();
  });

  it.skipIf(!!pgMissing)(
    'shows a provider the distributions of its resources, but no 立即运行 for them',
    { timeout: 120_000 },
    async () => {
      const [officer, consumer] = await Promise.all([departmentOf('officer'), departmentOf('developer')]);
      const chosen = candidates.find((c) => c.entry.departmentId === officer);
      expect(chosen, "a published entry of the officer's department shared by table").toBeTruthy();
      const aggregation = await aggregationOf(chosen!, `own_${suffix}`);
      const grant = await grantTable(aggregation, consumer, '提供方只读观察测试');
      // The consumer's job, on the officer's resource: the officer watches it.
      const distribution = await admin.post<{ id: string; name: string }>('/exchange/jobs', {
        kind: 'distribute',
        grantId: grant.id,
        targetSourceId: await registerSource(consumer, '库表观察目标库'),
        targetTable: `${schema}.watch_${suffix}`,
      });

      const page = await loggedIn('officer', /\/console/);
      await page.getByTestId('nav-exchange-jobs').click();
      await page.waitForURL(/\/console\/exchange\/jobs$/);
      const watched = page.locator(`[data-testid="job-row"][data-job-id="${distribution.id}"]`);
      await watched.waitFor();
      // The officer runs the department's own aggregation from the list, not the consumer's distribution.
      await page.locator(`[data-testid="job-row"][data-job-id="${aggregation.id}"]`).getByTestId('job-run').waitFor();
      expect(await watched.getByTestId('job-run').count()).toBe(0);

      await watched.getByTestId('job-open').click();
      await page.getByTestId('job-title').filter({ hasText: distribution.name }).waitFor();
      await page.getByTestId('run-history').waitFor();
      expect(await page.getByTestId('job-run').count()).toBe(0);
      expect(await page.getByTestId('job-edit-schedule').count()).toBe(0);
      await page.context().close();
    },
  );

  it.skipIf(!!pgMissing)(
    'lets the bureau make a return flow (回流) of an aggregated resource to a lower node, its prefix from the node',
    { timeout: 120_000 },
    async () => {
      const made = await admin.get<{ items: Job[] }>('/exchange/jobs?kind=aggregate');
      const aggregation =
        made.items.find((j) => candidates.some((c) => c.entry.id === j.entryId)) ??
        (await aggregationOf(candidates.at(-1)!, `ret_${suffix}`));
      const region = aggregation.columns.find((c) => c.type === 'char' || c.type === 'text');
      expect(region, 'a text column of the aggregation').toBeTruthy();
      // Disabled: nothing is pushed to a node that is not there; the job is made all the same.
      const node = `回流测试-${suffix}`;
      await admin.post('/cascade/nodes', {
        name: node,
        role: 'lower',
        baseUrl: 'http://127.0.0.1:9',
        regionCode: '320100',
        agencyCode: randomUscc(),
        key: `e2e-return-${suffix}`,
        secret: randomBytes(24).toString('hex'),
        enabled: false,
      });

      const page = await loggedIn('admin', /\/console/);
      await page.getByTestId('nav-exchange-jobs').click();
      await page.waitForURL(/\/console\/exchange\/jobs$/);
      await page.getByTestId('job-create').click();
      await page.getByTestId('job-form').getByText('回流', { exact: true }).click();
      await chooseOption(page, '#entryId', aggregation.entryName, aggregation.entryName);
      await chooseOption(page, '#nodeId', node, node);
      // 320100 (南京市) → rows whose division code or ID number starts with 3201.
      await expect.poll(() => page.getByTestId('job-region-prefix').inputValue()).toBe('3201');
      await chooseOption(page, '#regionColumn', region!.name, `${region!.name}（`);
      const name = `回流浏览器测试 ${suffix}`;
      await page.getByTestId('job-name').fill(name);
      await page.getByTestId('job-submit').click();

      await page.waitForURL(/\/console\/exchange\/jobs\/[0-9a-f-]{36}$/);
      await page.getByTestId('job-title').filter({ hasText: name }).waitFor();
      await page.locator('[data-testid="job-kind"][data-kind="return"]').waitFor();
      expect(await page.getByTestId('job-node').textContent()).toBe(node);
      expect(await page.getByTestId('job-region-prefix').textContent()).toBe('3201');
      // The bureau runs what it made.
      await page.getByTestId('job-run').waitFor();

      await page.getByTestId('nav-exchange-jobs').click();
      const row = page.locator(`[data-testid="job-row"][data-kind="return"][data-node="${node}"]`);
      await row.waitFor();
      expect(await row.getByTestId('job-flow').textContent()).toContain(`${region!.name} 以 3201 开头`);
      await page.context().close();
    },
  );
});
