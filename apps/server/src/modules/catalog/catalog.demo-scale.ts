import { entryNameKey } from '@shuyuan/contracts';
import { planFor, type CatalogDemoState } from './catalog.demo-state';
import type { Place } from './catalog.demo-content';
import { CITY_COUNTERPART, JIANGSU_DIVISIONS, YEAR_QUALIFIERS } from './catalog.demo-data';
import { writeEntries, type PlannedEntry } from './catalog.demo-writer';

/** Entries planned and written at a time: one multi-row INSERT each. */
const BATCH = 1000;

interface Region {
  cityKey: string;
  place: Place;
}

/** Every city and county of Jiangsu as a place whose entries a province-scale catalog names. */
function regions(): Region[] {
  return JIANGSU_DIVISIONS.flatMap(([cityKey, city, counties]) => [
    { cityKey, place: { prefix: city, level: 'city', area: 'city_wide' } },
    ...counties
      .split(' ')
      .map((county) => ({ cityKey, place: { prefix: `${city}${county}`, level: 'county', area: 'county_wide' } }) as Region),
  ]);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Adds `count` published entries, a province-scale catalog: every template of every department for
 * every city and county of Jiangsu (then again per year), in a seeded order so that any count gives a
 * spread of subjects and places. An entry of a city the demo has departments for (南京, 无锡, 苏州)
 * belongs to that city's department; the others to the provincial department, which collects them.
 */
export async function loadProvinceScale(state: CatalogDemoState, count: number): Promise<number> {
  const { ctx, templates } = state;
  const places = regions();
  const layer = templates.length * places.length;
  const capacity = layer * YEAR_QUALIFIERS.length;
  if (count > capacity) throw new Error(`--catalog: at most ${capacity} entries (every subject, place and year once)`);
  let stride = 7919;
  while (gcd(stride, layer) !== 1) stride += 2;
  const offset = ctx.rng.int(0, layer - 1);
  const cityDepartment = new Map(Object.entries(CITY_COUNTERPART).map(([cityKey, provinceKey]) => [provinceKey, cityKey]));
  const cities = new Set([...state.departmentName.keys()].filter((k) => k.includes('.')).map((k) => k.split('.')[0]!));

  let written = 0;
  let batch: PlannedEntry[] = [];
  for (let k = 0; written + batch.length < count; k++) {
    if (k >= capacity) throw new Error(`--catalog: ran out of names after ${written + batch.length} entries`);
    const inner = (offset + (k % layer) * stride) % layer;
    const prepared = templates[inner % templates.length]!;
    const region = places[Math.floor(inner / templates.length)]!;
    const place = { ...region.place, qualifier: YEAR_QUALIFIERS[Math.floor(k / layer)]! };
    const name = `${place.prefix}${prepared.template.name}${place.qualifier}`;
    if (state.nameKeys.has(entryNameKey(name))) continue;
    const provinceKey = prepared.department.key;
    const cityKey = cityDepartment.get(provinceKey);
    const key = cityKey && cities.has(region.cityKey) ? `${region.cityKey}.${cityKey}` : provinceKey;
    batch.push(planFor(state, key, prepared, place, 'published'));
    if (batch.length === BATCH) {
      await writeEntries(ctx.trx, batch);
      written += batch.length;
      batch = [];
    }
  }
  await writeEntries(ctx.trx, batch);
  return written + batch.length;
}
