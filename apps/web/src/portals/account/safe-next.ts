/** A `next` parameter when it is a path on this site (never another origin, so login cannot be an open redirect). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login') || next.startsWith('/account/password')) return null;
  return next;
}
