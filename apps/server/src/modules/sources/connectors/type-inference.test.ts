import { describe, expect, it } from 'vitest';
import { ColumnProfile, classifyText, headerNames } from './type-inference';
import { inferFields, recordsAt } from './http-json.connector';

const infer = (values: unknown[], temporalOnly = false) => {
  const profile = new ColumnProfile('c', temporalOnly);
  values.forEach((v) => profile.add(v));
  return profile.toColumn(1);
};

describe('type inference of file and JSON values', () => {
  it('classifies text by its most specific kind', () => {
    expect(classifyText('42')).toBe('int');
    expect(classifyText('-3.50')).toBe('decimal');
    expect(classifyText('TRUE')).toBe('bool');
    expect(classifyText('2024-02-29')).toBe('date');
    expect(classifyText('2024/2/9')).toBe('date');
    expect(classifyText('2024年2月9日')).toBe('date');
    expect(classifyText('2024-02-29 08:30:00')).toBe('datetime');
    expect(classifyText('2024-02-29T08:30:00.123+08:00')).toBe('datetime');
    expect(classifyText('08:30')).toBe('time');
    expect(classifyText('2024-13-01')).toBe('char');
    expect(classifyText('张三')).toBe('char');
  });

  it('keeps identifiers with leading zeros or 18 digits and more as text, not numbers', () => {
    expect(classifyText('0012')).toBe('char');
    expect(classifyText('320101199001010011')).toBe('int');
    expect(classifyText('3201011990010100112')).toBe('char');
    expect(infer(['32010119900101001X', '320101199001010011'])).toMatchObject({ normalizedType: 'char', length: 18 });
  });

  it('widens int to decimal and date to datetime, with precision and scale', () => {
    expect(infer(['1', '22.5', '-333.125'])).toMatchObject({ normalizedType: 'decimal', precision: 6, scale: 3 });
    expect(infer(['2024-01-01', '2024-01-02 10:00:00'])).toMatchObject({ normalizedType: 'datetime' });
    expect(infer(['1', 'x'])).toMatchObject({ normalizedType: 'char', length: 1 });
  });

  it('marks a column nullable when a value is empty or missing, and long text as text', () => {
    expect(infer(['1', '', '3'])).toMatchObject({ normalizedType: 'int', nullable: true, length: null });
    expect(infer(['1', '2'])).toMatchObject({ nullable: false });
    expect(infer(['x'.repeat(5000)])).toMatchObject({ normalizedType: 'text', length: 5000 });
    expect(infer([])).toMatchObject({ normalizedType: 'char', nullable: true });
  });

  it('reads XLSX cell values: numbers, booleans and dates', () => {
    expect(infer([1, 2])).toMatchObject({ normalizedType: 'int', dataType: 'number' });
    expect(infer([true, false])).toMatchObject({ normalizedType: 'bool', dataType: 'boolean' });
    expect(infer([new Date(Date.UTC(2024, 0, 1))])).toMatchObject({ normalizedType: 'date', dataType: 'date' });
    expect(infer([new Date(Date.UTC(2024, 0, 1, 8))])).toMatchObject({ normalizedType: 'datetime' });
  });

  it('keeps JSON strings as text unless they are dates or times', () => {
    expect(infer(['123', '456'], true)).toMatchObject({ normalizedType: 'char', dataType: 'string' });
    expect(infer(['2024-01-01'], true)).toMatchObject({ normalizedType: 'date' });
    expect(infer([{ a: 1 }, null], true)).toMatchObject({ normalizedType: 'other', dataType: 'object', nullable: true });
  });

  it('names blank and repeated header cells', () => {
    expect(headerNames([' 姓名 ', '', '姓名', null])).toEqual(['姓名', 'column_2', '姓名_2', 'column_4']);
  });
});

describe('records of a JSON response', () => {
  const body = { code: 0, data: { items: [{ id: 1, name: '甲' }, { id: 2, name: '乙', extra: true }, 'noise'] } };

  it('finds the array at a dotted path, or takes an object as one record', () => {
    expect(recordsAt(body, 'data.items')).toHaveLength(2);
    expect(recordsAt(body, '$.data.items')).toHaveLength(2);
    expect(recordsAt([{ a: 1 }], null)).toEqual([{ a: 1 }]);
    expect(recordsAt(body, null)).toEqual([body]);
    expect(recordsAt(body, 'data.items[0]')).toEqual([{ id: 1, name: '甲' }]);
  });

  it('refuses a path that leads nowhere', () => {
    expect(() => recordsAt(body, 'data.missing')).toThrow(/no array or object/);
    expect(() => recordsAt(body, 'code.deeper')).toThrow(/nothing at/);
  });

  it('infers fields in order of first appearance', () => {
    const fields = inferFields(recordsAt(body, 'data.items'));
    expect(fields.map((f) => [f.name, f.normalizedType, f.nullable])).toEqual([
      ['id', 'int', false],
      ['name', 'char', false],
      ['extra', 'bool', true],
    ]);
  });
});
