import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonReference } from './evidence-log';

describe('canonicalJson', () => {
  it('sorts keys by code unit at every level, array-index keys included, and writes no spaces', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: '值' }], 10: 'x', 2: 'y', Z: true })).toBe(
      '{"10":"x","2":"y","Z":true,"a":[{"c":"值","d":null}],"b":1}',
    );
    expect(canonicalJson({ at: new Date('2026-11-26T00:00:00Z'), gone: undefined, list: [undefined, 1] })).toBe(
      '{"at":"2026-11-26T00:00:00.000Z","list":[null,1]}',
    );
    expect(canonicalJson(JSON.parse('{"__proto__":{"b":1,"a":2},"x":1}'))).toBe('{"__proto__":{"a":2,"b":1},"x":1}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });

  it('gives the reference text for any JSON value, with dates, undefined members and awkward keys', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '2', '10', '007', '__proto__', 'toJSON', '-1', '4294967295'));
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 1 }),
      fc.date({ noInvalidDate: true }),
      fc.constant(undefined),
      fc.double(), // NaN, infinities and -0 as JSON.stringify writes them
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(key, tie('node'))),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        let expected: string | Error;
        try {
          expected = canonicalJsonReference(v);
        } catch (error) {
          expected = error as Error;
        }
        if (expected instanceof Error) expect(() => canonicalJson(v)).toThrow(expected.constructor as new () => Error);
        else expect(canonicalJson(v)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
