import { createHmac } from 'node:crypto';
import { MaskType } from '@shuyuan/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MaskError, compileMasks, effectiveMask, maskValue } from './masking';

const KEY = Buffer.alloc(32, 7);
const ID = '11010519491231002X';

/** HMAC-SM3 straight from node, so the expected pseudonyms do not trust the code under test. */
const hmacHex = (text: string, key: Buffer = KEY) => createHmac('sm3', key).update(text).digest('hex');
const codePoints = (s: string) => Array.from(s).length;

// Examples from domain-reference §4 (Hutool DesensitizedUtil) and Ranger's MASK.
const cases: [MaskType, unknown, unknown][] = [
  ['none', '段正淳', '段正淳'],
  ['none', 42, 42],
  ['none', { nested: true }, { nested: true }],
  ['null', '段正淳', null],
  ['null', 0, null],
  ['redact', 'Abc-123 z', 'Xxx-nnn x'],
  ['redact', '段正淳', '***'],
  ['redact', '北京市海淀区1号', '******n*'],
  ['redact', '１８０', '***'],
  ['redact', 'Ärger', '*xxxx'],
  ['redact', '𠀀a', '*x'],
  ['redact', 'ئابدۇرېھىم', '**********'],
  ['redact', 12345, 'nnnnn'],
  ['redact', true, 'xxxx'],
  ['redact', '', ''],
  ['show_last_4', '18012341999', '*******1999'],
  ['show_last_4', 123456, '**3456'],
  ['show_last_4', '𠀀𠀁𠀂𠀃𠀄', '*𠀁𠀂𠀃𠀄'],
  ['show_last_4', 'abcd', '****'],
  ['show_first_4', ID, '1101**************'],
  ['show_first_4', '段正淳', '***'],
  ['hash', ID, hmacHex(ID)],
  ['hash', 123, hmacHex('123')],
  ['hash', '段正淳', hmacHex('段正淳')],
  ['hash', new Date('2024-05-06T10:00:00Z'), hmacHex('2024-05-06T10:00:00.000Z')],
  ['date_show_year', '2024-05-06', '2024'],
  ['date_show_year', '2024-02-29', '2024'],
  ['date_show_year', new Date('2024-05-06T10:00:00Z'), '2024'],
  ['date_show_year', '2024-05-06T10:00:00Z', '2024'],
  ['date_show_year', '2024-05-06 10:00:00.123456+08', '2024'],
  ['date_show_year', '2024-12-31T20:00:00Z', '2025'], // already 2025 in Shanghai
  ['date_show_year', new Date('2024-12-31T16:00:00Z'), '2025'],
  ['date_show_year', new Date('2024-12-31T15:59:59Z'), '2024'],
  ['date_show_year', '2025-01-01T00:30:00+08:00', '2025'],
  ['date_show_year', '2024-12-31T23:30:00-0500', '2025'],
  ['date_show_year', '2024-12-31T23:30:00', '2024'], // no offset: as written
  ['name', '段正淳', '段**'],
  ['name', '段', '*'],
  ['name', '欧阳锋', '欧**'],
  ['name', '阿依古丽·买买提', '阿*******'],
  ['name', '𠀀明', '𠀀*'],
  ['id_card_6_4', ID, '110105********002X'],
  ['id_card_6_4', '110105491231002', '110105*****1002'],
  ['id_card_6_4', '1101050002', '**********'],
  ['id_card_1_1', ID, '1****************X'],
  ['id_card_1_1', '5X', '**'],
  ['mobile', '18012341999', '180****1999'],
  ['mobile', 18012341999, '180****1999'],
  ['landline', '09151234579', '0915*****79'],
  ['landline', '0915-1234579', '0915******79'],
  ['address', '北京市海淀区马连洼街道288号', '北京市海淀区马********'],
  ['address', '海淀区马连洼街道', '********'],
  ['address', '海淀区', '***'],
  ['bank_card', '11011234567890123256', '1101 **** **** **** 3256'],
  ['bank_card', '6222021234567890', '6222 **** **** 7890'],
  ['bank_card', '6222 0212 3456 7890', '6222 **** **** 7890'],
  ['bank_card', '6222-0212-3456-7890', '6222 **** **** 7890'],
  ['bank_card', '6222021234567890123', '6222 **** **** ***0 123'],
  ['bank_card', '12345678', '**** ****'],
  ['email', 'duan@example.com', 'd****@example.com'],
  ['email', 'a@x.cn', '****@x.cn'],
  ['email', '"a@b"@example.com', '"****@example.com'],
  ['email', '段誉@例子.中国', '段****@例子.中国'],
  ['email', 'no-at-sign', '**********'],
  ['plate', '苏D45670', '苏D4***0'],
  ['plate', '苏DD12345', '苏DD****5'],
  ['plate', '京A12', '****'],
];

describe('maskValue', () => {
  it.each(cases)('%s of %j is %j', (type, input, expected) => {
    expect(maskValue(type, input, KEY)).toEqual(expected);
  });

  it('covers every mask type in the table', () => {
    expect(new Set(cases.map(([type]) => type))).toEqual(new Set(MaskType.options));
  });

  it('passes values through "none" untouched, but undefined becomes null', () => {
    const value = { a: 1 };
    expect(maskValue('none', value, KEY)).toBe(value);
    expect(maskValue('none', undefined, KEY)).toBeNull();
  });
});

describe('MaskError: masks fail closed', () => {
  const structures: [string, unknown][] = [
    ['an object', { id: ID }],
    ['an array', [ID]],
    ['a buffer', Buffer.from(ID)],
    ['a symbol', Symbol(ID)],
    ['a function', () => ID],
    ['an invalid Date', new Date(Number.NaN)],
  ];
  const refusing = MaskType.options.filter((type) => type !== 'none' && type !== 'null');

  it.each(structures)('refuses %s under every mask but none and null', (_, value) => {
    for (const type of refusing) {
      expect(() => maskValue(type, value, KEY), type).toThrow(MaskError);
      try {
        maskValue(type, value, KEY);
      } catch (error) {
        expect((error as MaskError).type).toBe(type);
        expect((error as MaskError).reason).toBe(type === 'date_show_year' ? 'not_a_date' : 'not_a_scalar');
      }
    }
  });

  it.each([
    'not a date',
    '',
    ' 2024-05-06',
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-05-06T24:00:00',
    '2024-05-06T10:60',
    '2024-05-06T10:00:00+25:00',
    '2024-05-06Z',
    '06/05/2024',
    '20240506',
    20240506,
    1714989600000,
    true,
    new Date(Number.NaN),
    new Date(Date.UTC(10000, 0, 1)),
  ])('refuses %j as a date', (value) => {
    expect(() => maskValue('date_show_year', value, KEY)).toThrow(
      expect.objectContaining({ type: 'date_show_year', reason: 'not_a_date' }),
    );
  });

  it('refuses a mask type it does not know', () => {
    expect(() => maskValue('partial' as MaskType, 'x', KEY)).toThrow(expect.objectContaining({ reason: 'unknown_mask' }));
    expect(() => maskValue('constructor' as MaskType, 'x', KEY)).toThrow(MaskError);
  });

  it('refuses to hash under a short key', () => {
    expect(() => maskValue('hash', ID, Buffer.alloc(15))).toThrow(expect.objectContaining({ reason: 'weak_key' }));
    expect(() => maskValue('hash', ID, Buffer.alloc(0))).toThrow(MaskError);
  });

  it('never puts the value in the message', () => {
    const error = (() => {
      try {
        compileMasks(['id'], { id: 'date_show_year' }, KEY)({ id: ID });
      } catch (e) {
        return e as MaskError;
      }
    })();
    expect(error).toBeInstanceOf(MaskError);
    expect(error?.field).toBe('id');
    expect(error?.message).toContain("'id'");
    expect(error?.message).not.toContain(ID);
  });
});

/** An 18-character citizen ID shape: 17 digits and a check character. */
const citizenId = fc
  .tuple(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 17, maxLength: 17 }), fc.constantFrom(...'0123456789X'))
  .map(([body, check]) => body + check);
const anyText = fc.string({ unit: 'binary', maxLength: 40 });

/** Partial masks as [type, code points kept at the front, at the back]. */
const partial: [MaskType, number, number][] = [
  ['show_first_4', 4, 0],
  ['show_last_4', 0, 4],
  ['name', 1, 0],
  ['mobile', 3, 4],
  ['landline', 4, 2],
  ['id_card_6_4', 6, 4],
  ['id_card_1_1', 1, 1],
  ['plate', 3, 1],
];

describe('properties', () => {
  it('never shows the hidden middle of an ID number', () => {
    fc.assert(
      fc.property(citizenId, (id) => {
        const six = maskValue('id_card_6_4', id, KEY) as string;
        expect(six).toBe(id.slice(0, 6) + '********' + id.slice(14));
        expect(six).not.toContain(id.slice(6, 14));
        const one = maskValue('id_card_1_1', id, KEY) as string;
        expect(one).toBe(id[0] + '*'.repeat(16) + id[17]);
        for (const type of ['redact', 'show_first_4', 'show_last_4', 'address', 'bank_card'] as const) {
          expect(maskValue(type, id, KEY) as string).not.toContain(id.slice(6, 14));
        }
      }),
    );
  });

  it.each(partial)('%s keeps its ends, hides the rest and keeps the length in code points', (type, front, back) => {
    fc.assert(
      fc.property(anyText, (text) => {
        const input = Array.from(text);
        const output = Array.from(maskValue(type, text, KEY) as string);
        expect(output).toHaveLength(input.length);
        const shown = input.length > front + back;
        output.forEach((ch, i) => {
          const kept = shown && (i < front || i >= input.length - back);
          expect(ch).toBe(kept ? input[i] : '*');
        });
      }),
    );
  });

  it('hides all but the start of an address and keeps its length', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const output = maskValue('address', text, KEY) as string;
        const n = codePoints(text);
        expect(codePoints(output)).toBe(n);
        expect(output).toBe(
          Array.from(text)
            .slice(0, Math.max(0, n - 8))
            .join('') + '*'.repeat(Math.min(n, 8)),
        );
      }),
    );
  });

  it('redacts every letter, digit and non-ASCII character', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const output = maskValue('redact', text, KEY) as string;
        expect(codePoints(output)).toBe(codePoints(text));
        for (const ch of output) expect('xXn*'.includes(ch) || (ch < '\x80' && !/[A-Za-z0-9]/.test(ch)), ch).toBe(true);
      }),
    );
  });

  it('hashes deterministically under one key and differently under another', () => {
    const key = fc.uint8Array({ minLength: 16, maxLength: 64 }).map((bytes) => Buffer.from(bytes));
    fc.assert(
      fc.property(anyText, key, key, (text, a, b) => {
        fc.pre(!a.equals(b));
        const first = maskValue('hash', text, a);
        expect(first).toMatch(/^[0-9a-f]{64}$/);
        expect(maskValue('hash', text, Buffer.from(a))).toBe(first);
        expect(maskValue('hash', text, b)).not.toBe(first);
      }),
    );
  });

  it('turns null and undefined into null under every mask', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MaskType.options), fc.constantFrom(null, undefined), (type, value) => {
        expect(maskValue(type, value, KEY)).toBeNull();
      }),
    );
  });
});

describe('effectiveMask', () => {
  const policy: [sensitive: boolean, fieldDefault: MaskType | null, grantMask: MaskType | undefined, expected: MaskType][] = [
    [false, null, undefined, 'none'],
    [true, null, undefined, 'redact'],
    [false, 'mobile', undefined, 'mobile'],
    [true, 'mobile', undefined, 'mobile'],
    [true, 'none', undefined, 'none'],
    [false, null, 'hash', 'hash'],
    [true, null, 'hash', 'hash'],
    [true, 'name', 'hash', 'hash'],
    [true, 'id_card_6_4', 'id_card_1_1', 'id_card_1_1'],
    [true, 'id_card_6_4', 'none', 'none'],
    [false, 'date_show_year', 'null', 'null'],
  ];

  it.each(policy)('sensitive=%s, field default %s, grant %s → %s', (sensitive, fieldDefault, grantMask, expected) => {
    expect(effectiveMask({ sensitive, fieldDefault, grantMask })).toBe(expected);
  });
});

describe('compileMasks', () => {
  const row = { mobile: '18012341999', name: '段正淳', id: ID, secret: 'do-not-leak', born: '1949-12-31' };

  it('builds a new row of only the listed fields, in order, each masked', () => {
    const mask = compileMasks(['name', 'id', 'born', 'mobile'], { name: 'name', id: 'id_card_6_4', born: 'date_show_year' }, KEY);
    const input = { ...row };
    const out = mask(input);
    expect(Object.keys(out)).toEqual(['name', 'id', 'born', 'mobile']);
    expect(out).toEqual({ name: '段**', id: '110105********002X', born: '1949', mobile: '18012341999' });
    expect(JSON.stringify(out)).not.toContain('do-not-leak');
    expect(input).toEqual(row);
    expect(out).not.toBe(input);
  });

  it('never leaks keys that are not listed', () => {
    const fields = ['a', 'b', 'c'];
    const mask = compileMasks(fields, { a: 'redact', b: 'hash' }, KEY);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null))), (extra) => {
        const out = mask({ ...extra, a: 'x', b: 1, c: 'y' });
        expect(Object.keys(out)).toEqual(fields);
      }),
    );
  });

  it('gives null for a listed field the row lacks, including names Object.prototype has', () => {
    const mask = compileMasks(['missing', 'constructor', 'toString', '__proto__'], {}, KEY);
    const out = mask({});
    expect(Object.keys(out)).toEqual(['missing', 'constructor', 'toString', '__proto__']);
    expect(Object.values(out)).toEqual([null, null, null, null]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('writes a field named __proto__ as an own key, never as the prototype', () => {
    const mask = compileMasks(['__proto__'], JSON.parse('{"__proto__": "redact"}') as Record<string, MaskType>, KEY);
    const out = mask(JSON.parse('{"__proto__": "Abc"}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('Xxx');
  });

  it('refuses an unknown mask or a short key when compiling, naming the field', () => {
    expect(() => compileMasks(['id'], { id: 'partial' as MaskType }, KEY)).toThrow(
      expect.objectContaining({ field: 'id', reason: 'unknown_mask' }),
    );
    expect(() => compileMasks(['id'], { id: 'hash' }, Buffer.alloc(8))).toThrow(
      expect.objectContaining({ field: 'id', reason: 'weak_key' }),
    );
    expect(() => compileMasks(['id'], { id: 'hash', other: 'hash' }, KEY)).not.toThrow();
  });

  it('refuses the row when one value cannot be masked', () => {
    const mask = compileMasks(['name', 'meta'], { meta: 'redact' }, KEY);
    expect(() => mask({ name: 'x', meta: { id: ID } })).toThrow(expect.objectContaining({ field: 'meta', reason: 'not_a_scalar' }));
  });
});
