import { usccCheckChar, type ApiField, type ApiParam, type MaskType } from '@shuyuan/contracts';
import { sql } from 'kysely';
import type { DemoContext, DemoContributor } from '../../demo/demo';
import { CITIES } from '../../demo/demo-data';
import { personName, type DemoRandom } from '../../demo/demo-random';
import { IN_FORCE } from './exchange.repository';
import { loadDemoTables } from './exchange.demo-tables';
import { storeSchemaOf } from './store';

/** The consumer application of the gateway demo; its secret is documented in the README (demo mode only). */
export const DEMO_CONSUMER = { name: 'demo-consumer', key: 'sydemoconsumer01', secret: 'Demo-Consumer-Secret-2026' } as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-digit 公民身份号码 (GB 11643) registered in a division. */
function citizenId(rng: DemoRandom, division: string): string {
  const body = `${division}${rng.int(1940, 2005)}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}${rng.digits(3)}`;
  const sum = [...body].reduce((s, c, i) => s + Number(c) * ID_WEIGHTS[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/** A valid 统一社会信用代码 of an enterprise (registrar 9, type 1) in a division. */
function enterpriseUscc(rng: DemoRandom, division: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let org = '';
  for (let i = 0; i < 9; i++) org += chars[rng.int(0, i === 8 ? 9 : 30)];
  const first17 = `91${division}${org}`;
  return first17 + usccCheckChar(first17);
}

const STREETS = ['中山路', '人民路', '建设路', '解放路', '长江路', '太湖大道', '学府路', '新华街'];
const DISTRICTS: Record<string, string[]> = {
  '320100': ['玄武区', '秦淮区', '鼓楼区', '江宁区'],
  '320200': ['梁溪区', '滨湖区', '新吴区'],
  '320500': ['姑苏区', '吴中区', '工业园区'],
};

const f = (name: string, column: string, label: string, extra: Partial<ApiField> = {}): ApiField => ({
  name,
  column,
  label,
  type: 'text',
  sensitive: false,
  mask: null,
  ...extra,
});
const sensitive = (mask: MaskType) => ({ sensitive: true, mask });

const POPULATION_FIELDS: ApiField[] = [
  f('id_number', 'id_number', '公民身份号码', sensitive('id_card_6_4')),
  f('name', 'name', '姓名', sensitive('name')),
  f('gender', 'gender', '性别'),
  f('ethnicity', 'ethnicity', '民族'),
  f('birth_date', 'birth_date', '出生日期', { type: 'date' }),
  f('registered_address', 'registered_address', '户籍地址', sensitive('address')),
  f('household_no', 'household_no', '户号'),
  f('marital_status', 'marital_status', '婚姻状况'),
  f('updated_at', 'updated_at', '更新时间', { type: 'datetime' }),
];
const POPULATION_PARAMS: ApiParam[] = [
  { name: 'id_number', field: 'id_number', op: 'eq', format: 'id_card', required: true, label: '公民身份号码', example: null },
];

const ENTERPRISE_FIELDS: ApiField[] = [
  f('uscc', 'uscc', '统一社会信用代码'),
  f('enterprise_name', 'enterprise_name', '企业名称'),
  f('enterprise_type', 'enterprise_type', '企业类型'),
  f('legal_representative', 'legal_representative', '法定代表人', sensitive('name')),
  f('legal_rep_id_number', 'legal_rep_id_number', '法定代表人证件号码', sensitive('id_card_6_4')),
  f('registered_capital', 'registered_capital', '注册资本', { type: 'decimal' }),
  f('established_date', 'established_date', '成立日期', { type: 'date' }),
  f('domicile', 'domicile', '住所'),
  f('registration_status', 'registration_status', '登记状态'),
  f('updated_at', 'updated_at', '更新时间', { type: 'datetime' }),
];
const ENTERPRISE_PARAMS: ApiParam[] = [
  { name: 'uscc', field: 'uscc', op: 'eq', format: 'uscc', required: true, label: '统一社会信用代码', example: null },
];

/** The store tables' columns with their types in PostgreSQL and MySQL, for the demo's source tables. */
const POPULATION_COLUMNS = [
  { name: 'id_number', pg: 'char(18)', my: 'char(18)' },
  { name: 'name', pg: 'text', my: 'varchar(50)' },
  { name: 'gender', pg: 'char(1)', my: 'char(1)' },
  { name: 'ethnicity', pg: 'char(2)', my: 'char(2)' },
  { name: 'birth_date', pg: 'date', my: 'date' },
  { name: 'registered_address', pg: 'text', my: 'varchar(200)' },
  { name: 'household_no', pg: 'text', my: 'varchar(20)' },
  { name: 'marital_status', pg: 'char(2)', my: 'char(2)' },
  { name: 'division_code', pg: 'char(6)', my: 'char(6)' },
  { name: 'updated_at', pg: 'timestamptz', my: 'datetime(6)' },
];
const ENTERPRISE_COLUMNS = [
  { name: 'uscc', pg: 'char(18)', my: 'char(18)' },
  { name: 'enterprise_name', pg: 'text', my: 'varchar(200)' },
  { name: 'enterprise_type', pg: 'text', my: 'varchar(50)' },
  { name: 'legal_representative', pg: 'text', my: 'varchar(50)' },
  { name: 'legal_rep_id_number', pg: 'char(18)', my: 'char(18)' },
  { name: 'registered_capital', pg: 'numeric(18, 4)', my: 'decimal(18,4)' },
  { name: 'established_date', pg: 'date', my: 'date' },
  { name: 'business_scope', pg: 'text', my: 'text' },
  { name: 'domicile', pg: 'text', my: 'varchar(200)' },
  { name: 'registration_authority', pg: 'text', my: 'varchar(100)' },
  { name: 'registration_status', pg: 'text', my: 'varchar(20)' },
  { name: 'division_code', pg: 'char(6)', my: 'char(6)' },
  { name: 'updated_at', pg: 'timestamptz', my: 'datetime(6)' },
];

async function insertRows(ctx: DemoContext, table: string, columns: string[], rows: unknown[][]) {
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((row) => sql`(${sql.join(row)})`);
    await sql`insert into ${sql.raw(table)} (${sql.raw(columns.join(', '))}) values ${sql.join(values)}`.execute(ctx.trx);
  }
}

/** The store tables (物理接入) behind the demo APIs: people registered with 公安厅, enterprises with 市场监管局. */
async function createStore(ctx: DemoContext, persons: number, enterprises: number) {
  const schemaOf = async (key: string) =>
    storeSchemaOf(
      (
        await ctx.trx
          .selectFrom('department')
          .select('agency_code')
          .where('id', '=', ctx.ids.get(`department:${key}`)!)
          .executeTakeFirstOrThrow()
      ).agency_code,
    );
  const population = `${await schemaOf('gat')}.population`;
  const enterprise = `${await schemaOf('scjgj')}.enterprise`;
  await sql`create schema ${sql.id(population.split('.')[0]!)}`.execute(ctx.trx);
  await sql`
    create table ${sql.raw(population)} (
      id_number char(18) primary key, name text not null, gender char(1) not null, ethnicity char(2) not null,
      birth_date date not null, registered_address text not null, household_no text not null, marital_status char(2) not null,
      division_code char(6) not null, updated_at timestamptz not null,
      _sy_seq bigint not null default nextval('public.exchange_store_seq')
    )`.execute(ctx.trx);
  const people: unknown[][] = [];
  const ids = new Set<string>();
  for (let i = 0; i < persons; i++) {
    const city = CITIES[i % CITIES.length]!;
    const district = ctx.rng.pick(DISTRICTS[city.divisionCode] ?? ['市辖区']);
    const id = citizenId(ctx.rng, city.divisionCode.slice(0, 4) + pad(ctx.rng.int(1, 12)));
    if (ids.has(id)) continue;
    ids.add(id);
    const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    people.push([
      id,
      personName(ctx.rng),
      Number(id[16]) % 2 === 1 ? '1' : '2',
      ctx.rng.next() < 0.92 ? '01' : pad(ctx.rng.int(2, 56)),
      birth,
      `江苏省${city.name}${district}${ctx.rng.pick(STREETS)}${ctx.rng.int(1, 300)}号${ctx.rng.int(1, 30)}幢${ctx.rng.int(101, 2404)}室`,
      `${city.divisionCode}${ctx.rng.digits(8)}`,
      ctx.rng.pick(['10', '20', '20', '20', '30', '40']),
      city.divisionCode,
      new Date(Date.UTC(2026, ctx.rng.int(0, 10), ctx.rng.int(1, 28), ctx.rng.int(0, 23))),
    ]);
  }
  await insertRows(
    ctx,
    population,
    [
      'id_number',
      'name',
      'gender',
      'ethnicity',
      'birth_date',
      'registered_address',
      'household_no',
      'marital_status',
      'division_code',
      'updated_at',
    ],
    people,
  );

  await sql`create schema ${sql.id(enterprise.split('.')[0]!)}`.execute(ctx.trx);
  await sql`
    create table ${sql.raw(enterprise)} (
      uscc char(18) primary key, enterprise_name text not null, enterprise_type text not null, legal_representative text not null,
      legal_rep_id_number char(18) not null, registered_capital numeric(18, 4) not null, established_date date not null,
      business_scope text not null, domicile text not null, registration_authority text not null, registration_status text not null,
      division_code char(6) not null, updated_at timestamptz not null,
      _sy_seq bigint not null default nextval('public.exchange_store_seq')
    )`.execute(ctx.trx);
  const firms: unknown[][] = [];
  const codes = new Set<string>();
  const trades = ['科技', '贸易', '制造', '物流', '餐饮', '建筑', '信息技术', '生物医药'];
  for (let i = 0; i < enterprises; i++) {
    const city = CITIES[i % CITIES.length]!;
    const uscc = enterpriseUscc(ctx.rng, city.divisionCode);
    if (codes.has(uscc)) continue;
    codes.add(uscc);
    const owner = people[ctx.rng.int(0, people.length - 1)]!;
    const trade = ctx.rng.pick(trades);
    firms.push([
      uscc,
      `${city.name.replace('市', '')}${ctx.rng.pick(['恒通', '华信', '瑞丰', '金陵', '东方', '新源', '博远', '天成'])}${trade}有限公司`,
      ctx.rng.pick(['有限责任公司', '股份有限公司', '个人独资企业']),
      owner[1],
      owner[0],
      `${ctx.rng.int(10, 5000)}0000.0000`,
      `${ctx.rng.int(1995, 2025)}-${pad(ctx.rng.int(1, 12))}-${pad(ctx.rng.int(1, 28))}`,
      `${trade}相关业务（依法须经批准的项目，经相关部门批准后方可开展经营活动）`,
      `江苏省${city.name}${ctx.rng.pick(STREETS)}${ctx.rng.int(1, 500)}号`,
      `${city.name}市场监督管理局`,
      ctx.rng.next() < 0.9 ? '存续' : '注销',
      city.divisionCode,
      new Date(Date.UTC(2026, ctx.rng.int(0, 10), ctx.rng.int(1, 28))),
    ]);
  }
  await insertRows(
    ctx,
    enterprise,
    [
      'uscc',
      'enterprise_name',
      'enterprise_type',
      'legal_representative',
      'legal_rep_id_number',
      'registered_capital',
      'established_date',
      'business_scope',
      'domicile',
      'registration_authority',
      'registration_status',
      'division_code',
      'updated_at',
    ],
    firms,
  );
  return { people, firms, population, enterprise };
}

/** The in-force entry of that name in the department, which the demo serves through the gateway. */
async function servedEntry(ctx: DemoContext, departmentKey: string, name: string) {
  const entry = await ctx.trx
    .selectFrom('catalog_entry')
    .select(['id', 'code', 'sharing_methods'])
    .where('department_id', '=', ctx.ids.get(`department:${departmentKey}`)!)
    .where('name', '=', name)
    .where('status', 'in', IN_FORCE)
    .executeTakeFirst();
  if (!entry || !entry.sharing_methods.includes('api')) throw new Error(`the demo catalog has no published ${name} shared by API`);
  return entry;
}

/** Demo APIs on the store, the `demo-consumer` application, and grants for it and other demo applications. */
export const exchangeDemo: DemoContributor = {
  name: 'exchange',
  async load(ctx) {
    const {
      people,
      firms,
      population: populationTable,
      enterprise: enterpriseTable,
    } = await createStore(ctx, ctx.scale === 'full' ? 20_000 : 2_000, ctx.scale === 'full' ? 5_000 : 500);
    const population = await servedEntry(ctx, 'gat', '人口基本信息');
    const enterprise = await servedEntry(ctx, 'scjgj', '企业登记信息');
    const admin = null;
    const api = (entryId: string, table: string, fields: ApiField[], params: ApiParam[], key: string) =>
      ctx.trx
        .insertInto('exchange_api')
        .values({
          entry_id: entryId,
          access: 'physical',
          source_id: null,
          resource_name: table,
          fields: JSON.stringify(fields),
          params: JSON.stringify(params),
          key_field: key,
          page_size_max: 100,
          timeout_ms: 5000,
          created_by: admin,
        })
        .execute();
    // The documented examples are real rows, so the samples and the "try it" console find someone.
    const withExample = (params: ApiParam[], value: string) => params.map((p) => ({ ...p, example: value }));
    await api(population.id, populationTable, POPULATION_FIELDS, withExample(POPULATION_PARAMS, people[0]![0] as string), 'id_number');
    await api(enterprise.id, enterpriseTable, ENTERPRISE_FIELDS, withExample(ENTERPRISE_PARAMS, firms[0]![0] as string), 'uscc');

    const department = ctx.ids.get('department:scjgj')!;
    const { id: consumerId } = await ctx.trx
      .insertInto('client_app')
      .values({
        department_id: department,
        name: DEMO_CONSUMER.name,
        app_key: DEMO_CONSUMER.key,
        description: '网关演示用的调用方应用（仅演示模式）：按身份证号查人口、按统一社会信用代码查企业',
        status: 'active',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.trx
      .insertInto('app_secret')
      .values({
        app_id: consumerId,
        secret_ciphertext: ctx.box.seal(DEMO_CONSUMER.secret),
        secret_hint: `…${DEMO_CONSUMER.secret.slice(-4)}`,
      })
      .execute();
    // First in `shuyuan demo apps`: the application the README's examples use.
    ctx.apps.unshift({ app: DEMO_CONSUMER.name, key: DEMO_CONSUMER.key, secret: DEMO_CONSUMER.secret, resources: [] });

    const validFrom = new Date(Date.UTC(2026, 0, 1));
    const validTo = new Date(Date.UTC(2028, 0, 1));
    const personQuery = `id_number=${people[0]![0] as string}`;
    const firmQuery = `uscc=${firms[0]![0] as string}`;
    // [application, department key, entry, fields, masks, purpose, calls per day, example query]
    const grants: [string, string, typeof population, string[], Record<string, MaskType>, string, number | null, string][] = [
      [
        DEMO_CONSUMER.name,
        'scjgj',
        population,
        ['id_number', 'name', 'gender', 'birth_date', 'registered_address'],
        {},
        '企业开办时核验法定代表人身份',
        10_000,
        personQuery,
      ],
      [DEMO_CONSUMER.name, 'scjgj', enterprise, ENTERPRISE_FIELDS.map((x) => x.name), {}, '企业登记信息查询演示', 10_000, firmQuery],
      [
        '一网通办总门户',
        'sjj',
        population,
        ['id_number', 'name', 'gender', 'birth_date'],
        { birth_date: 'date_show_year' },
        '政务服务事项办理时核验申请人身份',
        100_000,
        personQuery,
      ],
      [
        '一网通办总门户',
        'sjj',
        enterprise,
        ['uscc', 'enterprise_name', 'legal_representative', 'registration_status'],
        {},
        '涉企事项办理时核验企业登记状态',
        100_000,
        firmQuery,
      ],
      [
        '社会保险经办系统',
        'rst',
        population,
        ['id_number', 'name', 'gender', 'birth_date', 'marital_status'],
        { name: 'none' },
        '社保参保登记核验人员基本信息',
        50_000,
        personQuery,
      ],
    ];
    for (const [appName, departmentKey, entry, fields, masks, purpose, perDay, query] of grants) {
      const appId = appName === DEMO_CONSUMER.name ? consumerId : ctx.ids.get(`app:${appName}`)!;
      await ctx.trx
        .insertInto('exchange_grant')
        .values({
          entry_id: entry.id,
          consumer_department_id: ctx.ids.get(`department:${departmentKey}`)!,
          app_id: appId,
          method: 'api',
          fields,
          row_filter: '[]',
          masks: JSON.stringify(masks),
          purpose,
          valid_from: validFrom,
          valid_to: validTo,
          calls_per_day: perDay,
          calls_per_second: 50,
          created_by: admin,
        })
        .execute();
      ctx.apps.find((a) => a.app === appName)?.resources.push({ code: entry.code, query });
    }
    // With local servers configured, the same rows become source tables there, aggregated and distributed.
    const tableJobs = await loadDemoTables(
      ctx,
      {
        population: { store: populationTable, key: 'id_number', columns: POPULATION_COLUMNS, rows: people },
        enterprise: { store: enterpriseTable, key: 'uscc', columns: ENTERPRISE_COLUMNS, rows: firms },
      },
      { population, enterprise },
    );
    return { gatewayApis: 2, grants: grants.length, storeRows: people.length + firms.length, consumerApps: 1, tableJobs };
  },
};
