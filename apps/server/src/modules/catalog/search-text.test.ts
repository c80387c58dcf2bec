import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryContent } from '../../../test/catalog-fixtures';
import { highlight, indexWords, queryWords, searchDocument, toTsQuery } from './search-text';

/** Pieces a catalog's texts are made of: Chinese words, Latin words, digits, punctuation, full-width forms. */
const piece = fc.constantFrom(
  '统一社会信用代码',
  '企业名称',
  '参保',
  '信息',
  '人口基本信息',
  'ID',
  'name_en',
  'Credit Code',
  '2026',
  '（',
  '）',
  '、',
  '-',
  'ＡＢＣ',
  '１２',
  '不动产',
  '证',
);
const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));

describe('search text', () => {
  it('cuts queries width-folded and lower-cased, each distinct word a prefix in the tsquery', () => {
    expect(queryWords('ＡＢＣ 信息')).toEqual(['abc', '信息']);
    expect(queryWords('ID_Card_no')).toEqual(['id', 'card', 'no']);
    expect(toTsQuery('信息 信息')).toBe('信息:*');
  });

  it('segments tags and items one by one exactly as it would segment them joined by spaces', () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 5 }),
        fc.array(fc.tuple(text, fc.option(text, { nil: undefined })), { maxLength: 6 }),
        (tags, items) => {
          const content = entryContent({
            tags,
            items: items.map(([name, nameEn]) => ({
              name,
              ...(nameEn ? { nameEn } : {}),
              dataType: 'char' as const,
              length: 10,
              primaryKey: false,
              timestamp: false,
              sensitive: false,
            })),
          });
          const joined = [...tags, ...items.map(([name, nameEn]) => `${name} ${nameEn ?? ''}`)].join(' ');
          expect(searchDocument(content, '省人社厅').b).toBe(indexWords(joined).join(' '));
        },
      ),
    );
  });

  it('gives the same words for a query seen before (a cached cut), and highlights without markup', () => {
    expect(queryWords('企业登记信息')).toBe(queryWords('企业登记信息'));
    expect(highlight('<b>企业</b>登记', '企业')).toEqual([
      { text: '<b>', match: false },
      { text: '企业', match: true },
      { text: '</b>登记', match: false },
    ]);
  });
});
