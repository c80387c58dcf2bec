import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DataSourceTable, DB } from '../../db/schema';
import type { SourceKind } from './sources.schemas';
import { escapeLike } from '../../db/like';

type Q = Kysely<DB> | Transaction<DB>;

function withDepartment(db: Q) {
  return db
    .selectFrom('data_source as s')
    .innerJoin('department as d', 'd.id', 's.department_id')
    .selectAll('s')
    .select('d.name as department_name');
}

export type SourceRow = Awaited<ReturnType<ReturnType<typeof withDepartment>['executeTakeFirstOrThrow']>>;

/** Filters of the source list. */
export interface SourceFilter {
  departmentIds: readonly string[] | null;
  departmentId?: string | undefined;
  kind?: SourceKind | undefined;
  q?: string | undefined;
}

/** Every SQL statement about data sources. */
export const sourcesRepository = {
  list(db: Q, f: SourceFilter) {
    let q = withDepartment(db);
    if (f.departmentIds)
      q = q.where('s.department_id', 'in', f.departmentIds.length ? [...f.departmentIds] : ['00000000-0000-0000-0000-000000000000']);
    if (f.departmentId) q = q.where('s.department_id', '=', f.departmentId);
    if (f.kind) q = q.where('s.kind', '=', f.kind);
    if (f.q) {
      const pattern = `%${escapeLike(f.q)}%`;
      q = q.where((eb) => eb.or([eb('s.name', 'ilike', pattern), eb('s.description', 'ilike', pattern)]));
    }
    return q.orderBy('d.name').orderBy('s.name').execute();
  },
  findById(db: Q, id: string) {
    return withDepartment(db).where('s.id', '=', id).executeTakeFirst();
  },
  insert(
    db: Q,
    values: {
      department_id: string;
      name: string;
      kind: SourceKind;
      description: string;
      settings: string;
      credentials_sealed: string | null;
    },
  ) {
    return db
      .insertInto('data_source')
      .values({ ...values, test_status: null, test_step: null, test_code: null, test_message: null, test_elapsed_ms: null })
      .returning('id')
      .executeTakeFirstOrThrow();
  },
  /** Updates when the version still matches; undefined when someone else changed it first. */
  update(db: Q, id: string, version: number, values: Updateable<DataSourceTable>) {
    return db
      .updateTable('data_source')
      .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },
  /** Records a connection test; not an edit, so the version stays. */
  recordTest(
    db: Q,
    id: string,
    result: {
      status: 'ok' | 'failed';
      step: DataSourceTable['test_step'];
      code: string | null;
      message: string;
      elapsedMs: number;
      at: Date;
    },
  ) {
    return db
      .updateTable('data_source')
      .set({
        test_status: result.status,
        test_step: result.step,
        test_code: result.code,
        test_message: result.message,
        test_elapsed_ms: result.elapsedMs,
        tested_at: result.at,
      })
      .where('id', '=', id)
      .execute();
  },
  delete(db: Q, id: string) {
    return db.deleteFrom('data_source').where('id', '=', id).returning('id').executeTakeFirst();
  },
};
