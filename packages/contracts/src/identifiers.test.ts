import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divisionLevel, isValidCitizenId, isValidDivisionCode, isValidUscc, orgCodeCheckChar, usccCheckChar } from './identifiers';
import { passwordPolicyViolation } from './identity';

/** GB 32100 charset and weights, written out again so the tests do not trust the code under test. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const usccSum = (first17: string) => [...first17].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i]!, 0);

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const orgSum = (first8: string) => [...first8].reduce((s, ch, i) => s + parseInt(ch, 36) * ORG_WEIGHTS[i]!, 0);

/** ISO 7064 MOD 11-2 check of a 17-digit citizen ID body. */
function citizenCheck(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * (2 ** (17 - i) % 11), 0);
  return '10X98765432'[sum % 11]!;
}

const KNOWN_USCC = ['11100000000013338W', '91610800064834709T', '11370800MB28559184'];

describe('统一社会信用代码 (GB 32100)', () => {
  it.each(KNOWN_USCC)('accepts the published code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it.each(KNOWN_USCC)('refuses every single-character change of %s', (code) => {
    let mutations = 0;
    for (let i = 0; i < 18; i++) {
      for (const ch of USCC_CHARS) {
        if (ch === code[i]) continue;
        const mutated = code.slice(0, i) + ch + code.slice(i + 1);
        expect(isValidUscc(mutated), mutated).toBe(false);
        mutations++;
      }
    }
    expect(mutations).toBe(18 * 30);
  });

  it('refuses the letters I, O, S, V and Z anywhere, lower case, and wrong lengths', () => {
    const code = KNOWN_USCC[1]!;
    for (const letter of 'IOSVZ') {
      for (let i = 0; i < 18; i++) expect(isValidUscc(code.slice(0, i) + letter + code.slice(i + 1))).toBe(false);
      expect(usccCheckChar(letter + code.slice(1, 17))).toBeNull();
    }
    expect(isValidUscc(code.toLowerCase())).toBe(false);
    expect(isValidUscc(code.slice(0, 17))).toBe(false);
    expect(isValidUscc(`${code}0`)).toBe(false);
    expect(isValidUscc(` ${code}`)).toBe(false);
    expect(usccCheckChar(code.slice(0, 16))).toBeNull();
  });

  it("maps a sum that is a multiple of 31 to the check character '0', not past the charset", () => {
    let body: string | undefined;
    for (let n = 0; n < 100_000 && !body; n++) {
      const candidate = `91320000${String(n).padStart(9, '0')}`;
      if (usccSum(candidate) % 31 === 0) body = candidate;
    }
    expect(body).toBeDefined();
    expect(usccCheckChar(body!)).toBe('0');
    expect(isValidUscc(`${body}0`)).toBe(true);
    expect(isValidUscc(`${body}Y`)).toBe(false);
  });

  it('gives every random body exactly one valid 18th character', () => {
    const body = fc.string({ unit: fc.constantFrom(...USCC_CHARS), minLength: 17, maxLength: 17 });
    fc.assert(
      fc.property(body, fc.constantFrom(...USCC_CHARS), (first17, other) => {
        const check = usccCheckChar(first17);
        expect(check).not.toBeNull();
        expect(USCC_CHARS.indexOf(check!)).toBe((31 - (usccSum(first17) % 31)) % 31);
        expect(isValidUscc(first17 + check)).toBe(true);
        if (other !== check) expect(isValidUscc(first17 + other)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('组织机构代码 (GB 11714)', () => {
  it('agrees with the organisation codes inside published credit codes', () => {
    expect(orgCodeCheckChar('06483470')).toBe('9');
    expect(orgCodeCheckChar('MB285591')).toBe('8');
  });

  it("writes a check of 10 as 'X' and of 11 as '0'", () => {
    const bodies = Array.from({ length: 200 }, (_, n) => `D${String(n).padStart(7, '0')}`);
    const ten = bodies.find((b) => orgSum(b) % 11 === 1);
    const eleven = bodies.find((b) => orgSum(b) % 11 === 0);
    expect(ten && eleven).toBeTruthy();
    expect(orgCodeCheckChar(ten!)).toBe('X');
    expect(orgCodeCheckChar(eleven!)).toBe('0');
    for (const b of bodies) {
      const check = 11 - (orgSum(b) % 11);
      expect(orgCodeCheckChar(b)).toBe(check === 10 ? 'X' : check === 11 ? '0' : String(check));
    }
  });

  it('refuses bodies of the wrong length or with other characters', () => {
    expect(orgCodeCheckChar('0648347')).toBeNull();
    expect(orgCodeCheckChar('064834709')).toBeNull();
    expect(orgCodeCheckChar('0648347a')).toBeNull();
    expect(orgCodeCheckChar('0648-470')).toBeNull();
  });
});

describe('公民身份号码 (GB 11643)', () => {
  it('accepts the published example with an X check', () => {
    expect(isValidCitizenId('11010519491231002X')).toBe(true);
  });

  it('refuses every wrong check character, and a lower-case x', () => {
    for (const ch of '0123456789') expect(isValidCitizenId(`11010519491231002${ch}`)).toBe(false);
    expect(isValidCitizenId('11010519491231002x')).toBe(false);
  });

  it('refuses dates that do not exist, even with a correct check digit', () => {
    const withCheck = (first17: string) => first17 + citizenCheck(first17);
    expect(isValidCitizenId(withCheck('32010220000229001'))).toBe(true);
    expect(isValidCitizenId(withCheck('32010220000230001'))).toBe(false);
    expect(isValidCitizenId(withCheck('32010219000229001'))).toBe(false);
    expect(isValidCitizenId(withCheck('32010219991301001'))).toBe(false);
    expect(isValidCitizenId(withCheck('32010219990100001'))).toBe(false);
    expect(isValidCitizenId(withCheck('32010219990431001'))).toBe(false);
  });

  it('refuses an unknown province, other lengths and letters', () => {
    const first17 = '99010519491231002';
    expect(isValidCitizenId(first17 + citizenCheck(first17))).toBe(false);
    expect(isValidCitizenId('11010519491231002')).toBe(false);
    expect(isValidCitizenId('110105194912310')).toBe(false);
    expect(isValidCitizenId('1101051949123100AX')).toBe(false);
  });
});

describe('行政区划代码 (GB/T 2260)', () => {
  it.each(['110000', '320000', '320100', '320102', '650000', '710000', '810000', '820000'])('accepts %s', (code) => {
    expect(isValidDivisionCode(code)).toBe(true);
  });

  it.each(['000000', '100000', '660000', '700000', '830000', '32000', '3200000', '32000a', ''])('refuses %j', (code) => {
    expect(isValidDivisionCode(code)).toBe(false);
  });

  it('names the level a code denotes', () => {
    expect(divisionLevel('320000')).toBe('province');
    expect(divisionLevel('320100')).toBe('city');
    expect(divisionLevel('320102')).toBe('county');
    expect(divisionLevel('429004')).toBe('county');
  });
});

describe('password policy', () => {
  it('needs at least 10 and at most 128 characters', () => {
    expect(passwordPolicyViolation('Ab1#efghi')).toBe('too_short');
    expect(passwordPolicyViolation('Ab1#efghij')).toBeNull();
    expect(passwordPolicyViolation(`Ab1#${'x'.repeat(124)}`)).toBeNull();
    expect(passwordPolicyViolation(`Ab1#${'x'.repeat(125)}`)).toBe('too_long');
  });

  it('needs three of upper case, lower case, digits and symbols', () => {
    expect(passwordPolicyViolation('abcdefghij')).toBe('too_few_classes');
    expect(passwordPolicyViolation('abcdefgh12')).toBe('too_few_classes');
    expect(passwordPolicyViolation('ABCDEFGH#$')).toBe('too_few_classes');
    expect(passwordPolicyViolation('Abcdefgh12')).toBeNull();
    expect(passwordPolicyViolation('abcdefgh1#')).toBeNull();
    expect(passwordPolicyViolation('ABCDEFGH1#')).toBeNull();
    expect(passwordPolicyViolation('密码密码密码密码Ab')).toBeNull();
  });

  it('refuses a password that contains the login, in any case', () => {
    expect(passwordPolicyViolation('X#1zhangsan2026', 'ZhangSan')).toBe('contains_login');
    expect(passwordPolicyViolation('X#1ZHANGSAN2026', 'zhangsan')).toBe('contains_login');
    expect(passwordPolicyViolation('X#1lisi-2026abc', 'zhangsan')).toBeNull();
    // Logins shorter than three characters would forbid too much.
    expect(passwordPolicyViolation('X#1ab-2026xyz', 'ab')).toBeNull();
  });
});
