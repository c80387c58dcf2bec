import type { CatalogContent } from '@/features/catalog/catalog-types';
import type { Translate } from '@/i18n/lang-provider';
import { messages } from '@/i18n/messages';

/** The Chinese translate function, for tests of helpers that take one. */
export const zhT: Translate = (key, params) =>
  messages.zh[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));

/** Valid content, with overrides, for tests. */
export function buildContent(overrides: Partial<CatalogContent> = {}): CatalogContent {
  return {
    name: '居民户籍登记信息',
    summary: '全省常住人口的户籍登记信息。',
    resourceAttribute: 'base',
    domain: 'public_security',
    classItem: '02',
    classTopic: '001',
    dataLevel: 'province',
    areaRange: 'province_wide',
    processingDegree: 'raw',
    channel: 'gov_extranet',
    scenario: 'government_service',
    formatClass: 'database',
    formatType: 'MySQL 表',
    sharingType: 'conditional',
    sharingCondition: '仅限办理户籍相关业务',
    sharingMethods: ['api', 'table'],
    openType: 'none',
    openCondition: null,
    updateCycle: 'daily',
    updateCycleNote: null,
    relatedCodes: [],
    eLicence: false,
    timeRangeFrom: null,
    timeRangeTo: null,
    tags: ['人口'],
    systemIds: [],
    items: [
      {
        name: '公民身份号码',
        nameEn: 'id_card_no',
        dataType: 'char',
        length: 18,
        precision: null,
        description: null,
        primaryKey: true,
        timestamp: false,
        sensitive: true,
      },
      {
        name: '姓名',
        nameEn: null,
        dataType: 'char',
        length: 50,
        precision: null,
        description: null,
        primaryKey: false,
        timestamp: false,
        sensitive: true,
      },
    ],
    ...overrides,
  };
}
