import { entryNameKey } from '@shuyuan/contracts';
import type { DemoContext } from '../../demo/demo';
import { buildContent, type PreparedTemplate } from './catalog.demo-content';
import { planEntry, type DemoPlan } from './catalog.demo-history';
import type { CodeCounter, DemoActor, PlannedEntry } from './catalog.demo-writer';

/** What the catalog loaders share: departments, people, systems, codes and the names already taken. */
export interface CatalogDemoState {
  ctx: DemoContext;
  now: Date;
  templates: PreparedTemplate[];
  departmentName: Map<string, string>;
  /** The officer who compiles each department's catalog, by department key. */
  officers: Map<string, DemoActor>;
  reviewer: DemoActor;
  systems: Map<string, string[]>;
  codes: CodeCounter;
  nameKeys: Set<string>;
}

/** The id the identity demo gave a department key. */
export function departmentId(ctx: DemoContext, key: string): string {
  const id = ctx.ids.get(`department:${key}`);
  if (!id) throw new Error(`catalog demo: the identity demo has no department ${key}`);
  return id;
}

/** One system of the department (most entries name one), or none when it has none. */
export function systemsFor(state: CatalogDemoState, key: string): string[] {
  const ids = state.systems.get(key);
  return ids && ids.length > 0 ? [state.ctx.rng.pick(ids)] : [];
}

/** Plans one entry of a department: content, code and story, and takes its name. */
export function planFor(
  state: CatalogDemoState,
  key: string,
  prepared: PreparedTemplate,
  place: Parameters<typeof buildContent>[2],
  plan: DemoPlan,
  relatedCodes: readonly string[] = [],
): PlannedEntry {
  const { ctx } = state;
  const content = buildContent(ctx.rng, prepared, place, systemsFor(state, key), relatedCodes);
  state.nameKeys.add(entryNameKey(content.name));
  return planEntry(
    ctx.rng,
    {
      code: state.codes.next(content),
      departmentId: departmentId(ctx, key),
      departmentName: state.departmentName.get(key)!,
      content,
      officer: state.officers.get(key)!,
      reviewer: state.reviewer,
    },
    plan,
    state.now,
  );
}
