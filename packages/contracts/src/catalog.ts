import { z } from 'zod';

/**
 * The catalog's code lists as semantic enums. Code values differ between standards and products
 * (the 2017 compilation guide, the national 目录上报 fields, provincial tables), so the platform stores
 * the meaning and maps to a code only at import and export (`catalogCodes`).
 */

/** 资源属性: base (基础), theme (主题) or department (部门) resource; the first digit of the resource code. */
export const ResourceAttribute = z.enum(['base', 'theme', 'department']);
export type ResourceAttribute = z.infer<typeof ResourceAttribute>;

/** 数据所属领域 (national reporting list, a subset most bureaus use). */
export const DataDomain = z.enum([
  'public_security',
  'civil_affairs',
  'human_resources',
  'natural_resources',
  'ecology',
  'housing',
  'transport',
  'agriculture',
  'commerce',
  'culture_tourism',
  'health',
  'emergency',
  'market_regulation',
  'finance_tax',
  'education',
  'science',
  'statistics',
  'justice',
  'business_environment',
  'credit',
  'other',
]);
export type DataDomain = z.infer<typeof DataDomain>;

/** 数据所在层级. */
export const DataLevel = z.enum(['national', 'province', 'city', 'county']);
export type DataLevel = z.infer<typeof DataLevel>;

/** 数据区域范围. */
export const AreaRange = z.enum(['national', 'province_wide', 'each_city', 'city_wide', 'each_county', 'county_wide', 'other']);
export type AreaRange = z.infer<typeof AreaRange>;

/** 数据加工程度. */
export const ProcessingDegree = z.enum(['raw', 'masked', 'tagged', 'statistical', 'fused', 'other']);
export type ProcessingDegree = z.infer<typeof ProcessingDegree>;

/** 提供渠道. */
export const Channel = z.enum(['gov_extranet', 'internet', 'department_network']);
export type Channel = z.infer<typeof Channel>;

/** 应用场景. */
export const Scenario = z.enum(['government_service', 'public_service', 'supervision', 'other']);
export type Scenario = z.infer<typeof Scenario>;

/** 格式 class. */
export const FormatClass = z.enum(['document', 'spreadsheet', 'database', 'image', 'stream', 'self_describing', 'other']);
export type FormatClass = z.infer<typeof FormatClass>;

/** 共享类型: unconditional (无条件), conditional (有条件), not shared (不予共享). */
export const SharingType = z.enum(['unconditional', 'conditional', 'none']);
export type SharingType = z.infer<typeof SharingType>;

/** 共享方式 type: table (库表), API (接口), file (文件). */
export const SharingMethod = z.enum(['table', 'api', 'file']);
export type SharingMethod = z.infer<typeof SharingMethod>;

/** 开放属性: unconditional open, conditional open, not open. */
export const OpenType = z.enum(['unconditional', 'conditional', 'none']);
export type OpenType = z.infer<typeof OpenType>;

/** 更新周期 (dict GXZQ). */
export const UpdateCycle = z.enum(['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly', 'other']);
export type UpdateCycle = z.infer<typeof UpdateCycle>;

/** 信息项 data type (the dsg list, which maps onto the 2017 guide's letters). */
export const ItemDataType = z.enum(['char', 'int', 'decimal', 'date', 'datetime', 'time', 'bool', 'text', 'binary', 'other']);
export type ItemDataType = z.infer<typeof ItemDataType>;

/** Where an entry stands in its lifecycle. */
export const EntryStatus = z.enum(['draft', 'submitted', 'returned', 'published', 'change_review', 'retire_review', 'retired']);
export type EntryStatus = z.infer<typeof EntryStatus>;

/** 资源挂载状态. */
export const MountStatus = z.enum(['unmounted', 'in_review', 'returned', 'mounted', 'change_in_review']);
export type MountStatus = z.infer<typeof MountStatus>;

/** 政务信息系统 construction status. */
export const SystemStatus = z.enum(['planned', 'building', 'running', 'retired']);
export type SystemStatus = z.infer<typeof SystemStatus>;

/**
 * Code values for import and export: the national reporting numbers where they exist (更新周期 1–8,
 * 层级 1–4, 加工程度 sjjgcd01–05/0), the Chinese label otherwise. `label` is what the Excel template shows.
 */
export const catalogCodes = {
  resourceAttribute: { base: ['1', '基础'], theme: ['2', '主题'], department: ['3', '部门'] },
  dataDomain: {
    public_security: ['02', '公共安全'],
    civil_affairs: ['03', '民政服务'],
    human_resources: ['04', '社保就业'],
    natural_resources: ['05', '自然资源'],
    ecology: ['06', '生态环境'],
    housing: ['07', '城建住房'],
    transport: ['08', '交通运输'],
    agriculture: ['09', '农业农村'],
    commerce: ['10', '商贸流通'],
    market_regulation: ['11', '市场监管'],
    culture_tourism: ['12', '文化休闲'],
    education: ['13', '教育文化'],
    science: ['14', '科技创新'],
    statistics: ['15', '统计调查'],
    justice: ['16', '法律服务'],
    health: ['17', '医疗卫生'],
    emergency: ['18', '安全生产'],
    credit: ['19', '信用服务'],
    finance_tax: ['20', '财税金融'],
    business_environment: ['25', '营商环境'],
    other: ['27', '其他'],
  },
  dataLevel: { national: ['1', '国家'], province: ['2', '省级'], city: ['3', '市级'], county: ['4', '县级'] },
  areaRange: {
    national: ['1', '全国'],
    province_wide: ['2', '全省'],
    each_city: ['3', '各市'],
    city_wide: ['4', '全市'],
    each_county: ['5', '各区县'],
    county_wide: ['6', '全区县'],
    other: ['7', '其他'],
  },
  processingDegree: {
    raw: ['sjjgcd01', '原始明细'],
    masked: ['sjjgcd02', '脱敏数据'],
    tagged: ['sjjgcd03', '标签数据'],
    statistical: ['sjjgcd04', '统计数据'],
    fused: ['sjjgcd05', '融合数据'],
    other: ['0', '其他'],
  },
  channel: { gov_extranet: ['1', '政务外网'], internet: ['2', '互联网'], department_network: ['3', '部门专网'] },
  scenario: { government_service: ['1', '政务服务'], public_service: ['2', '公共服务'], supervision: ['3', '监管'], other: ['4', '其他'] },
  formatClass: {
    document: ['1', '电子文件'],
    spreadsheet: ['2', '电子表格'],
    database: ['3', '数据库'],
    image: ['4', '图形图像'],
    stream: ['5', '流媒体'],
    self_describing: ['6', '自描述格式'],
    other: ['9', '其他'],
  },
  sharingType: { unconditional: ['1', '无条件共享'], conditional: ['2', '有条件共享'], none: ['3', '不予共享'] },
  sharingMethod: { table: ['1', '库表'], api: ['2', '接口'], file: ['3', '文件'] },
  openType: { unconditional: ['1', '无条件开放'], conditional: ['2', '有条件开放'], none: ['3', '不予开放'] },
  updateCycle: {
    realtime: ['1', '实时'],
    daily: ['2', '每日'],
    weekly: ['3', '每周'],
    monthly: ['4', '每月'],
    quarterly: ['5', '每季度'],
    half_yearly: ['6', '每半年'],
    yearly: ['7', '每年'],
    other: ['8', '其他'],
  },
  itemDataType: {
    char: ['C', '字符型'],
    int: ['I', '整数型'],
    decimal: ['N', '数值型'],
    date: ['D', '日期型'],
    datetime: ['T', '日期时间型'],
    time: ['TM', '时间型'],
    bool: ['L', '布尔型'],
    text: ['M', '文本型'],
    binary: ['G', '二进制'],
    other: ['O', '其他'],
  },
  entryStatus: {
    draft: ['01', '草稿'],
    submitted: ['02', '待审核'],
    published: ['03', '已发布'],
    retire_review: ['04', '下线审核'],
    retired: ['05', '已下线'],
    change_review: ['06', '变更审核'],
    returned: ['07', '已退回'],
  },
  mountStatus: {
    unmounted: ['01', '未挂接'],
    in_review: ['02', '挂接审核中'],
    returned: ['03', '挂接退回'],
    mounted: ['04', '已挂接'],
    change_in_review: ['05', '变更审核中'],
  },
} as const satisfies Record<string, Record<string, readonly [string, string]>>;

export type CatalogCodeList = keyof typeof catalogCodes;

/** The code value of a semantic value (for export). */
export function codeOf<L extends CatalogCodeList>(list: L, value: keyof (typeof catalogCodes)[L]): string {
  return (catalogCodes[list] as Record<string, readonly [string, string]>)[value as string]![0];
}

/** The Chinese label of a semantic value. */
export function labelOf<L extends CatalogCodeList>(list: L, value: keyof (typeof catalogCodes)[L]): string {
  return (catalogCodes[list] as Record<string, readonly [string, string]>)[value as string]![1];
}

/**
 * The semantic value of a cell at import: accepts the code, the Chinese label, or the semantic name,
 * trimmed and width-normalised. Null when nothing matches.
 */
export function valueOfCode<L extends CatalogCodeList>(list: L, cell: string): keyof (typeof catalogCodes)[L] | null {
  const wanted = toHalfWidth(cell).trim();
  if (!wanted) return null;
  for (const [value, [code, label]] of Object.entries(catalogCodes[list] as Record<string, readonly [string, string]>)) {
    if (wanted === code || wanted === label || wanted.toLowerCase() === value) return value as keyof (typeof catalogCodes)[L];
  }
  return null;
}

/** Full-width ASCII (ＡＢＣ１２３, the ideographic space) to half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * The key under which entry names must be unique: width-normalised, lower-cased, with whitespace and
 * punctuation (ASCII and CJK) removed, so `人口基本信息`, `人口 基本信息` and `人口基本信息。` clash.
 */
export function entryNameKey(name: string): string {
  return toHalfWidth(name)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Resource codes: classification segment and sequence joined by `/`, e.g. `3 02 001/000123`. */
export const resourceCodePattern = /^[1-3]\d{2}\d{3}\d*\/\d{6}$/;

/** 信息项: one data item of an entry. */
export const CatalogItemInput = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    nameEn: z
      .string()
      .trim()
      .max(100)
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and underscores, not starting with a digit')
      .optional()
      .nullable(),
    dataType: ItemDataType,
    length: z.number().int().min(1).max(65535).optional().nullable(),
    precision: z.number().int().min(0).max(38).optional().nullable(),
    description: z.string().max(500).optional().nullable(),
    primaryKey: z.boolean().default(false),
    timestamp: z.boolean().default(false),
    sensitive: z.boolean().default(false),
  })
  .meta({ id: 'CatalogItemInput' });
export type CatalogItemInput = z.infer<typeof CatalogItemInput>;

/** The editable content of an entry (what a data officer compiles). */
export const CatalogEntryContent = z.strictObject({
  name: z.string().trim().min(2).max(100),
  summary: z.string().trim().min(1).max(2000),
  resourceAttribute: ResourceAttribute,
  domain: DataDomain,
  /** 项 and 目 of the classification segment: two and three digits. */
  classItem: z.string().regex(/^\d{2}$/, 'two digits'),
  classTopic: z.string().regex(/^\d{3}$/, 'three digits'),
  dataLevel: DataLevel,
  areaRange: AreaRange,
  processingDegree: ProcessingDegree,
  channel: Channel,
  scenario: Scenario,
  formatClass: FormatClass,
  formatType: z.string().trim().min(1).max(40),
  sharingType: SharingType,
  sharingCondition: z.string().trim().max(1000).optional().nullable(),
  sharingMethods: z.array(SharingMethod).max(3),
  openType: OpenType,
  openCondition: z.string().trim().max(1000).optional().nullable(),
  updateCycle: UpdateCycle,
  updateCycleNote: z.string().trim().max(200).optional().nullable(),
  relatedCodes: z.array(z.string().regex(resourceCodePattern)).max(50).default([]),
  eLicence: z.boolean().default(false),
  timeRangeFrom: z.iso.date().optional().nullable(),
  timeRangeTo: z.iso.date().optional().nullable(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  systemIds: z.array(z.uuid()).max(20).default([]),
  items: z.array(CatalogItemInput).min(1).max(500),
});
export type CatalogEntryContent = z.infer<typeof CatalogEntryContent>;

/** A reason the content breaks the compilation rules, with the field it concerns. */
export interface ContentProblem {
  field: string;
  /** Stable, for programs and translations. */
  code: ContentProblemCode;
  /** In English, for people reading the API. */
  reason: string;
}

export type ContentProblemCode =
  | 'sharing_condition_required'
  | 'legal_basis_required'
  | 'method_not_allowed'
  | 'method_required'
  | 'method_duplicate'
  | 'table_needs_structured_format'
  | 'open_condition_required'
  | 'update_cycle_note_required'
  | 'time_range_inverted'
  | 'item_name_duplicate'
  | 'item_length_required'
  | 'item_precision_too_large'
  | 'system_unknown'
  | 'name_duplicate';

/**
 * The rules beyond field shapes, shared by the form, the API and the Excel import: conditional sharing
 * names its condition, 不予共享 names its legal basis and no method, shared entries name at least one
 * method, the format agrees with the methods, item names are unique, lengths where the type needs one,
 * a sensible time range.
 */
export function contentProblems(content: CatalogEntryContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const has = (text: string | null | undefined) => !!text && text.trim().length > 0;
  if (content.sharingType === 'conditional' && !has(content.sharingCondition))
    problems.push({ field: 'sharingCondition', code: 'sharing_condition_required', reason: 'conditional sharing needs its condition' });
  if (content.sharingType === 'none' && !has(content.sharingCondition))
    problems.push({ field: 'sharingCondition', code: 'legal_basis_required', reason: 'not sharing needs its legal basis' });
  if (content.sharingType === 'none' && content.sharingMethods.length > 0)
    problems.push({ field: 'sharingMethods', code: 'method_not_allowed', reason: 'an entry that is not shared has no sharing method' });
  if (content.sharingType !== 'none' && content.sharingMethods.length === 0)
    problems.push({ field: 'sharingMethods', code: 'method_required', reason: 'a shared entry needs at least one sharing method' });
  if (new Set(content.sharingMethods).size !== content.sharingMethods.length)
    problems.push({ field: 'sharingMethods', code: 'method_duplicate', reason: 'a method is listed twice' });
  if (content.formatClass !== 'database' && content.formatClass !== 'spreadsheet' && content.sharingMethods.includes('table'))
    problems.push({
      field: 'sharingMethods',
      code: 'table_needs_structured_format',
      reason: 'only database and spreadsheet resources share as tables',
    });
  if (content.openType === 'conditional' && !has(content.openCondition))
    problems.push({ field: 'openCondition', code: 'open_condition_required', reason: 'conditional opening needs its condition' });
  if (content.updateCycle === 'other' && !has(content.updateCycleNote))
    problems.push({ field: 'updateCycleNote', code: 'update_cycle_note_required', reason: 'say what the update cycle is' });
  if (content.timeRangeFrom && content.timeRangeTo && content.timeRangeFrom > content.timeRangeTo)
    problems.push({ field: 'timeRangeTo', code: 'time_range_inverted', reason: 'the time range ends before it starts' });
  const seen = new Set<string>();
  content.items.forEach((item, index) => {
    const key = entryNameKey(item.name);
    if (seen.has(key))
      problems.push({ field: `items.${index}.name`, code: 'item_name_duplicate', reason: 'a data item with this name already exists' });
    seen.add(key);
    if (item.dataType === 'char' && !item.length)
      problems.push({ field: `items.${index}.length`, code: 'item_length_required', reason: 'character items need a length' });
    if (item.dataType === 'decimal' && item.precision != null && item.length != null && item.precision > item.length)
      problems.push({ field: `items.${index}.precision`, code: 'item_precision_too_large', reason: 'precision larger than the length' });
  });
  return problems;
}
