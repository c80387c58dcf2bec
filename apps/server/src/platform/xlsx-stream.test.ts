import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mergedRanges, openXlsxStream } from './xlsx-stream';

describe('openXlsxStream (exceljs mended)', () => {
  it('reads Chinese text cut between chunks intact, and reports merged ranges', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
    const ws = writer.addWorksheet('数据');
    const expected: string[] = [];
    for (let i = 1; i <= 5_000; i++) {
      expected.push(`第${i}行：不动产登记与婚姻登记信息${'证照'.repeat(i % 5)}`);
      ws.addRow([expected.at(-1)]).commit();
    }
    ws.mergeCells('B5001:C5002');
    ws.commit();
    await writer.commit();
    const file = Buffer.concat(chunks);
    // Odd-sized slices, so that three-byte characters are cut everywhere.
    const slices = Array.from({ length: Math.ceil(file.length / 4_099) }, (_, i) => file.subarray(i * 4_099, (i + 1) * 4_099));
    const read: unknown[] = [];
    for await (const sheet of openXlsxStream(Readable.from(slices), { styles: true })) {
      for await (const row of sheet) read.push((row.values as unknown[])[1]);
      expect(mergedRanges(sheet)).toEqual(['B5001:C5002']);
    }
    expect(read.filter((v) => v !== undefined)).toEqual(expected);
  });
});
