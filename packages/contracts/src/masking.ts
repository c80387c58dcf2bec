import { z } from 'zod';

/**
 * Masks applied to a field on the way out of the gateway: Apache Ranger's set plus the Chinese patterns
 * of Hutool's DesensitizedUtil (domain reference §4). Partial masks hide with '*'.
 */
export const MaskType = z.enum([
  /** Not masked. */
  'none',
  /** Ranger MASK: a–z → x, A–Z → X, 0–9 → n, other ASCII kept, every other character → '*'. */
  'redact',
  /** Keep the last 4 characters. */
  'show_last_4',
  /** Keep the first 4 characters. */
  'show_first_4',
  /** Pseudonym: HMAC-SM3 of the value under the platform's pseudonym key, lower-case hex. */
  'hash',
  /** Replace by null. */
  'null',
  /** Keep only the year of a date or timestamp. */
  'date_show_year',
  /** 姓名: keep the first character. */
  'name',
  /** 身份证号: keep the first 6 (division code) and the last 4. */
  'id_card_6_4',
  /** ID number: keep the first and the last character. */
  'id_card_1_1',
  /** 手机号: keep the first 3 and the last 4. */
  'mobile',
  /** 固定电话: keep the first 4 and the last 2. */
  'landline',
  /** 地址: hide the last 8 characters. */
  'address',
  /** 银行卡号: keep the first 4 and the last 4, grouped by 4. */
  'bank_card',
  /** E-mail: keep the first character of the local part and the domain. */
  'email',
  /** 车牌号: keep the first 3 and the last 1. */
  'plate',
]);
export type MaskType = z.infer<typeof MaskType>;

/** Chinese and English labels of each mask type, for the console. */
export const maskLabels: Record<MaskType, [zh: string, en: string]> = {
  none: ['不脱敏', 'None'],
  redact: ['字符遮盖', 'Redact'],
  show_last_4: ['仅显示后4位', 'Show last 4'],
  show_first_4: ['仅显示前4位', 'Show first 4'],
  hash: ['哈希假名（HMAC-SM3）', 'Hash pseudonym (HMAC-SM3)'],
  null: ['置空', 'Nullify'],
  date_show_year: ['仅显示年份', 'Date: show only year'],
  name: ['姓名（保留首字）', 'Name (keep first character)'],
  id_card_6_4: ['身份证号（前6后4）', 'ID number (first 6, last 4)'],
  id_card_1_1: ['身份证号（首尾各1位）', 'ID number (first 1, last 1)'],
  mobile: ['手机号（前3后4）', 'Mobile (first 3, last 4)'],
  landline: ['固定电话（前4后2）', 'Landline (first 4, last 2)'],
  address: ['地址（隐藏后8位）', 'Address (hide last 8)'],
  bank_card: ['银行卡号（前4后4）', 'Bank card (first 4, last 4)'],
  email: ['电子邮箱（保留首字符）', 'E-mail (keep first character)'],
  plate: ['车牌号（前3后1）', 'Licence plate (first 3, last 1)'],
};

/**
 * The mask a field comes out with (contracts §5): the grant's mask for it, else the field's declared
 * default, else `redact` for a sensitive field and `none` otherwise. The gateway applies it; the portals show it.
 */
export function effectiveMask(opts: {
  sensitive: boolean;
  fieldDefault: MaskType | null | undefined;
  grantMask: MaskType | undefined;
}): MaskType {
  return opts.grantMask ?? opts.fieldDefault ?? (opts.sensitive ? 'redact' : 'none');
}
