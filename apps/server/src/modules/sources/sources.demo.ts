import type { DemoContributor } from '../../demo/demo';
import type { SourceKind } from './sources.schemas';
import { DEFAULT_PORTS } from './sources.settings';

/** The local services of a developer's machine; on a laptop without them, a test says so. */
const LOCAL_POSTGRES = { host: '127.0.0.1', port: DEFAULT_PORTS.postgresql, database: 'test', user: 'postgres', schema: 'public' };
const LOCAL_MARIADB = { host: '127.0.0.1', port: DEFAULT_PORTS.mysql, database: 'test', user: 'root', schema: null };

/** [department key, name, kind, description]; database sources point at the local servers. */
const DEMO_SOURCES: readonly (readonly [string, string, SourceKind, string])[] = [
  ['gat', '人口基础信息库', 'postgresql', '户籍人口与居住证信息（演示：本机 PostgreSQL test 库）'],
  ['scjgj', '市场主体登记库', 'mysql', '企业、个体工商户登记信息（演示：本机 MariaDB test 库）'],
  ['rst', '社会保险参保库', 'postgresql', '养老、失业、工伤保险参保信息（演示：本机 PostgreSQL test 库）'],
  ['mzt', '婚姻登记库', 'mysql', '结婚、离婚登记信息（演示：本机 MariaDB test 库）'],
  ['mzt', '低保对象名册', 'file', '各市报送的城乡低保对象名册，待上传 Excel 文件'],
];

/** A few registered data sources of provincial departments (demo mode only). */
export const sourcesDemo: DemoContributor = {
  name: 'sources',
  async load(ctx) {
    for (const [departmentKey, name, kind, description] of DEMO_SOURCES) {
      const settings = kind === 'postgresql' ? LOCAL_POSTGRES : kind === 'mysql' ? LOCAL_MARIADB : {};
      const { id } = await ctx.trx
        .insertInto('data_source')
        .values({
          department_id: ctx.ids.get(`department:${departmentKey}`)!,
          name,
          kind,
          description,
          settings: JSON.stringify(settings),
          // Trust auth and an empty root password: these demo sources need no stored secret.
          credentials_sealed: null,
          test_status: null,
          test_step: null,
          test_code: null,
          test_message: null,
          test_elapsed_ms: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ctx.ids.set(`source:${name}`, id);
    }
    return { sources: DEMO_SOURCES.length };
  },
};
