import { Readable, PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { entryContent } from './test/catalog-fixtures';
import { asExport, templateWith } from './test/catalog-workbooks';
import { readWorkbook } from './src/modules/catalog/template-reader';
import { openXlsxStream } from './src/platform/xlsx-stream';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = cpu();
const entries = asExport(Array.from({ length: 10000 }, (_, i) => entryContent({ name: `批量资源第${i}号` })));
const file = await templateWith(entries);
console.log('generate cpu', Math.round(cpu() - t), file.length);
for (let i = 0; i < 2; i++) { t = cpu(); const r = await readWorkbook(Readable.from([file])); console.log('readWorkbook cpu', Math.round(cpu() - t), r.rows); }
for (let i = 0; i < 2; i++) { t = cpu(); let n = 0; for await (const s of openXlsxStream(Readable.from([file]))) for await (const _r of s) n++; console.log('raw mended cpu', Math.round(cpu() - t), n); }
for (let i = 0; i < 2; i++) { t = cpu(); let n = 0; for await (const s of new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), { styles: 'ignore', sharedStrings: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' })) for await (const _r of s) n++; console.log('raw exceljs cpu', Math.round(cpu() - t), n); }
