import type { AreaRange, CatalogEntryContent, CatalogItemInput, DataLevel, SharingMethod } from '@shuyuan/contracts';
import type { DemoRandom } from '../../demo/demo-random';
import { DATABASE_TYPES, NOT_SHARED_BASES, OPEN_CONDITIONS, SHARING_CONDITIONS } from './catalog.demo-data';
import { itemsOf } from './catalog.demo-items';
import type { DepartmentCatalog, EntryTemplate } from './catalog.demo-templates';
import { CATALOG_A } from './catalog.demo-templates';
import { CATALOG_B } from './catalog.demo-templates-b';

/** Every provincial department's catalog, in the order their 项 numbers are given (01, 02, …). */
export const PROVINCIAL_CATALOGS: readonly DepartmentCatalog[] = [...CATALOG_A, ...CATALOG_B];

/** A template with what is fixed about it: its department, classification segment and parsed items. */
export interface PreparedTemplate {
  template: EntryTemplate;
  department: DepartmentCatalog;
  resourceAttribute: CatalogEntryContent['resourceAttribute'];
  classItem: string;
  classTopic: string;
  items: CatalogItemInput[];
  sensitive: boolean;
}

/**
 * The templates with their classification: a base (b) or theme (t) class gives 项 from the library and
 * 目 from the department's number; a department resource has the department's number as 项 and the
 * template's place in the department as 目.
 */
export function prepareTemplates(): PreparedTemplate[] {
  return PROVINCIAL_CATALOGS.flatMap((department, d) =>
    department.entries.map((template, t) => {
      const number = d + 1;
      const cls = template.cls;
      const items = itemsOf(template.items);
      return {
        template,
        department,
        resourceAttribute: !cls ? 'department' : cls.startsWith('b') ? 'base' : 'theme',
        classItem: cls ? cls.slice(1) : String(number).padStart(2, '0'),
        classTopic: String(cls ? number : t + 1).padStart(3, '0'),
        items,
        sensitive: items.some((i) => i.sensitive),
      } satisfies PreparedTemplate;
    }),
  );
}

/** Where an entry's data comes from: its name prefix, level and area. */
export interface Place {
  /** Put before the template's name: '' at the province, '南京市' or '徐州市铜山区' below it. */
  prefix: string;
  level: DataLevel;
  area: AreaRange;
  /** Put after the name, e.g. a year, to tell apart entries of the same subject. */
  qualifier?: string;
}

const databaseMethods: readonly SharingMethod[][] = [['api', 'table'], ['api'], ['table'], ['api', 'table']];

/** Adapts a provincial summary to a city or county (全省 → 全市 …). */
function localSummary(summary: string, place: Place): string {
  if (place.level === 'province') return summary;
  const scope = place.level === 'city' ? '市' : '区县';
  return summary
    .replaceAll('全省', `全${scope}`)
    .replaceAll('本省', `本${scope}`)
    .replaceAll('省级', `${place.level === 'city' ? '市' : '县'}级`);
}

/** The content of one entry: the template's subject, the department's habits and a seeded draw for the rest. */
export function buildContent(
  rng: DemoRandom,
  prepared: PreparedTemplate,
  place: Place,
  systemIds: readonly string[],
  relatedCodes: readonly string[] = [],
): CatalogEntryContent {
  const { template, sensitive } = prepared;
  const formatClass = template.file === 'xlsx' ? 'spreadsheet' : template.file === 'pdf' ? 'document' : 'database';
  // Sensitive personal items are never shared or opened without conditions, whatever the template says.
  const sharingType = template.share === 'n' ? 'none' : template.share === 'c' || sensitive ? 'conditional' : 'unconditional';
  const drawn: SharingMethod[] =
    sharingType === 'none'
      ? []
      : formatClass === 'database'
        ? [...rng.pick(databaseMethods)]
        : formatClass === 'spreadsheet'
          ? rng.next() < 0.5
            ? ['file']
            : ['table', 'file']
          : ['file'];
  // Drawn first in any case, so that a fixed choice leaves every later draw of the demo as it was.
  const sharingMethods = template.methods && sharingType !== 'none' ? [...template.methods] : drawn;
  const openType =
    sharingType === 'none' || sensitive ? 'none' : template.open === 'u' ? 'unconditional' : template.open === 'c' ? 'conditional' : 'none';
  const statistical = prepared.items.some((i) => i.name === '指标值');
  const fromYear = rng.int(1995, 2018);
  return {
    name: `${place.prefix}${template.name}${place.qualifier ?? ''}`,
    summary: localSummary(template.summary, place),
    resourceAttribute: prepared.resourceAttribute,
    domain: prepared.department.domain,
    classItem: prepared.classItem,
    classTopic: prepared.classTopic,
    dataLevel: place.level,
    areaRange: place.area,
    processingDegree: statistical ? 'statistical' : openType !== 'none' || !sensitive ? 'raw' : rng.next() < 0.2 ? 'masked' : 'raw',
    channel:
      openType !== 'none' ? 'internet' : prepared.department.key === 'gat' && rng.next() < 0.5 ? 'department_network' : 'gov_extranet',
    scenario: template.tags.some((t) => t === '行政处罚' || t === '信用监管')
      ? 'supervision'
      : openType !== 'none'
        ? 'public_service'
        : 'government_service',
    formatClass,
    formatType: formatClass === 'database' ? rng.pick(DATABASE_TYPES) : formatClass === 'spreadsheet' ? 'xlsx' : rng.pick(['pdf', 'ofd']),
    sharingType,
    sharingCondition:
      sharingType === 'conditional' ? rng.pick(SHARING_CONDITIONS) : sharingType === 'none' ? rng.pick(NOT_SHARED_BASES) : null,
    sharingMethods,
    openType,
    openCondition: openType === 'conditional' ? rng.pick(OPEN_CONDITIONS) : null,
    updateCycle: template.cycle ?? rng.pick(['daily', 'daily', 'monthly', 'realtime', 'weekly', 'quarterly'] as const),
    updateCycleNote: null,
    relatedCodes: [...relatedCodes],
    eLicence: template.licence ?? false,
    timeRangeFrom: `${fromYear}-01-01`,
    timeRangeTo: null,
    tags: [...template.tags],
    systemIds: [...systemIds],
    items: prepared.items,
  };
}

/** The change a department is compiling on a published entry: a remark item and a fuller summary. */
export function changedContent(content: CatalogEntryContent): CatalogEntryContent {
  const items = content.items.some((i) => i.name === '备注') ? content.items : [...content.items, ...itemsOf('备注')];
  return { ...content, summary: `${content.summary}自本年度起补充备注信息项。`, items };
}

/** An entry's first published version, before the item its second version added. */
export function firstVersionOf(content: CatalogEntryContent): CatalogEntryContent {
  return content.items.length > 1 ? { ...content, items: content.items.slice(0, -1) } : content;
}
