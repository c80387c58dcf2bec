import { catalogCodes, type DataDomain } from '@shuyuan/contracts';
import type { CatalogContent, CatalogItem } from '@/features/catalog/catalog-types';

/** One data item as the form holds it (empty numbers are null, checkboxes may be unset). */
export interface ItemFormValues {
  name?: string;
  nameEn?: string | null;
  dataType?: CatalogItem['dataType'];
  length?: number | null;
  precision?: number | null;
  description?: string | null;
  primaryKey?: boolean;
  timestamp?: boolean;
  sensitive?: boolean;
}

/** The compile form's values: the content with every field possibly still empty. */
export type CatalogFormValues = Partial<Omit<CatalogContent, 'items'>> & { items?: ItemFormValues[] };

/** A new, empty data item row. */
export function emptyItem(): ItemFormValues {
  return {
    name: '',
    nameEn: '',
    dataType: 'char',
    length: null,
    precision: null,
    description: '',
    primaryKey: false,
    timestamp: false,
    sensitive: false,
  };
}

/** The values a new entry starts with: the common choices preselected, what only the officer knows left empty. */
export function emptyFormValues(): CatalogFormValues {
  return {
    name: '',
    summary: '',
    resourceAttribute: 'department',
    classItem: '',
    classTopic: '',
    dataLevel: 'province',
    areaRange: 'province_wide',
    processingDegree: 'raw',
    channel: 'gov_extranet',
    scenario: 'government_service',
    formatClass: 'database',
    formatType: '',
    sharingType: 'unconditional',
    sharingCondition: '',
    sharingMethods: ['api'],
    openType: 'none',
    openCondition: '',
    updateCycle: 'daily',
    updateCycleNote: '',
    relatedCodes: [],
    eLicence: false,
    timeRangeFrom: null,
    timeRangeTo: null,
    tags: [],
    systemIds: [],
    items: [emptyItem()],
  };
}

/** The 项 code a domain suggests for the classification segment (its national reporting code). */
export function classItemOfDomain(domain: DataDomain): string {
  return catalogCodes.dataDomain[domain][0];
}

/** Saved content as form values (nulls become empty inputs). */
export function fromContent(content: CatalogContent): CatalogFormValues {
  return {
    ...content,
    sharingCondition: content.sharingCondition ?? '',
    openCondition: content.openCondition ?? '',
    updateCycleNote: content.updateCycleNote ?? '',
    timeRangeFrom: content.timeRangeFrom ?? null,
    timeRangeTo: content.timeRangeTo ?? null,
    items: content.items.map((item) => ({
      ...item,
      nameEn: item.nameEn ?? '',
      length: item.length ?? null,
      precision: item.precision ?? null,
      description: item.description ?? '',
    })),
  };
}

const text = (value: string | null | undefined) => (value ?? '').trim();
const optionalText = (value: string | null | undefined) => text(value) || null;
const uniqueTexts = (values: readonly string[] | undefined) => [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];

/**
 * The form's values as content to validate and send: texts trimmed, empty optional texts null, and
 * the conditional fields kept only where they apply (a condition only for conditional sharing or
 * opening, a cycle note only for "other", no method for an entry that is not shared).
 */
export function toContentDraft(values: CatalogFormValues): Record<string, unknown> {
  const sharingType = values.sharingType;
  return {
    name: text(values.name),
    summary: text(values.summary),
    resourceAttribute: values.resourceAttribute,
    domain: values.domain,
    classItem: text(values.classItem),
    classTopic: text(values.classTopic),
    dataLevel: values.dataLevel,
    areaRange: values.areaRange,
    processingDegree: values.processingDegree,
    channel: values.channel,
    scenario: values.scenario,
    formatClass: values.formatClass,
    formatType: text(values.formatType),
    sharingType,
    sharingCondition: sharingType === 'unconditional' ? null : optionalText(values.sharingCondition),
    sharingMethods: sharingType === 'none' ? [] : [...(values.sharingMethods ?? [])],
    openType: values.openType,
    openCondition: values.openType === 'conditional' ? optionalText(values.openCondition) : null,
    updateCycle: values.updateCycle,
    updateCycleNote: values.updateCycle === 'other' ? optionalText(values.updateCycleNote) : null,
    relatedCodes: uniqueTexts(values.relatedCodes),
    eLicence: values.eLicence ?? false,
    timeRangeFrom: values.timeRangeFrom || null,
    timeRangeTo: values.timeRangeTo || null,
    tags: uniqueTexts(values.tags),
    systemIds: [...new Set(values.systemIds ?? [])],
    items: (values.items ?? []).map((item) => ({
      name: text(item.name),
      nameEn: optionalText(item.nameEn),
      dataType: item.dataType,
      length: item.length ?? null,
      precision: item.precision ?? null,
      description: optionalText(item.description),
      primaryKey: item.primaryKey ?? false,
      timestamp: item.timestamp ?? false,
      sensitive: item.sensitive ?? false,
    })),
  };
}

const formFields = new Set<string>([
  'name',
  'summary',
  'resourceAttribute',
  'domain',
  'classItem',
  'classTopic',
  'dataLevel',
  'areaRange',
  'processingDegree',
  'channel',
  'scenario',
  'formatClass',
  'formatType',
  'sharingType',
  'sharingCondition',
  'sharingMethods',
  'openType',
  'openCondition',
  'updateCycle',
  'updateCycleNote',
  'relatedCodes',
  'eLicence',
  'timeRangeFrom',
  'timeRangeTo',
  'tags',
  'systemIds',
]);

const itemFields = new Set(['name', 'nameEn', 'dataType', 'length', 'precision', 'description', 'primaryKey', 'timestamp', 'sensitive']);

/**
 * The compile form's field that shows a problem at `path`: a content field (a problem with one
 * element of a list goes to the list: `tags.3` → `tags`), or one cell of the data item table
 * (`items.2.length`). Null for what no single field shows, such as the item list as a whole.
 */
export function formFieldPath(path: readonly (string | number)[]): (string | number)[] | null {
  const [head, index, prop] = path;
  if (head === 'items') {
    if (typeof index === 'number' && typeof prop === 'string' && itemFields.has(prop)) return ['items', index, prop];
    return null;
  }
  return typeof head === 'string' && formFields.has(head) ? [head] : null;
}
