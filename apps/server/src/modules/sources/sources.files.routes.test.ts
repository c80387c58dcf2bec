import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp, type Session } from '../../../test/factories';
import { auditOf, signedIn, type Client } from '../../../test/client';
import { SealedBox } from '../../platform/crypto/provider';
import { introspectColumns } from './sources.introspection';

const LIMIT_MB = 0.25;
const env = { SHUYUAN_DATA_DIR: process.env.SHUYUAN_DATA_DIR, SHUYUAN_SOURCE_FILE_MAX_MB: process.env.SHUYUAN_SOURCE_FILE_MAX_MB };
const dataDir = mkdtempSync(join(tmpdir(), 'shuyuan-sources-'));
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A multipart body with one file part. */
function multipart(fileName: string, content: Buffer) {
  const boundary = `----shuyuan${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const CSV = Buffer.from(
  '\ufeff身份证号,姓名,救助金额,核定日期,家庭人口\n' +
    '32010119900101001X,张三,580.50,2024-01-15,3\n' +
    '320101199203040022,"李四, 王五",612,2024-02-01,\n' +
    '320101198812120033,赵六,1200.25,2024-03-20,5\n',
);

/** 姓名;人数 / 张三;3 in GB 18030 with semicolons, as Excel on a Chinese Windows saves a CSV. */
const GBK_CSV = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x3b, 0xc8, 0xcb, 0xca, 0xfd, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x3b, 0x33, 0x0a]);

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人口');
  sheet.addRow(['编号', '姓名', '出生日期', '在册']);
  sheet.addRow([1, '张三', new Date(Date.UTC(1990, 0, 1)), true]);
  sheet.addRow([2, '李四', new Date(Date.UTC(1992, 5, 30)), false]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachEngine('data source file uploads', (get) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    process.env.SHUYUAN_DATA_DIR = dataDir;
    process.env.SHUYUAN_SOURCE_FILE_MAX_MB = String(LIMIT_MB);
    ({ app } = await buildTestApp(get()));
  });
  afterAll(async () => {
    await app?.close();
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function officerWithFileSource() {
    const department = await buildDepartment(get().db);
    const { api, session } = await signedIn(app, get().db, { roles: ['data_officer'], departmentId: department.id });
    const res = await api.post('/api/v1/sources', {
      departmentId: department.id,
      name: `名册-${randomBytes(4).toString('hex')}`,
      kind: 'file',
    });
    expect(res.statusCode, res.body).toBe(201);
    return { api, session, source: res.json() as { id: string; version: number } };
  }

  const upload = (session: Session, id: string, fileName: string, content: Buffer) => {
    const body = multipart(fileName, content);
    return app.inject({
      method: 'PUT',
      url: `/api/v1/sources/${id}/file`,
      headers: { ...session.headers, ...body.headers },
      payload: body.payload,
    });
  };
  const folder = (id: string) => join(dataDir, 'sources', id);
  const columnsOf = async (api: Client, id: string, table: string) =>
    (await api.get(`/api/v1/sources/${id}/tables/${encodeURIComponent(table)}/columns`)).json().items as Record<string, unknown>[];

  it('stores a CSV under the data directory and introspects it as one table', async () => {
    const { api, session, source } = await officerWithFileSource();
    const res = await upload(session, source.id, '低保名册.csv', CSV);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'file',
      version: 2,
      connection: { fileName: '低保名册.csv', fileSize: CSV.length, sha256: sha256(CSV), format: 'csv', rowCount: 3 },
    });
    expect(readdirSync(folder(source.id))).toEqual([`${sha256(CSV)}.csv`]);

    const tables = await api.get(`/api/v1/sources/${source.id}/tables`);
    expect(tables.json().items).toEqual([{ schema: null, name: '低保名册', kind: 'table', estimatedRows: 3, comment: '低保名册.csv' }]);
    const columns = await columnsOf(api, source.id, '低保名册');
    expect(columns.map((c) => [c.name, c.normalizedType, c.nullable])).toEqual([
      ['身份证号', 'char', false],
      ['姓名', 'char', false],
      ['救助金额', 'decimal', false],
      ['核定日期', 'date', false],
      ['家庭人口', 'int', true],
    ]);
    expect(columns[0]).toMatchObject({ length: 18, dataType: 'string', primaryKey: false });
    expect(columns[2]).toMatchObject({ precision: 6, scale: 2 });
    expect((await api.get(`/api/v1/sources/${source.id}/tables/other/columns`)).statusCode).toBe(404);

    const tested = await api.post(`/api/v1/sources/${source.id}/test`);
    expect(tested.json()).toMatchObject({ status: 'ok', step: null, message: 'CSV 低保名册.csv: 3 rows, 5 columns' });
    expect((await auditOf(get().db, source.id)).map((a) => a.action)).toEqual([
      'catalog.source.create',
      'catalog.source.upload',
      'catalog.source.test',
    ]);

    const direct = await introspectColumns(get().db, new SealedBox(Buffer.alloc(32, 7)), source.id, '低保名册');
    expect(direct.map((c) => c.name)).toEqual(columns.map((c) => c.name));
  });

  it('reads a GB 18030 CSV with semicolons', async () => {
    const { api, session, source } = await officerWithFileSource();
    expect((await upload(session, source.id, 'export.csv', GBK_CSV)).statusCode).toBe(200);
    const columns = await columnsOf(api, source.id, 'export');
    expect(columns.map((c) => [c.name, c.normalizedType])).toEqual([
      ['姓名', 'char'],
      ['人数', 'int'],
    ]);
  });

  it('reads the first sheet of an XLSX file, with dates and booleans', async () => {
    const { api, session, source } = await officerWithFileSource();
    const res = await upload(session, source.id, 'people.xlsx', await xlsx());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().connection).toMatchObject({ format: 'xlsx', rowCount: 2 });
    expect((await api.get(`/api/v1/sources/${source.id}/tables`)).json().items).toMatchObject([{ name: '人口', estimatedRows: 2 }]);
    const columns = await columnsOf(api, source.id, '人口');
    expect(columns.map((c) => [c.name, c.normalizedType])).toEqual([
      ['编号', 'int'],
      ['姓名', 'char'],
      ['出生日期', 'date'],
      ['在册', 'bool'],
    ]);
  });

  it('replaces the stored file on a new upload and removes the folder on delete', async () => {
    const { api, session, source } = await officerWithFileSource();
    await upload(session, source.id, 'a.csv', CSV);
    const second = Buffer.from('编号\n1\n2\n');
    expect((await upload(session, source.id, 'b.csv', second)).json()).toMatchObject({
      connection: { fileName: 'b.csv', rowCount: 2 },
      version: 3,
    });
    expect(readdirSync(folder(source.id))).toEqual([`${sha256(second)}.csv`]);
    expect((await api.delete(`/api/v1/sources/${source.id}`)).statusCode).toBe(204);
    expect(existsSync(folder(source.id))).toBe(false);
  });

  it('answers 413 with a stable code past the size limit, and keeps nothing', async () => {
    const { api, session, source } = await officerWithFileSource();
    const big = Buffer.from('编号\n' + '1234567890\n'.repeat(Math.ceil((LIMIT_MB * 1024 * 1024) / 11) + 10));
    const res = await upload(session, source.id, 'big.csv', big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'BODY_TOO_LARGE', details: { field: 'file', maxBytes: LIMIT_MB * 1024 * 1024 } });
    expect(readdirSync(folder(source.id))).toEqual([]);
    expect((await api.get(`/api/v1/sources/${source.id}`)).json()).toMatchObject({ version: 1, connection: { fileName: null } });
  });

  it('refuses what is not a CSV or XLSX upload to a file source', async () => {
    const { api, session, source } = await officerWithFileSource();
    const json = await api.patch(`/api/v1/sources/${source.id}`, { description: 'x', version: 1 });
    expect(json.statusCode).toBe(200);
    const notMultipart = await app.inject({
      method: 'PUT',
      url: `/api/v1/sources/${source.id}/file`,
      headers: session.headers,
      payload: { a: 1 },
    });
    expect(notMultipart.statusCode).toBe(415);
    expect(notMultipart.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const pdf = await upload(session, source.id, 'report.pdf', Buffer.from('%PDF-1.4'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'file' } });
    const fake = await upload(session, source.id, 'fake.xlsx', Buffer.from('not a zip'));
    expect(fake.statusCode).toBe(400);
    const empty = await upload(session, source.id, 'empty.csv', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(readdirSync(folder(source.id))).toEqual([]);

    const other = await officerWithFileSource();
    expect((await upload(session, other.source.id, 'a.csv', CSV)).statusCode).toBe(404);
  });

  it('fails the test of a file source before its upload and after its file was altered', async () => {
    const { api, session, source } = await officerWithFileSource();
    expect((await api.post(`/api/v1/sources/${source.id}/test`)).json()).toMatchObject({ status: 'failed', step: 'read', code: 'NO_FILE' });
    expect((await api.get(`/api/v1/sources/${source.id}/tables`)).json()).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { step: 'read', code: 'NO_FILE' },
    });
    await upload(session, source.id, 'a.csv', CSV);
    writeFileSync(join(folder(source.id), `${sha256(CSV)}.csv`), 'altered\n');
    const tested = await api.post(`/api/v1/sources/${source.id}/test`);
    expect(tested.json()).toMatchObject({ status: 'failed', step: 'read', code: 'CHECKSUM_MISMATCH' });
    expect((await api.get(`/api/v1/sources/${source.id}`)).json().lastTest).toMatchObject({ status: 'failed', code: 'CHECKSUM_MISMATCH' });
  });

  it('takes no file on a database source', async () => {
    const department = await buildDepartment(get().db);
    const { api, session } = await signedIn(app, get().db, { roles: ['data_officer'], departmentId: department.id });
    const created = await api.post('/api/v1/sources', {
      departmentId: department.id,
      name: `库-${randomBytes(4).toString('hex')}`,
      kind: 'postgresql',
      connection: { host: '127.0.0.1', database: 'test', user: 'postgres' },
    });
    const res = await upload(session, created.json().id, 'a.csv', CSV);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ details: { field: 'file' } });
  });
});
