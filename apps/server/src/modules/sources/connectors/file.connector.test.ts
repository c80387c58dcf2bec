import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceError } from './connector';
import { hashFile, profileFile } from './file.connector';
import { SAMPLE_ROWS } from './type-inference';

const dir = mkdtempSync(join(tmpdir(), 'shuyuan-file-connector-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('file profiling', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('samples the first rows for columns and reads to the end only to count', async () => {
    const rows = 20_000;
    const path = file('big.csv', 'id\tname\n' + Array.from({ length: rows }, (_, i) => `${i}\tn${i}`).join('\n'));
    const sample = await profileFile(path, 'csv');
    expect(sample).toMatchObject({ rowCount: SAMPLE_ROWS, delimiter: '\t', encoding: 'utf-8' });
    expect(sample.columns.map((c) => [c.name, c.normalizedType])).toEqual([
      ['id', 'int'],
      ['name', 'char'],
    ]);
    expect((await profileFile(path, 'csv', true)).rowCount).toBe(rows);
  });

  it('handles quoted delimiters and line breaks, and skips leading blank lines', async () => {
    const path = file('quoted.csv', '\n"名称","备注"\n"甲,乙","第一行\n第二行"\n');
    const profile = await profileFile(path, 'csv', true);
    expect(profile.rowCount).toBe(1);
    expect(profile.columns.map((c) => c.name)).toEqual(['名称', '备注']);
  });

  it('says why a file cannot be read', async () => {
    await expect(profileFile(file('empty.csv', '\n\n'), 'csv')).rejects.toMatchObject({ step: 'read', code: 'NO_HEADER' });
    await expect(profileFile(file('bad.xlsx', 'not a zip'), 'xlsx')).rejects.toBeInstanceOf(SourceError);
    await expect(profileFile(join(dir, 'missing.csv'), 'csv')).rejects.toMatchObject({ step: 'read', code: 'ENOENT' });
  });

  it('hashes a file with SHA-256', async () => {
    expect(await hashFile(file('abc.txt', 'abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
