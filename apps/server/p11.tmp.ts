import { entryContent } from './test/catalog-fixtures';
import { indexWords, searchDocument } from './src/modules/catalog/search-text';
const cs = Array.from({ length: 10000 }, (_, i) => entryContent({ name: `批量资源第${i}号企业登记信息` }));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let r = 0; r < 3; r++) {
let t = cpu(); for (const c of cs) searchDocument(c, '省市场监督管理局'); console.log('doc', Math.round(cpu() - t));
t = cpu(); for (const c of cs) indexWords(c.name); console.log('name', Math.round(cpu() - t));
t = cpu(); for (const c of cs) indexWords(c.summary); console.log('summary', Math.round(cpu() - t));
t = cpu(); for (const c of cs) indexWords([...c.tags, ...c.items.map((i) => `${i.name} ${i.nameEn ?? ''}`)].join(' ')); console.log('b', Math.round(cpu() - t));
t = cpu(); for (const c of cs) indexWords('省市场监督管理局'); console.log('dept', Math.round(cpu() - t));
}
