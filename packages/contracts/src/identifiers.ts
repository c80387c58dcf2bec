/** Check-digit validators for Chinese identifiers (GB 32100, GB 11714, GB/T 2260, GB 11643). */

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Computes the 18th character of a 统一社会信用代码 from its first 17, or null when one is outside the charset. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return USCC_CHARSET[check === 31 ? 0 : check] ?? null;
}

/** Computes the check character of a GB 11714 organisation code from its first 8 characters. */
export function orgCodeCheckChar(first8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(first8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8.charCodeAt(i);
    const value = ch <= 57 ? ch - 48 : ch - 55;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** True when the value is an 18-character 统一社会信用代码 with a correct check digit. */
export function isValidUscc(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  return usccCheckChar(value.slice(0, 17)) === value[17];
}

/** True when the value has the shape of a GB/T 2260 six-digit division code. */
export function isValidDivisionCode(value: string): boolean {
  if (!/^\d{6}$/.test(value)) return false;
  const province = Number(value.slice(0, 2));
  const valid = (province >= 11 && province <= 65) || province === 71 || province === 81 || province === 82;
  return valid;
}

/** True when the value is an 18-character 公民身份号码 with a real birth date and a correct check digit. */
export function isValidCitizenId(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  if (!isValidDivisionCode(value.slice(0, 6))) return false;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === value[17];
}

/** The administrative level a division code denotes: province (xx0000), city (xxxx00) or county. */
export function divisionLevel(code: string): 'province' | 'city' | 'county' {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}
