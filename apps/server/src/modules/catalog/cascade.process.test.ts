import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishOverHttp } from '../../../test/catalog-fixtures';
import { randomUscc } from '../../../test/factories';
import { eventually, freePort, httpLogin, startServerProcess, type HttpSession, type ServerProcess } from '../../../test/processes';

const PASSWORD = 'Shuyuan@2026';
const LINK = { key: 'link-nj-js', secret: 'cascade-secret-0123456789abcdef' };

/** Entries found at a node by a search, as the node's administrator sees them. */
async function found(admin: HttpSession, q: string) {
  const res = await admin.get(`/api/v1/catalog/entries?facets=false&limit=100&q=${encodeURIComponent(q)}`);
  if (res.status !== 200) throw new Error(`search answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.items as { id: string; name: string; regionCode: string | null; mirrored: boolean }[];
}

describe('the cascade between two server processes on loopback', () => {
  const dirs = { province: mkdtempSync(join(tmpdir(), 'shuyuan-province-')), city: mkdtempSync(join(tmpdir(), 'shuyuan-city-')) };
  let ports: { province: number; city: number };
  let province: ServerProcess;
  let city: ServerProcess;
  let provinceAdmin: HttpSession;
  let cityOfficer: HttpSession;
  let cityReviewer: HttpSession;
  let cityAdmin: HttpSession;

  beforeAll(async () => {
    ports = { province: await freePort(), city: await freePort() };
    [province, city] = await Promise.all([
      startServerProcess({ port: ports.province, dataDir: dirs.province, demo: true }),
      startServerProcess({ port: ports.city, dataDir: dirs.city, demo: true }),
    ]);
    provinceAdmin = await httpLogin(province.url, 'admin', PASSWORD);
    cityAdmin = await httpLogin(city.url, 'admin', PASSWORD);
    cityOfficer = await httpLogin(city.url, 'officer', PASSWORD);
    cityReviewer = await httpLogin(city.url, 'reviewer', PASSWORD);
    const lower = await provinceAdmin.post('/api/v1/cascade/nodes', {
      name: '南京市',
      role: 'lower',
      baseUrl: city.url,
      regionCode: '320100',
      agencyCode: randomUscc('320100'),
      ...LINK,
    });
    expect(lower.status, JSON.stringify(lower.body)).toBe(201);
    const upper = await cityAdmin.post('/api/v1/cascade/nodes', {
      name: '江苏省',
      role: 'upper',
      baseUrl: province.url,
      regionCode: '320000',
      agencyCode: randomUscc('320000'),
      ...LINK,
    });
    expect(upper.status, JSON.stringify(upper.body)).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([province?.stop(), city?.stop()]);
    rmSync(dirs.province, { recursive: true, force: true });
    rmSync(dirs.city, { recursive: true, force: true });
  });

  it('shows an entry published at the city at the province, tagged with the city region', async () => {
    const name = `南京市级联测试-${Date.now()}`;
    await publishOverHttp(cityOfficer, cityReviewer, name);
    const hits = await eventually('the entry at the province', async () => {
      const items = (await found(provinceAdmin, name)).filter((i) => i.name === name);
      return items.length > 0 ? items : undefined;
    });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ regionCode: '320100', mirrored: true });
    // Mirrored entries are read-only at the province.
    const detail = await provinceAdmin.get(`/api/v1/catalog/entries/${hits[0]!.id}`);
    expect(detail.body.actions).toEqual([]);
  }, 120_000);

  it('delivers every entry published while the province was down exactly once after it restarts', async () => {
    await province.stop();
    const prefix = `停机补发-${Date.now()}`;
    const names = Array.from({ length: 10 }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
    for (const name of names) await publishOverHttp(cityOfficer, cityReviewer, name);
    const upper = await eventually('a failed push recorded at the city', async () => {
      const nodes = (await cityAdmin.get('/api/v1/cascade/nodes')).body.items as { queueLength: number; lastError: string | null }[];
      return nodes[0] && nodes[0].queueLength >= 10 && nodes[0].lastError ? nodes[0] : undefined;
    });
    expect(upper.queueLength).toBeGreaterThanOrEqual(10);

    province = await startServerProcess({ port: ports.province, dataDir: dirs.province });
    provinceAdmin = await httpLogin(province.url, 'admin', PASSWORD);
    const arrived = await eventually(
      'the ten entries at the province',
      async () => {
        const items = (await found(provinceAdmin, prefix)).filter((i) => i.name.startsWith(prefix));
        return items.length >= 10 ? items : undefined;
      },
      60_000,
    );
    expect(arrived.map((i) => i.name).sort()).toEqual(names);
    await eventually('an empty queue at the city', async () => {
      const nodes = (await cityAdmin.get('/api/v1/cascade/nodes')).body.items as { queueLength: number; lastError: string | null }[];
      return nodes[0]?.queueLength === 0 && nodes[0].lastError === null ? true : undefined;
    });
    // Nothing arrives twice, also after the queue has drained.
    expect((await found(provinceAdmin, prefix)).filter((i) => i.name.startsWith(prefix))).toHaveLength(10);
  }, 240_000);
});
