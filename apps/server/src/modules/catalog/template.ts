import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { catalogCodes, type CatalogCodeList, type CatalogEntryContent, type CatalogItemInput } from '@shuyuan/contracts';

/** The sheets of the 编制模板 (catalog compilation template). */
export const ENTRY_SHEET = '目录信息';
export const ITEM_SHEET = '信息项';
export const GUIDE_SHEET = '填写说明';

/** How a column's cells are read and written. */
export type CellKind =
  | { type: 'text' }
  | { type: 'digits'; width: number }
  | { type: 'code'; list: CatalogCodeList }
  | { type: 'codes'; list: CatalogCodeList }
  | { type: 'list' }
  | { type: 'bool' }
  | { type: 'date' }
  | { type: 'int' };

/** A field of an entry row: the content's own fields, and the provider department. */
export type EntryField = Exclude<keyof CatalogEntryContent, 'items' | 'systemIds'> | 'department';
/** A field of a data item row: the item's own fields, and the name of the entry it belongs to. */
export type ItemField = keyof CatalogItemInput | 'entryName';

/** One column of a template sheet. */
export interface TemplateColumn<F extends string> {
  header: string;
  field: F;
  kind: CellKind;
  required: boolean;
  width: number;
  /** What the cell holds, as the guide sheet says it. */
  hint: string;
}

const text = { type: 'text' } as const;
const code = (list: CatalogCodeList) => ({ type: 'code', list }) as const;
const column = <F extends string>(header: string, field: F, kind: CellKind, required: boolean, width: number, hint = '') =>
  ({ header, field, kind, required, width, hint }) satisfies TemplateColumn<F>;

/** Values of a multi-valued cell are separated by 、 or a comma (half- or full-width), or a semicolon. */
export const LIST_SEPARATORS = /[、,，;；\n]+/;

/** The columns of 目录信息, one row per entry. */
export const entryColumns: readonly TemplateColumn<EntryField>[] = [
  column('资源名称', 'name', text, true, 28, '2–100 个字符，全目录唯一（忽略空格、标点和全半角）'),
  column('资源摘要', 'summary', text, true, 40, '不超过 2000 个字符'),
  column('资源属性', 'resourceAttribute', code('resourceAttribute'), true, 10),
  column('数据领域', 'domain', code('dataDomain'), true, 12),
  column('分类项', 'classItem', { type: 'digits', width: 2 }, true, 8, '两位数字，如 01'),
  column('分类目', 'classTopic', { type: 'digits', width: 3 }, true, 8, '三位数字，如 001'),
  column('数据层级', 'dataLevel', code('dataLevel'), true, 10),
  column('区域范围', 'areaRange', code('areaRange'), true, 10),
  column('加工程度', 'processingDegree', code('processingDegree'), true, 12),
  column('提供渠道', 'channel', code('channel'), true, 12),
  column('应用场景', 'scenario', code('scenario'), true, 12),
  column('格式分类', 'formatClass', code('formatClass'), true, 12),
  column('格式类型', 'formatType', text, true, 14, '如 PostgreSQL、xlsx、pdf'),
  column('共享类型', 'sharingType', code('sharingType'), true, 12),
  column('共享条件', 'sharingCondition', text, false, 24, '有条件共享填写共享条件，不予共享填写依据'),
  column('共享方式', 'sharingMethods', { type: 'codes', list: 'sharingMethod' }, false, 14, '可填多个，用、或逗号分隔；不予共享时留空'),
  column('开放类型', 'openType', code('openType'), true, 12),
  column('开放条件', 'openCondition', text, false, 20, '有条件开放时必填'),
  column('更新周期', 'updateCycle', code('updateCycle'), true, 10),
  column('更新周期说明', 'updateCycleNote', text, false, 16, '更新周期为“其他”时必填'),
  column('关联资源代码', 'relatedCodes', { type: 'list' }, false, 22, '资源代码，如 101001/000001；多个用、分隔'),
  column('是否电子证照', 'eLicence', { type: 'bool' }, false, 12, '是 或 否，留空为否'),
  column('时间范围起', 'timeRangeFrom', { type: 'date' }, false, 12, '日期，如 2020-01-01'),
  column('时间范围止', 'timeRangeTo', { type: 'date' }, false, 12, '日期，不早于时间范围起'),
  column('标签', 'tags', { type: 'list' }, false, 16, '多个用、分隔，每个不超过 20 个字符'),
  column('提供部门', 'department', text, false, 20, '部门全称；留空为导入人所在部门'),
];

/** The columns of 信息项, one row per data item, linked to its entry by 资源名称. */
export const itemColumns: readonly TemplateColumn<ItemField>[] = [
  column('资源名称', 'entryName', text, true, 28, '与“目录信息”中的资源名称一致'),
  column('信息项名称', 'name', text, true, 20, '同一资源内不重复'),
  column('英文名称', 'nameEn', text, false, 18, '字母、数字和下划线，不以数字开头'),
  column('数据类型', 'dataType', code('itemDataType'), true, 12),
  column('长度', 'length', { type: 'int' }, false, 8, '1–65535；字符型必填'),
  column('精度', 'precision', { type: 'int' }, false, 8, '0–38'),
  column('描述', 'description', text, false, 30, '不超过 500 个字符'),
  column('是否主键', 'primaryKey', { type: 'bool' }, false, 10, '是 或 否，留空为否'),
  column('是否时间戳', 'timestamp', { type: 'bool' }, false, 10, '是 或 否，留空为否'),
  column('是否敏感', 'sensitive', { type: 'bool' }, false, 10, '是 或 否，留空为否'),
];

const GUIDE_NOTES = [
  '填写说明',
  '1. “目录信息”每行一个资源；“信息项”每行一个信息项，按“资源名称”关联到资源，每个资源至少一个信息项。',
  '2. 表头不可修改、增删，不要合并单元格；红色表头为必填列。',
  '3. 代码列可从下拉列表选择名称，也可填写下表中的代码。',
  '4. 多个值（共享方式、标签、关联资源代码）用、或逗号分隔。',
  '5. 文件中任何一行有误时不会导入任何数据；系统会列出每个错误所在的工作表、行和列。',
];
const GUIDE_HEADER = ['工作表', '列名', '是否必填', '填写要求', '代码', '名称'];

/** The guide sheet's rows, and where each coded column's labels sit (the source of its drop-down). */
export function guideLayout(): { rows: (string | null)[][]; labelRanges: Map<string, string> } {
  const rows: (string | null)[][] = [...GUIDE_NOTES.map((n) => [n]), [], GUIDE_HEADER];
  const labelRanges = new Map<string, string>();
  const sheets = [
    [ENTRY_SHEET, entryColumns],
    [ITEM_SHEET, itemColumns],
  ] as const;
  for (const [sheet, columns] of sheets) {
    for (const c of columns as readonly TemplateColumn<string>[]) {
      const required = c.required ? '是' : '否';
      if (c.kind.type !== 'code' && c.kind.type !== 'codes') {
        rows.push([sheet, c.header, required, c.hint || '文本', null, null]);
        continue;
      }
      const first = rows.length + 1;
      for (const [codeValue, label] of Object.values(catalogCodes[c.kind.list] as Record<string, readonly [string, string]>))
        rows.push([sheet, c.header, required, c.hint || '填写代码或名称', codeValue, label]);
      labelRanges.set(`${sheet}/${c.header}`, `'${GUIDE_SHEET}'!$F$${first}:$F$${rows.length}`);
    }
  }
  return { rows, labelRanges };
}

/** The column letter of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

// exceljs's typings omit the worksheet's data validations, which both writers support.
type Sheet = ExcelJS.Worksheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/** Rows below the data that still get drop-downs, and the least a sheet gets. */
const DROP_DOWN_MARGIN = 2_000;
const DROP_DOWN_MIN_ROWS = 5_000;

function startSheet<F extends string>(sheet: Sheet, columns: readonly TemplateColumn<F>[]) {
  sheet.columns = columns.map((c) => ({
    key: c.field,
    width: c.width,
    // Text format keeps leading zeros (分类项 01) and dates as typed.
    ...(['digits', 'date', 'text', 'list'].includes(c.kind.type) ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell, i) => {
    cell.font = { bold: true, ...(columns[i - 1]?.required ? { color: { argb: 'FFC00000' } } : {}) };
    cell.fill = HEADER_FILL;
  });
  header.commit();
}

/**
 * Adds the drop-downs to a sheet's coded columns, down to a margin below the last row written. Not to
 * the sheet's last row: readers that load a whole workbook (exceljs among them) expand a validation
 * range cell by cell.
 */
function addDropDowns<F extends string>(
  sheet: Sheet,
  name: string,
  columns: readonly TemplateColumn<F>[],
  labelRanges: Map<string, string>,
  rows: number,
) {
  const last = Math.max(rows + DROP_DOWN_MARGIN, DROP_DOWN_MIN_ROWS);
  columns.forEach((c, i) => {
    const range = `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${last}`;
    const labels = labelRanges.get(`${name}/${c.header}`);
    // A coded cell may also hold the code, so a value outside the list warns rather than refuses.
    if (labels && c.kind.type === 'code')
      sheet.dataValidations.add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [labels],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: c.header,
        error: `请从下拉列表中选择，或填写“${GUIDE_SHEET}”中的代码`,
      });
    if (c.kind.type === 'bool') sheet.dataValidations.add(range, { type: 'list', allowBlank: true, formulae: ['"是,否"'] });
  });
}

/** The cell value a field is exported as: labels for codes, 、-joined lists, 是/否, text dates. */
export function cellOf(kind: CellKind, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  const label = (list: CatalogCodeList, v: unknown) =>
    (catalogCodes[list] as Record<string, readonly [string, string]>)[v as string]?.[1] ?? String(v);
  switch (kind.type) {
    case 'code':
      return label(kind.list, value);
    case 'codes':
      return (value as unknown[]).map((v) => label(kind.list, v)).join('、') || null;
    case 'list':
      return (value as unknown[]).join('、') || null;
    case 'bool':
      return value ? '是' : '否';
    case 'int':
      return value as number;
    default:
      return String(value);
  }
}

/** An entry to export: its content and the name of its provider department. */
export interface ExportEntry {
  content: CatalogEntryContent;
  departmentName: string;
}

/**
 * Writes the template to a stream with exceljs's streaming writer: the headers, drop-downs and guide,
 * and the entries `pages()` yields (read twice: once for 目录信息, once for 信息项, so that one sheet is
 * finished before the next begins and nothing accumulates in memory).
 */
export async function writeTemplate(out: Writable, pages?: () => AsyncIterable<ExportEntry[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Shuyuan 数源';
  const { rows: guideRows, labelRanges } = guideLayout();
  const frozen = { views: [{ state: 'frozen' as const, ySplit: 1 }] };
  const entrySheet = workbook.addWorksheet(ENTRY_SHEET, frozen) as Sheet;
  const itemSheet = workbook.addWorksheet(ITEM_SHEET, frozen) as Sheet;
  const guideSheet = workbook.addWorksheet(GUIDE_SHEET);

  // A client that went away stops the reading too (no more pages read from the database).
  const gone = () => {
    if (out.destroyed) throw new Error('the export was cancelled: the output closed');
  };
  startSheet(entrySheet, entryColumns);
  let rows = 0;
  for await (const page of pages?.() ?? []) {
    gone();
    for (const { content, departmentName } of page) {
      const values = { ...content, department: departmentName } as Record<string, unknown>;
      entrySheet.addRow(entryColumns.map((c) => cellOf(c.kind, values[c.field]))).commit();
      rows++;
    }
  }
  addDropDowns(entrySheet, ENTRY_SHEET, entryColumns, labelRanges, rows);
  await entrySheet.commit();

  startSheet(itemSheet, itemColumns);
  rows = 0;
  for await (const page of pages?.() ?? []) {
    gone();
    for (const { content } of page)
      for (const item of content.items) {
        const values = { ...item, entryName: content.name } as Record<string, unknown>;
        itemSheet.addRow(itemColumns.map((c) => cellOf(c.kind, values[c.field]))).commit();
        rows++;
      }
  }
  addDropDowns(itemSheet, ITEM_SHEET, itemColumns, labelRanges, rows);
  await itemSheet.commit();

  guideSheet.columns = [{ width: 10 }, { width: 14 }, { width: 10 }, { width: 44 }, { width: 10 }, { width: 16 }];
  guideRows.forEach((values, i) => {
    const row = guideSheet.addRow(values);
    if (i === 0 || i === GUIDE_NOTES.length + 1) row.font = { bold: true };
    row.commit();
  });
  await guideSheet.commit();
  await workbook.commit();
}
