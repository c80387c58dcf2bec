import { randomBytes } from 'node:crypto';
import type { CatalogEntryContent } from '@shuyuan/contracts';
import type { HttpSession } from './processes';

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

/**
 * Publishes an entry on a running server: the officer compiles and submits it, the reviewer approves
 * it. Returns the entry id; throws with the server's answer when a step is refused.
 */
export async function publishOverHttp(officer: HttpSession, reviewer: HttpSession, name: string): Promise<string> {
  const created = await officer.post('/api/v1/catalog/entries', entryContent({ name }));
  if (created.status !== 201) throw new Error(`creating ${name} failed: ${created.status} ${JSON.stringify(created.body)}`);
  await officer.post(`/api/v1/catalog/entries/${created.body.id}/submit`, { version: 1 });
  const approved = await reviewer.post(`/api/v1/catalog/entries/${created.body.id}/review`, { decision: 'approve', version: 2 });
  if (approved.body?.status !== 'published') throw new Error(`publishing ${name} failed: ${JSON.stringify(approved.body)}`);
  return created.body.id;
}
