import { randomBytes } from 'node:crypto';
import type { CatalogEntryContent } from '@shuyuan/contracts';

/** A valid entry content with a fresh name; override any field. */
export function entryContent(overrides: Partial<CatalogEntryContent> = {}): CatalogEntryContent {
  return {
    name: `人口基本信息-${randomBytes(3).toString('hex')}`,
    summary: '全省户籍人口的基本信息，包括姓名、身份证号、性别、出生日期和户籍地址。',
    resourceAttribute: 'base',
    domain: 'public_security',
    classItem: '01',
    classTopic: '001',
    dataLevel: 'province',
    areaRange: 'province_wide',
    processingDegree: 'raw',
    channel: 'gov_extranet',
    scenario: 'government_service',
    formatClass: 'database',
    formatType: 'PostgreSQL',
    sharingType: 'conditional',
    sharingCondition: '用于政务服务事项办理中的身份核验',
    sharingMethods: ['api', 'table'],
    openType: 'none',
    openCondition: null,
    updateCycle: 'daily',
    updateCycleNote: null,
    relatedCodes: [],
    eLicence: false,
    timeRangeFrom: null,
    timeRangeTo: null,
    tags: ['户籍办理'],
    systemIds: [],
    items: [
      { name: '身份证号', nameEn: 'id_number', dataType: 'char', length: 18, primaryKey: true, timestamp: false, sensitive: true },
      { name: '姓名', nameEn: 'name', dataType: 'char', length: 50, primaryKey: false, timestamp: false, sensitive: true },
      { name: '出生日期', nameEn: 'birth_date', dataType: 'date', primaryKey: false, timestamp: false, sensitive: false },
      { name: '更新时间', nameEn: 'updated_at', dataType: 'datetime', primaryKey: false, timestamp: true, sensitive: false },
    ],
    ...overrides,
  };
}
