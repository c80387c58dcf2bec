/**
 * The canonical parts of a gateway request signature (contracts §3), shared by the server's verifier
 * and the browser's signer; each side brings its own SM3 and HMAC.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `%XX` encoding of every UTF-8 byte outside A–Z a–z 0–9 - _ . ~ (upper-case hex). A lone surrogate
 * is encoded as U+FFFD, as a UTF-8 encoder writes it.
 */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD')).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Decodes a query component as a form would (`+` is a space); a malformed escape stays as written. */
function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Orders encoded name–value pairs by name, then value. */
export const byNameThenValue = ([an, av]: readonly [string, string], [bn, bv]: readonly [string, string]) =>
  an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0;

/** The canonical query: decoded, re-encoded, sorted by name then value, joined by `&`. */
export function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  return rawQuery
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [encodeRfc3986(decodeComponent(name)), encodeRfc3986(decodeComponent(value))] as const;
    })
    .sort(byNameThenValue)
    .map(([n, v]) => `${n}=${v}`)
    .join('&');
}

/** The seven-line string to sign, given the hex hash of the body. */
export function signingText(parts: {
  method: string;
  url: string;
  bodyHash: string;
  key: string;
  timestamp: string;
  nonce: string;
}): string {
  const at = parts.url.indexOf('?');
  const path = at < 0 ? parts.url : parts.url.slice(0, at);
  const query = at < 0 ? '' : parts.url.slice(at + 1);
  return [parts.method.toUpperCase(), path, canonicalQuery(query), parts.bodyHash, parts.key, parts.timestamp, parts.nonce].join('\n');
}
