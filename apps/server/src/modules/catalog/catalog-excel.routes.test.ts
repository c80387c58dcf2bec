import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { CatalogEntryContent } from '@shuyuan/contracts';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp, type Session } from '../../../test/factories';
import { signedIn, type Client } from '../../../test/client';
import { entryContent } from '../../../test/catalog-fixtures';
import { entryCells, itemCells, sheetsOf, upload, workbookOf } from '../../../test/catalog-workbooks';
import { ENTRY_SHEET, GUIDE_SHEET, ITEM_SHEET, entryColumns, itemColumns } from './template';

/** Drops null and undefined fields, which an empty cell cannot tell apart. */
function normalised(content: CatalogEntryContent): unknown {
  return JSON.parse(JSON.stringify(content, (_k, v: unknown) => (v === null ? undefined : v)));
}

const entryRow = entryCells;
const itemRows = itemCells;

describeEachEngine('catalog Excel template, import and export', (get) => {
  let app: FastifyInstance;
  let officer: Client;
  let officerSession: Session;
  let reader: Client;
  let readerSession: Session;
  let departmentName: string;
  const tag = () => randomBytes(3).toString('hex');
  const count = async (table: 'catalog_entry' | 'catalog_event' | 'catalog_code_sequence') =>
    Number(
      (
        await get()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const importAudits = async () =>
    (await get().db.selectFrom('audit_event').selectAll().where('action', '=', 'catalog.entry.import').execute()).length;

  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
    const db = get().db;
    const own = await buildDepartment(db);
    departmentName = own.name;
    ({ api: officer, session: officerSession } = await signedIn(app, db, { roles: ['data_officer'], departmentId: own.id }));
    ({ api: reader, session: readerSession } = await signedIn(app, db, { roles: ['department_user'] }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('downloads the template: two data sheets with the headers, drop-downs on coded columns, and the guide', async () => {
    const res = await officer.get('/api/v1/catalog/template.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheets = await sheetsOf(res.rawPayload);
    expect(Object.keys(sheets)).toEqual([ENTRY_SHEET, ITEM_SHEET, GUIDE_SHEET]);
    expect(sheets[ENTRY_SHEET]).toEqual([entryColumns.map((c) => c.header)]);
    expect(sheets[ITEM_SHEET]).toEqual([itemColumns.map((c) => c.header)]);
    const guide = sheets[GUIDE_SHEET]!;
    expect(guide).toContainEqual([ENTRY_SHEET, '更新周期', '是', '填写代码或名称', '1', '实时']);
    expect(guide).toContainEqual([ITEM_SHEET, '数据类型', '是', '填写代码或名称', 'C', '字符型']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    type Validations = { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } };
    const validations = (workbook.getWorksheet(ENTRY_SHEET) as unknown as Validations).dataValidations.model;
    expect(validations['C2']).toMatchObject({ type: 'list', formulae: [expect.stringContaining(`'${GUIDE_SHEET}'!$F$`)] }); // 资源属性
    expect(validations['V2']).toMatchObject({ type: 'list', formulae: ['"是,否"'] }); // 是否电子证照
    expect(validations['A2']).toBeUndefined();
    expect((await reader.get('/api/v1/catalog/template.xlsx')).statusCode).toBe(403);
  });

  it('exports the filtered view as the template and imports it again into the same content', async () => {
    const t = tag();
    const contents = [
      entryContent({
        name: `企业登记信息-${t}`,
        tags: ['行政许可', '营商环境'],
        relatedCodes: ['101001/000001', '101001/000002'],
        eLicence: true,
        timeRangeFrom: '2015-01-01',
        timeRangeTo: '2024-12-31',
        updateCycle: 'other',
        updateCycleNote: '按需更新',
        openType: 'conditional',
        openCondition: '实名申请后开放',
      }),
      entryContent({
        name: `医疗机构执业许可-${t}`,
        resourceAttribute: 'department',
        classItem: '02',
        classTopic: '010',
        domain: 'health',
        sharingType: 'none',
        sharingCondition: '依据《保守国家秘密法》不予共享',
        sharingMethods: [],
        formatClass: 'document',
        formatType: 'pdf',
        tags: [],
      }),
      entryContent({
        name: `低保救助金发放-${t}`,
        sharingType: 'unconditional',
        sharingCondition: null,
        sharingMethods: ['file', 'api'],
        formatClass: 'spreadsheet',
        formatType: 'xlsx',
        items: [
          {
            name: '救助金额',
            nameEn: 'amount',
            dataType: 'decimal',
            length: 12,
            precision: 2,
            description: '单位：元',
            primaryKey: false,
            timestamp: false,
            sensitive: false,
          },
          { name: '发放日期', dataType: 'date', primaryKey: false, timestamp: true, sensitive: false },
          { name: '是否停发', nameEn: 'stopped', dataType: 'bool', primaryKey: false, timestamp: false, sensitive: false },
        ],
      }),
    ];
    const created = [];
    for (const content of contents) {
      const res = await officer.post('/api/v1/catalog/entries', content);
      expect(res.statusCode, res.body).toBe(201);
      created.push(res.json());
    }
    const url = `/api/v1/catalog/export.xlsx?scope=mine&status=draft&q=${encodeURIComponent(t)}&sort=name`;
    const exported = await officer.get(url);
    expect(exported.statusCode, exported.body).toBe(200);
    const sheets = await sheetsOf(exported.rawPayload);
    expect(sheets[ENTRY_SHEET]!.slice(1).map((r) => r[0])).toEqual([...contents.map((c) => c.name)].sort());
    expect(sheets[ITEM_SHEET]).toHaveLength(1 + 4 + 4 + 3);
    // Drafts belong to their department: another department's user exports none of them.
    expect((await sheetsOf((await reader.get(url)).rawPayload))[ENTRY_SHEET]).toHaveLength(1);

    for (const entry of created) expect((await officer.delete(`/api/v1/catalog/entries/${entry.id}`, { version: 1 })).statusCode).toBe(204);
    const auditsBefore = await importAudits();
    const imported = await upload(app, officerSession, '/api/v1/catalog/import', exported.rawPayload, 'export.xlsx');
    expect(imported.statusCode, imported.body).toBe(201);
    const result = imported.json();
    expect(result.count).toBe(3);
    for (const { id, code } of result.entries) {
      const entry = (await officer.get(`/api/v1/catalog/entries/${id}`)).json();
      const original = contents.find((c) => c.name === entry.name)!;
      expect(normalised(entry.content)).toEqual(normalised(original));
      expect(entry).toMatchObject({ status: 'draft', departmentName, code });
      expect(code).toMatch(/^[1-3]\d{5}\/\d{6}$/);
      const timeline = (await officer.get(`/api/v1/catalog/entries/${id}/timeline`)).json().items;
      expect(timeline.map((e: { action: string }) => e.action)).toEqual(['import']);
    }
    expect(await importAudits()).toBe(auditsBefore + 1);
    const audit = await get()
      .db.selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'catalog.entry.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ count: 3, fileName: 'export.xlsx' });
  });

  it("queues an import job that the app's own worker runs at once", async () => {
    const content = entryContent({ name: `后台导入-${tag()}` });
    const file = await workbookOf({
      [ENTRY_SHEET]: { rows: [entryColumns.map((col) => col.header), entryRow(content)] },
      [ITEM_SHEET]: { rows: [itemColumns.map((col) => col.header), ...itemRows(content)] },
    });
    const queued = await upload(app, officerSession, '/api/v1/catalog/imports', file);
    expect(queued.statusCode, queued.body).toBe(202);
    let job = queued.json();
    for (let i = 0; i < 200 && !['done', 'failed'].includes(job.status); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await officer.get(`/api/v1/catalog/imports/${job.id}`)).json();
    }
    expect(job).toMatchObject({ status: 'done', entryCount: 1, totalRows: 5, processedRows: 5, progress: 1 });
    const audit = await get()
      .db.selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'catalog.entry.import')
      .where('target_id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ target_type: 'catalog_import', details: { count: 1 } });
  });

  it('reports every problem of a file by sheet, row and column, and writes nothing', async () => {
    const t = tag();
    const existing = (await officer.post('/api/v1/catalog/entries', entryContent({ name: `已有资源-${t}` }))).json();
    const c = (name: string, overrides: Partial<CatalogEntryContent> = {}) => entryContent({ name: `${name}-${t}`, ...overrides });
    const a = c('资源甲');
    const rows = [
      entryRow(a),
      entryRow(c('资源乙')),
      entryRow({ ...a, name: `资源甲 -${t}。` }),
      entryRow({ ...c('重名'), name: existing.name }),
      entryRow(c('无信息项')),
      entryRow(c('条件共享', { sharingCondition: null, timeRangeFrom: '2020-01-01' })),
      entryRow(c('外部门'), '不存在的部门'),
      entryRow(c('合并甲')),
      entryRow(c('合并乙')),
    ];
    rows[1]![1] = null; // 资源摘要
    rows[1]![2] = '9'; // 资源属性
    rows[5]![22] = '2020-13-01'; // 时间范围起
    const items = [
      ...itemRows(a).slice(0, 1),
      ...itemRows(c('不存在的资源')).slice(0, 1),
      [a.name, '无长度', null, '字符型', null, null, null, '否', '否', '否'],
      [a.name, '类型错', null, 'X', 10, null, null, '否', '否', '否'],
      [a.name, '主键错', null, '整数型', null, null, null, '可能', '否', '否'],
      ...[1, 3, 5, 6, 7, 8].flatMap((i) => itemRows({ ...entryContent(), name: rows[i]![0] as string }).slice(0, 1)),
    ];
    const file = await workbookOf({
      [ENTRY_SHEET]: { rows: [entryColumns.map((col) => col.header), ...rows], merges: ['B9:B10'] },
      [ITEM_SHEET]: { rows: [itemColumns.map((col) => col.header), ...items] },
    });
    const before = await Promise.all([count('catalog_entry'), count('catalog_event'), count('catalog_code_sequence'), importAudits()]);

    const res = await upload(app, officerSession, '/api/v1/catalog/import', file);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(
      body.details.errors.map((e: { sheet: string; row: number; column: string; kind: string }) => [e.sheet, e.row, e.column, e.kind]),
    ).toEqual([
      [ENTRY_SHEET, 3, '资源摘要', 'required'],
      [ENTRY_SHEET, 3, '资源属性', 'invalid_code'],
      [ENTRY_SHEET, 4, '资源名称', 'duplicate_in_file'],
      [ENTRY_SHEET, 5, '资源名称', 'duplicate_existing'],
      [ENTRY_SHEET, 6, '资源名称', 'no_items'],
      [ENTRY_SHEET, 7, '共享条件', 'content_rule'],
      [ENTRY_SHEET, 7, '时间范围起', 'invalid_value'],
      [ENTRY_SHEET, 8, '提供部门', 'unknown_department'],
      [ENTRY_SHEET, 9, '资源摘要', 'merged_cells'],
      [ENTRY_SHEET, 10, '资源摘要', 'required'],
      [ITEM_SHEET, 3, '资源名称', 'unknown_entry'],
      [ITEM_SHEET, 4, '长度', 'content_rule'],
      [ITEM_SHEET, 5, '数据类型', 'invalid_code'],
      [ITEM_SHEET, 6, '是否主键', 'invalid_value'],
    ]);
    expect(body.details).toMatchObject({ errorCount: 14, truncated: false });
    expect(body.details.errors[1].reason).toContain('1 基础');
    expect(body.details.errors[5]).toMatchObject({ column: '共享条件', rule: 'sharing_condition_required' });
    expect(await Promise.all([count('catalog_entry'), count('catalog_event'), count('catalog_code_sequence'), importAudits()])).toEqual(
      before,
    );
  });

  it('reports wrong headers, a missing sheet and a file that is not a workbook', async () => {
    const headers = entryColumns.map((col) => col.header).filter((h) => h !== '格式类型');
    const file = await workbookOf({
      [ENTRY_SHEET]: {
        rows: [
          [...headers, '备注', '标签'],
          [...entryRow(entryContent()).filter((_, i) => i !== 12), '说明', null],
        ],
      },
    });
    const res = await upload(app, officerSession, '/api/v1/catalog/import', file);
    expect(res.statusCode, res.body).toBe(400);
    expect(
      res
        .json()
        .details.errors.map((e: { sheet: string; row: number; column: string; kind: string }) => [e.sheet, e.row, e.column, e.kind]),
    ).toEqual([
      [ENTRY_SHEET, 1, '格式类型', 'header_missing'],
      [ENTRY_SHEET, 1, '标签', 'header_duplicate'],
      [ENTRY_SHEET, 1, '备注', 'header_unknown'],
      [ENTRY_SHEET, 2, '资源名称', 'no_items'],
      [ITEM_SHEET, null, null, 'sheet_missing'],
    ]);

    const empty = await upload(
      app,
      officerSession,
      '/api/v1/catalog/import',
      (await officer.get('/api/v1/catalog/template.xlsx')).rawPayload,
    );
    expect(empty.json().details.errors).toEqual([
      expect.objectContaining({ sheet: ENTRY_SHEET, row: null, column: null, kind: 'required' }),
    ]);

    const garbage = await upload(app, officerSession, '/api/v1/catalog/import', randomBytes(2000), 'catalog.xls');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().details.errors).toEqual([
      expect.objectContaining({ sheet: null, row: null, column: null, kind: 'not_a_workbook' }),
    ]);
    expect((await upload(app, readerSession, '/api/v1/catalog/import', file)).statusCode).toBe(403);
  });

  it('imports for a named department the compiler may compile for, and refuses one outside its scope', async () => {
    const db = get().db;
    const t = tag();
    const admin = await signedIn(app, db, { roles: ['platform_admin'] });
    const target = await buildDepartment(db);
    const content = entryContent({ name: `平台导入-${t}` });
    const file = await workbookOf({
      [ENTRY_SHEET]: { rows: [entryColumns.map((col) => col.header), entryRow(content, target.name)] },
      [ITEM_SHEET]: { rows: [itemColumns.map((col) => col.header), ...itemRows(content)] },
    });
    const done = await upload(app, admin.session, '/api/v1/catalog/import', file);
    expect(done.statusCode, done.body).toBe(201);
    expect((await admin.api.get(`/api/v1/catalog/entries/${done.json().entries[0].id}`)).json().departmentId).toBe(target.id);
    // A department officer compiles for its own subtree only.
    const again = await workbookOf({
      [ENTRY_SHEET]: { rows: [entryColumns.map((col) => col.header), entryRow({ ...content, name: `部门导入-${t}` }, target.name)] },
      [ITEM_SHEET]: { rows: [itemColumns.map((col) => col.header), ...itemRows({ ...content, name: `部门导入-${t}` })] },
    });
    const refused = await upload(app, officerSession, '/api/v1/catalog/import', again);
    expect(refused.json().details.errors).toEqual([expect.objectContaining({ row: 2, column: '提供部门', kind: 'unknown_department' })]);
  });
});
