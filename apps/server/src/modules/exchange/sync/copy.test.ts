import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyBatchOf, firstRow, lastRow, mapColumns } from './copy';

/** Values as a source may hold them: separators, escapes, a literal `\N`, CJK, null. */
const value = fc.oneof(
  fc.constant(null),
  fc.constant('\\N'),
  fc.string({ unit: fc.constantFrom('a', '值', '\t', '\n', '\r', '\\', 'N', ' ', '😀') }),
);

describe('mapColumns', () => {
  it('equals masking the values then writing the rows again, for any rows, columns and change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.record({
            rows: fc.array(fc.array(value, { minLength: width, maxLength: width }), { maxLength: 30 }),
            columns: fc.subarray([...Array(width).keys()]),
            grow: fc.integer({ min: 0, max: 40 }),
          }),
        ),
        ({ rows, columns, grow }) => {
          // A change that lengthens values (past the buffer's slack), escapes what it adds, or nulls.
          const change = (i: number, v: string | null) =>
            v === null ? `\t${i}` : v.length % 3 === 2 ? null : `${i}:${v}${'长'.repeat(grow)}`;
          const expected = rows.map((row) => row.map((v, i) => (columns.includes(i) ? change(i, v) : v)));
          const mapped = mapColumns(copyBatchOf(rows), columns, change);
          expect(mapped.rows).toBe(rows.length);
          expect(mapped.data.equals(copyBatchOf(expected).data)).toBe(true);
          if (rows.length) {
            expect(firstRow(mapped)).toEqual(expected[0]);
            expect(lastRow(mapped)).toEqual(expected.at(-1));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns the batch itself when no column is masked', () => {
    const batch = copyBatchOf([['a', null]]);
    expect(mapColumns(batch, [], () => 'x')).toBe(batch);
  });
});
