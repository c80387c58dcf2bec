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
import { Permission, allPermissions } from '@shuyuan/contracts';
import pg from 'pg';

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
let t = Date.now();
const file = await templateWith(asExport(Array.from({ length: 10000 }, (_, i) => entryContent({ name: `批量资源第${i}号` }))));
console.log('generate', Date.now() - t, file.length);
for (let round = 0; round < 2; round++) {
  if (round) await database.db.deleteFrom('catalog_entry').execute();
  t = Date.now();
  const access = await catalogAccess(ctx);
  const read = await readWorkbook(Readable.from([file]));
  console.log('read', Date.now() - t, read.errors.length); t = Date.now();
  const checked = await checkWorkbook(ctx, access, read, user.department_id);
  console.log('check', Date.now() - t, checked.errors.length); t = Date.now();
  await writeEntries(ctx, checked.entries, { importId: null, fileName: 'x' });
  console.log('write', Date.now() - t);
}
await database.close();
