/** One value in PostgreSQL's COPY text format: \N for null, backslash escapes for the separators. */
export function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  if (!/[\\\t\n\r]/.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Rows as COPY text: one line per row, values separated by tabs, `extra` (when given) appended to each. */
export function copyText(rows: readonly (readonly (string | null)[])[], extra?: string): string {
  let out = '';
  for (const row of rows) {
    out += row.map(copyValue).join('\t');
    if (extra !== undefined) out += `\t${copyValue(extra)}`;
    out += '\n';
  }
  return out;
}
