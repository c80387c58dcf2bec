import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CatalogEntryContent } from '@shuyuan/contracts';
import { cellOf, entryColumns, itemColumns, writeTemplate, type ExportEntry } from '../src/modules/catalog/template';
import type { Session } from './factories';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A multipart body with one file part named `file`. */
export function multipart(content: Buffer, fileName = 'catalog.xlsx') {
  const boundary = `----shuyuan${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads a file to an import route as a logged-in user. */
export function upload(
  app: FastifyInstance,
  session: Session,
  url: string,
  content: Buffer,
  fileName?: string,
): Promise<LightMyRequestResponse> {
  const body = multipart(content, fileName);
  return app.inject({ method: 'POST', url, headers: { ...session.headers, ...body.headers }, payload: body.payload });
}

/** The template filled with entries, written by the same streaming writer as the export. */
export async function templateWith(entries: ExportEntry[], pageSize = 1000): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await writeTemplate(out, async function* () {
    for (let i = 0; i < entries.length; i += pageSize) yield entries.slice(i, i + pageSize);
  });
  await ended;
  return Buffer.concat(chunks);
}

/** Contents as export entries of one department. */
export const asExport = (contents: CatalogEntryContent[], departmentName = ''): ExportEntry[] =>
  contents.map((content) => ({ content, departmentName }));

/** A workbook built cell by cell, for files the template writer would never produce. */
export async function workbookOf(sheets: Record<string, { rows: unknown[][]; merges?: string[] }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, { rows, merges }] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    for (const range of merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every sheet of a workbook as rows of plain values (row 1 first). */
export async function sheetsOf(file: Buffer): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const result: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    result[sheet.name] = rows;
  }
  return result;
}

/** An entry's row of 目录信息 as the template writes it (提供部门 empty unless given). */
export const entryCells = (c: CatalogEntryContent, department = '') =>
  entryColumns.map((col) => cellOf(col.kind, { ...c, department: department || null }[col.field as keyof CatalogEntryContent]));

/** The 信息项 rows of an entry as the template writes them. */
export const itemCells = (c: CatalogEntryContent) =>
  c.items.map((item) => itemColumns.map((col) => cellOf(col.kind, { ...item, entryName: c.name }[col.field])));

/** The header rows of the two data sheets. */
export const entryHeaders = () => entryColumns.map((c) => c.header);
export const itemHeaders = () => itemColumns.map((c) => c.header);
