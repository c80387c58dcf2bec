/**
 * The one place where the two engines are made to agree on value types: both return int8 and
 * numeric counts as JS numbers (ids and counts stay far below 2^53), timestamps as Date, and
 * `date` as a plain 'YYYY-MM-DD' string (pg would shift it into the local time zone).
 */
export const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

export const parseInt8 = (value: string): number => Number(value);
export const parseNumeric = (value: string): number => Number(value);
export const parseDate = (value: string): string => value;
