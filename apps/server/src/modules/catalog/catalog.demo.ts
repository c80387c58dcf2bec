import { sql } from 'kysely';
import type { DemoContext, DemoContributor } from '../../demo/demo';
import { CITIES, CITY_DEPARTMENTS, PROVINCIAL_DEPARTMENTS } from '../../demo/demo-data';
import { prepareTemplates, PROVINCIAL_CATALOGS, type PreparedTemplate } from './catalog.demo-content';
import { CITY_COUNTERPART } from './catalog.demo-data';
import { drawPlan, type DemoPlan } from './catalog.demo-history';
import { loadProvinceScale } from './catalog.demo-scale';
import { departmentId, planFor, type CatalogDemoState } from './catalog.demo-state';
import { CodeCounter, writeEntries, type PlannedEntry } from './catalog.demo-writer';

/**
 * The stories of 江苏省公安厅's entries, in template order, so the demo login `officer` finds an entry
 * in every state of the lifecycle (人口基本信息 published, 户籍迁移信息 with two versions, …).
 */
const OFFICER_PLANS: readonly DemoPlan[] = [
  'published',
  'published2',
  'published',
  'change_review',
  'overdue',
  'returned',
  'draft',
  'retire_review',
  'submitted',
  'retired',
];

/** The demo department keys with their full names (provincial departments, then the cities' departments). */
function departmentNames(): Map<string, string> {
  const names = new Map<string, string>(PROVINCIAL_DEPARTMENTS.map(([key, name]) => [key, name]));
  for (const city of CITIES) for (const [key, suffix] of CITY_DEPARTMENTS) names.set(`${city.key}.${key}`, `${city.name}${suffix}`);
  return names;
}

async function loadPeople(ctx: DemoContext, keys: readonly string[]) {
  const logins = ['officer', 'reviewer', ...keys.map((k) => `${k}.officer`)];
  const rows = await ctx.trx.selectFrom('app_user').select(['id', 'login', 'display_name']).where('login', 'in', logins).execute();
  const byLogin = new Map(rows.map((r) => [r.login, { id: r.id, name: r.display_name }]));
  const actor = (login: string) => {
    const found = byLogin.get(login);
    if (!found) throw new Error(`catalog demo: the identity demo has no user ${login}`);
    return found;
  };
  // The demo login `officer` compiles 公安厅's catalog; every other department has its `<key>.officer`.
  const officers = new Map(keys.map((k) => [k, actor(k === 'gat' ? 'officer' : `${k}.officer`)]));
  return { officers, reviewer: actor('reviewer') };
}

/** The departments' 政务信息系统: the provincial ones as listed, each city department one after its counterpart's first. */
async function loadSystems(ctx: DemoContext, departmentName: Map<string, string>): Promise<Map<string, string[]>> {
  const rows: { key: string; name: string; status: 'running' | 'building'; onGovCloud: boolean; description: string }[] = [];
  const describe = (names: readonly string[]) => `承载${names.slice(0, 3).join('、')}等业务数据的采集、管理与共享。`;
  for (const catalog of PROVINCIAL_CATALOGS) {
    catalog.systems.forEach((name, i) => {
      const building = i > 0 && i === catalog.systems.length - 1 && ctx.rng.next() < 0.3;
      const described = catalog.entries.map((e) => e.name);
      rows.push({
        key: catalog.key,
        name,
        status: building ? 'building' : 'running',
        onGovCloud: ctx.rng.next() < 0.7,
        description: describe(described),
      });
    });
  }
  for (const city of CITIES) {
    for (const [key] of CITY_DEPARTMENTS) {
      const counterpart = PROVINCIAL_CATALOGS.find((c) => c.key === CITY_COUNTERPART[key]);
      const first = counterpart?.systems[0];
      if (!counterpart || !first?.startsWith('江苏省')) continue;
      const name = first.replace('江苏省', city.name);
      rows.push({
        key: `${city.key}.${key}`,
        name,
        status: 'running',
        onGovCloud: ctx.rng.next() < 0.7,
        description: describe(counterpart.entries.map((e) => e.name)),
      });
    }
  }
  const inserted = await ctx.trx
    .insertInto('info_system')
    .values(
      rows.map((r) => ({
        department_id: departmentId(ctx, r.key),
        name: r.name,
        status: r.status,
        on_gov_cloud: r.onGovCloud,
        description: r.description,
      })),
    )
    .returning(['id', 'department_id'])
    .execute();
  const systems = new Map<string, string[]>();
  inserted.forEach((row, i) => {
    const key = rows[i]!.key;
    if (!departmentName.has(key)) throw new Error(`catalog demo: unknown department ${key}`);
    systems.set(key, [...(systems.get(key) ?? []), row.id]);
  });
  return systems;
}

/** Every provincial department's entries, then each city department's version of its counterpart's. */
function planDepartments(state: CatalogDemoState): PlannedEntry[] {
  const planned: PlannedEntry[] = [];
  const provinceCode = new Map<PreparedTemplate, string>();
  let officerEntries = 0;
  for (const prepared of state.templates) {
    const key = prepared.department.key;
    const plan = key === 'gat' ? (OFFICER_PLANS[officerEntries++] ?? 'published') : drawPlan(state.ctx.rng);
    const entry = planFor(state, key, prepared, { prefix: '', level: 'province', area: 'province_wide' }, plan);
    provinceCode.set(prepared, entry.code);
    planned.push(entry);
  }
  for (const city of CITIES) {
    for (const [cityKey] of CITY_DEPARTMENTS) {
      const key = `${city.key}.${cityKey}`;
      for (const prepared of state.templates) {
        if (prepared.department.key !== CITY_COUNTERPART[cityKey] || prepared.template.provinceOnly) continue;
        const place = { prefix: city.name, level: 'city', area: 'city_wide' } as const;
        planned.push(planFor(state, key, prepared, place, drawPlan(state.ctx.rng), [provinceCode.get(prepared)!]));
      }
    }
  }
  return planned;
}

/**
 * The resource catalog: information systems, a few hundred entries of every department in every state
 * of the lifecycle with their timelines and versions, and, when asked (`shuyuan demo --catalog N`), a
 * province-scale catalog of N more published entries.
 */
export const catalogDemo: DemoContributor = {
  name: 'catalog',
  async load(ctx) {
    const departmentName = departmentNames();
    const { officers, reviewer } = await loadPeople(ctx, [...departmentName.keys()]);
    const state: CatalogDemoState = {
      ctx,
      now: new Date(),
      templates: prepareTemplates(),
      departmentName,
      officers,
      reviewer,
      systems: await loadSystems(ctx, departmentName),
      codes: await CodeCounter.load(ctx.trx),
      nameKeys: new Set(),
    };
    const planned = planDepartments(state);
    await writeEntries(ctx.trx, planned);
    const scaled = ctx.catalogEntries ? await loadProvinceScale(state, ctx.catalogEntries) : 0;
    await state.codes.save(ctx.trx);
    // PGlite runs no autovacuum: without statistics the planner takes the catalog for empty and
    // filters every row instead of using the search indexes (seconds per search at 131,000 entries).
    await sql`analyze catalog_entry, catalog_entry_version, catalog_event, catalog_entry_system, catalog_change`.execute(ctx.trx);
    return {
      infoSystems: [...state.systems.values()].reduce((n, ids) => n + ids.length, 0),
      catalogEntries: planned.length + scaled,
    };
  },
};
