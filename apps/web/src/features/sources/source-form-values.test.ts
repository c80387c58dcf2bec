import { describe, expect, it } from 'vitest';
import { createInputOf, formValuesOf, testRequestOf, updateInputOf, type SourceFormValues } from './source-form-values';
import type { DataSource } from './source-types';

const base = {
  id: '00000000-0000-4000-8000-000000000001',
  departmentId: '00000000-0000-4000-8000-000000000002',
  departmentName: '江苏省公安厅',
  name: '人口基础信息库',
  description: '',
  status: 'active' as const,
  lastTest: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const postgres: DataSource = {
  ...base,
  kind: 'postgresql',
  connection: { host: '127.0.0.1', port: 5432, database: 'test', user: 'postgres', schema: 'public' },
  hasPassword: true,
};

const http: DataSource = {
  ...base,
  kind: 'http_json',
  connection: { url: 'https://api.example.gov.cn/v1', method: 'GET', jsonPath: 'data.items', headerNames: ['Authorization'] },
};

describe('source form values', () => {
  it('sends a new database source without an empty password, and PostgreSQL alone with a schema', () => {
    const values: SourceFormValues = {
      departmentId: base.departmentId,
      name: ' 库 ',
      kind: 'mysql',
      host: ' db.local ',
      database: 'test',
      user: 'root',
      password: '',
      schema: 'ignored',
    };
    expect(createInputOf(values)).toEqual({
      departmentId: base.departmentId,
      name: '库',
      description: '',
      kind: 'mysql',
      connection: { host: 'db.local', database: 'test', user: 'root' },
    });
    expect(createInputOf({ ...values, kind: 'postgresql', port: 6432, schema: '' })).toMatchObject({
      connection: { port: 6432, schema: null },
    });
  });

  it('changes nothing when the form is saved as it was loaded', () => {
    expect(updateInputOf(postgres, formValuesOf(postgres))).toEqual({});
    expect(updateInputOf(http, formValuesOf(http))).toEqual({});
  });

  it('keeps a stored password unless a new one is typed or removal is asked for', () => {
    const values = formValuesOf(postgres);
    expect(updateInputOf(postgres, { ...values, password: 's3cret' })).toEqual({ password: 's3cret' });
    expect(updateInputOf(postgres, { ...values, clearPassword: true })).toEqual({ password: null });
    expect(updateInputOf(postgres, { ...values, schema: 'gat' })).toEqual({
      connection: { host: '127.0.0.1', port: 5432, database: 'test', user: 'postgres', schema: 'gat' },
    });
  });

  it('sends headers when one is added or given a new value, without the values it keeps', () => {
    const values = formValuesOf(http);
    expect(values.headers).toEqual([{ name: 'Authorization' }]);
    expect(updateInputOf(http, { ...values, headers: [{ name: 'Authorization' }, { name: 'X-Api-Key', value: 'k' }] })).toEqual({
      headers: [{ name: 'Authorization' }, { name: 'X-Api-Key', value: 'k' }],
    });
    expect(updateInputOf(http, { ...values, headers: [] })).toEqual({ headers: [] });
  });

  it('tests unsaved settings with the stored secrets of the source being edited', () => {
    const values = formValuesOf(postgres);
    expect(testRequestOf(values, postgres.id)).toEqual({
      kind: 'postgresql',
      connection: { host: '127.0.0.1', port: 5432, database: 'test', user: 'postgres', schema: 'public' },
      sourceId: postgres.id,
    });
    expect(testRequestOf({ ...values, clearPassword: true }, postgres.id)).not.toHaveProperty('sourceId');
    expect(testRequestOf({ ...values, kind: 'file' })).toBeNull();
  });
});
