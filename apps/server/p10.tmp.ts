import { Readable } from 'node:stream';
import { openPglite, openPostgres } from './src/db/database';
import { migrateToLatest } from './src/db/migrate';
import { syncBuiltinRoles } from './src/modules/identity';
import { buildUser } from './test/factories';
import { entryContent } from './test/catalog-fixtures';
import { asExport, templateWith } from './test/catalog-workbooks';
import { readWorkbook } from './src/modules/catalog/template-reader';
import { checkWorkbook, writeEntries } from './src/modules/catalog/catalog-excel.service';
import { catalogAccess } from './src/modules/catalog/entries.service';
import { derivedValues } from './src/modules/catalog/entries.repository';
import { Permission } from '@shuyuan/contracts';
import pg from 'pg';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const which = process.argv[2] ?? 'pglite';
let database;
if (which === 'pglite') database = await openPglite(null);
else {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' }); await admin.connect();
  await admin.query('drop database if exists proto_x with (force)'); await admin.query('create database proto_x'); await admin.end();
  database = openPostgres('postgres://postgres@127.0.0.1:5432/proto_x');
}
await migrateToLatest(database.db); await syncBuiltinRoles(database.db);
const user = await buildUser(database.db, { roles: ['data_officer'] });
const ctx = { db: database.db, actor: { userId: user.id, login: user.login, departmentId: user.department_id, ip: null, userAgent: null }, principal: { userId: user.id, login: user.login, displayName: 'x', departmentId: user.department_id, roles: [], permissions: new Set<string>([Permission.CatalogCompile, Permission.CatalogRead]), mustChangePassword: false, via: 'session' as const } };
const file = await templateWith(asExport(Array.from({ length: 10000 }, (_, i) => entryContent({ name: `批量资源第${i}号` }))));
for (let round = 0; round < 2; round++) {
  if (round) await database.db.deleteFrom('catalog_entry').execute();
  let t = cpu(); let w = Date.now();
  const lap = (s: string) => { console.log(s.padEnd(8), 'cpu', Math.round(cpu() - t), 'wall', Date.now() - w); t = cpu(); w = Date.now(); };
  const access = await catalogAccess(ctx);
  const read = await readWorkbook(Readable.from([file])); lap('read');
  const checked = await checkWorkbook(ctx, access, read, user.department_id); lap('check');
  checked.entries.forEach((p) => derivedValues(p.content, p.departmentName)); lap('derive');
  await writeEntries(ctx, checked.entries, { importId: null, fileName: 'x' }); lap('write');
}
await database.close();
