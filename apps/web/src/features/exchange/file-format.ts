const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A size in bytes as people read it: `512 B`, `1.5 MB`, `8 MB` (powers of 1024). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 100 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${UNITS[unit]}`;
}

/** An SM3 shortened for a table cell: its first and last 8 characters. */
export const shortSm3 = (sm3: string) => (sm3.length > 20 ? `${sm3.slice(0, 8)}…${sm3.slice(-8)}` : sm3);
