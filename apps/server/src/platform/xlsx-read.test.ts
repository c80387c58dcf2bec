import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXlsx, xmlText, XlsxError, type XlsxValue } from './xlsx-read';

/** Every sheet of a workbook: name, rows (number and values from column 1) and merged ranges. */
async function readAll(file: Uint8Array) {
  const sheets: { name: string; rows: { number: number; values: (XlsxValue | undefined)[] }[]; merged: string[] }[] = [];
  for await (const sheet of readXlsx(file)) {
    const rows = [];
    for await (const row of sheet.rows()) rows.push({ number: row.number, values: Array.from(row.values.slice(1)) });
    sheets.push({ name: sheet.name, rows, merged: [...sheet.merged] });
  }
  return sheets;
}

/** A workbook zipped by hand from its parts, as other producers than exceljs write them. */
async function handWritten(
  sheetXml: string,
  options: { shared?: string; store?: boolean; target?: string; styles?: string; workbookPr?: string } = {},
) {
  const zip = new JSZip();
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.workbookPr ?? ''}<x:sheets><x:sheet name="目录&amp;信息" sheetId="7" r:id='rId3'/></x:sheets></x:workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${options.target ?? 'worksheets/sheet1.xml'}"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  if (options.styles) zip.file('xl/styles.xml', options.styles);
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.shared ?? ''}</sst>`,
  );
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  return zip.generateAsync({ type: 'uint8array', compression: options.store ? 'STORE' : 'DEFLATE' });
}

const sheet = (rows: string, after = '') =>
  `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows}</x:sheetData>${after}</x:worksheet>`;

const text = fc
  .array(fc.constantFrom('人口', '基本信息', 'a', 'Z', '&', '<', '>', '"', "'", ' ', '\n', '１', '·', '𠀋', '_x', '0'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''))
  .filter((s) => s.trim() !== '');
const value: fc.Arbitrary<XlsxValue | undefined> = fc.oneof(
  text,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(undefined),
);

describe('readXlsx', () => {
  it('reads back what exceljs wrote: text (entities, CJK, astral), numbers, booleans, gaps, several sheets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { maxLength: 6 }), { minLength: 1, maxLength: 12 }), async (grid) => {
        const workbook = new ExcelJS.Workbook();
        const first = workbook.addWorksheet('目录信息');
        workbook.addWorksheet('空表');
        grid.forEach((values, r) =>
          values.forEach((v, c) => v !== undefined && (first.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)),
        );
        const [read, empty] = await readAll(new Uint8Array(await workbook.xlsx.writeBuffer()));
        expect(empty).toEqual({ name: '空表', rows: [], merged: [] });
        expect(read!.name).toBe('目录信息');
        const byNumber = new Map(read!.rows.map((row) => [row.number, row.values]));
        grid.forEach((values, r) => {
          const got = byNumber.get(r + 1) ?? [];
          values.forEach((v, c) => expect(got[c], `row ${r + 1} column ${c + 1}`).toEqual(v));
          expect(got.length).toBeLessThanOrEqual(values.length);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('reads a large streamed sheet whose Chinese text crosses every chunk boundary of the inflater', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const stream = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const ws = stream.addWorksheet('信息项');
    const expected: string[] = [];
    for (let i = 1; i <= 20_000; i++) {
      const cell = `第${i}行：统一社会信用代码、法定代表人与登记机关${'信息'.repeat(i % 7)}`;
      expected.push(cell);
      ws.addRow([cell, i]).commit();
    }
    ws.mergeCells('A20001:B20002');
    ws.commit();
    await stream.commit();
    const buffer = Buffer.concat(chunks);
    const [read] = await readAll(buffer);
    const filled = read!.rows.filter((row) => row.values.some((v) => v !== undefined));
    expect(filled).toHaveLength(20_000);
    filled.forEach((row, i) => expect(row).toEqual({ number: i + 1, values: [expected[i], i + 1] }));
    expect(read!.merged).toEqual(['A20001:B20002']);
  });

  it('reads what other producers write: prefixes, inline and rich text, phonetic runs, escapes, implicit references, stored entries', async () => {
    const shared =
      '<si><t xml:space="preserve"> 前后空格 </t></si>' +
      '<si><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si>' +
      '<si><t>换行_x000D_&#10;后&#x4E2D;</t></si><si/>' +
      // An empty self-closed run before a full one, and a CDATA section: neither leaks markup into the text.
      '<si><r><t xml:space="preserve"/></r><r><t>abc</t></r></si>' +
      '<si><t><![CDATA[a<b&c]]> &amp; d</t></si>';
    const rows =
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="4" spans="1:3"/>' +
      '<x:row r="5"><x:c r="B5" t="str"><x:f>A1&amp;"x"</x:f><x:v>a&amp;x</x:v></x:c><x:c r="C5" t="e"><x:v>#N/A</x:v></x:c><x:c r="D5" s="3"/><x:c r="E5"><x:v>45658</x:v></x:c><x:c r="F5" t="s"><x:v>3</x:v></x:c></x:row>' +
      // An empty shared-string value is an empty cell, not shared string 0.
      '<x:row r="6"><x:c r="A6" t="s"><x:v>4</x:v></x:c><x:c r="B6" t="s"><x:v>5</x:v></x:c><x:c r="C6" t="s"><x:v></x:v></x:c></x:row>';
    for (const store of [false, true]) {
      const file = await handWritten(
        sheet(rows, `<x:mergeCells count="2"><x:mergeCell ref="B9:C10"/><x:mergeCell ref='D1:D2'/></x:mergeCells>`),
        {
          shared,
          store,
          target: '/xl/worksheets/sheet1.xml',
        },
      );
      expect(await readAll(file)).toEqual([
        {
          name: '目录&信息',
          rows: [
            { number: 1, values: [' 前后空格 ', undefined, '富文本'] },
            { number: 2, values: ['内联', '换行\r\n后中', true] },
            { number: 5, values: [undefined, 'a&x', { error: '#N/A' }, undefined, 45658, ''] },
            { number: 6, values: ['abc', 'a<b&c & d'] },
          ],
          merged: ['B9:C10', 'D1:D2'],
        },
      ]);
    }
  });

  it('refuses what is not a workbook, a truncated one, and a cell naming a shared string that is not there', async () => {
    const bad = async (file: Uint8Array) => expect(readAll(file)).rejects.toBeInstanceOf(XlsxError);
    await bad(new TextEncoder().encode('名称,代码\n人口,1\n'));
    const good = await handWritten(sheet('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'));
    await bad(good.subarray(0, good.length - 30));
    await bad(await handWritten(sheet('<x:row r="1"><x:c r="A1" t="s"><x:v>9</x:v></x:c></x:row>'), { shared: '<si><t>一</t></si>' }));
    await bad(await handWritten(sheet('<x:row r="0"><x:c r="A1"><x:v>1</x:v></x:c></x:row>')));
    await bad(await handWritten(sheet('<x:row r="1"><x:c r="A1" t="str"><x:v>&#x110000;</x:v></x:c></x:row>')));
  });

  it('reads numbers shown as dates as dates when asked, in either date system, and leaves them numbers otherwise', async () => {
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="[Red]0.00"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>';
    const row =
      '<x:row r="1"><x:c r="A1" s="1"><x:v>45658</x:v></x:c><x:c r="B1" s="2"><x:v>45658.5</x:v></x:c><x:c r="C1" s="3"><x:v>3.5</x:v></x:c><x:c r="D1"><x:v>7</x:v></x:c></x:row>';
    const values = async (file: Uint8Array, dates: boolean) => {
      for await (const s of readXlsx(file, { dates })) for await (const r of s.rows()) return Array.from(r.values.slice(1));
      return [];
    };
    const file = await handWritten(sheet(row), { styles });
    expect(await values(file, true)).toEqual([new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2025, 0, 1, 12)), 3.5, 7]);
    expect(await values(file, false)).toEqual([45658, 45658.5, 3.5, 7]);
    const mac = await handWritten(sheet(row), { styles, workbookPr: '<x:workbookPr date1904="1"/>' });
    expect((await values(mac, true))[0]).toEqual(new Date(Date.UTC(2029, 0, 2)));
  });

  it('decodes entities and OOXML escapes', () => {
    expect(xmlText('&lt;&gt;&amp;&quot;&apos;&#20154;&#x53E3;_x0009_')).toBe(`<>&"'人口\t`);
    expect(xmlText('plain')).toBe('plain');
  });
});
