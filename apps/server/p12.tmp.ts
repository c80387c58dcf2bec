import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { entryContent } from './test/catalog-fixtures';
import { asExport, templateWith } from './test/catalog-workbooks';
const require = createRequire(import.meta.url);
const parseSax = require('exceljs/lib/utils/parse-sax.js');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const file = await templateWith(asExport(Array.from({ length: 10000 }, (_, i) => entryContent({ name: `批量资源第${i}号` }))));
class R extends ExcelJS.stream.xlsx.WorkbookReader {}
for (let r = 0; r < 3; r++) {
  let t = cpu(); let n = 0;
  for await (const s of new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), { styles: 'ignore', sharedStrings: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' })) for await (const _r of s) n++;
  console.log('exceljs rows', Math.round(cpu() - t), n);
  t = cpu(); let ev = 0;
  for await (const s of new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), { styles: 'ignore', sharedStrings: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' })) {
    for await (const events of parseSax((s as unknown as { iterator: AsyncIterable<Buffer> }).iterator)) ev += events.length;
  }
  console.log('sax only', Math.round(cpu() - t), ev);
}
