import { describe, expect, it } from 'vitest';
import { divisionPrefix, guessRegionColumn, REGION_PREFIX, regionColumns } from './return-region';

const column = (name: string, type: string) => ({ name, type, dataType: type === 'int' ? 'bigint' : 'text' });

describe('divisionPrefix', () => {
  it.each([
    ['320100', '3201'],
    ['320000', '32'],
    ['320102', '320102'],
    ['110000', '11'],
    ['100000', '10'],
    ['320010', '320010'],
    [' 320500 ', '3205'],
  ])('%s → %s', (code, prefix) => {
    expect(divisionPrefix(code)).toBe(prefix);
    expect(prefix).toMatch(REGION_PREFIX);
  });

  it('keeps two digits at least, so a province still names itself', () => {
    expect(divisionPrefix('000000')).toBe('00');
  });
});

describe('region columns', () => {
  const columns = [column('id', 'int'), column('name', 'text'), column('sfzh', 'char'), column('xzqh_dm', 'char'), column('age', 'int')];

  it('offers text columns only', () => {
    expect(regionColumns(columns).map((c) => c.name)).toEqual(['name', 'sfzh', 'xzqh_dm']);
  });

  it('guesses a division code before an ID number, and nothing from a name that tells nothing', () => {
    expect(guessRegionColumn(columns)).toBe('xzqh_dm');
    expect(guessRegionColumn(columns.filter((c) => c.name !== 'xzqh_dm'))).toBe('sfzh');
    expect(guessRegionColumn([column('name', 'text'), column('region_id', 'int')])).toBeUndefined();
  });
});
