import type { ExchangeJob } from '@/features/exchange/use-exchange-jobs';

type JobColumn = ExchangeJob['columns'][number];

/** Column types a return flow's region column may have (jobs.service.ts): a division code or an ID number is text. */
const REGION_TYPES = ['char', 'text'];

/** The digits a region prefix is made of, as the contracts' schema takes them. */
export const REGION_PREFIX = /^\d{2,12}$/;

/**
 * A division code's significant digits, the prefix a return flow uses by default (divisionPrefix in
 * jobs.service.ts): 320100 → 3201, 320000 → 32, 320102 → 320102. Rows of 南京市 have codes and ID numbers
 * starting with 3201.
 */
export function divisionPrefix(code: string): string {
  let prefix = code.trim();
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

/** The columns of a store table a region can be read from: text ones. */
export function regionColumns(columns: readonly JobColumn[]): JobColumn[] {
  return columns.filter((c) => REGION_TYPES.includes(c.type));
}

/** Names that say a column holds a division code (区划代码) or an ID number (身份证号), most telling first. */
const REGION_NAMES = [/xzqh|qhdm|division|region|area_?code|district/i, /sfz|id_?card|id_?no|zjhm|cert_?no/i];

/** The text column a region is most likely read from, by its name; undefined when no name tells. */
export function guessRegionColumn(columns: readonly JobColumn[]): string | undefined {
  const candidates = regionColumns(columns);
  for (const pattern of REGION_NAMES) {
    const found = candidates.find((c) => pattern.test(c.name));
    if (found) return found.name;
  }
  return undefined;
}
