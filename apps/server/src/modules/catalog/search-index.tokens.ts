/** How the search index reads a tsvector's text and cuts names into pg_trgm's trigrams. */

/** pg_trgm's default `similarity_threshold`, the bar of `%`. */
export const SIMILARITY_THRESHOLD = 0.3;
/** Trigram tokens sort apart from words: no word of a tsvector starts with a control character. */
export const TRIGRAM = '\u0001';
const TRIGRAM_WORD = /[\p{L}\p{N}]+/gu;

/**
 * The distinct trigrams of a text as pg_trgm makes them: lower-cased, cut into words of letters and
 * digits, each padded with two spaces before and one after.
 */
export function trigramsOf(text: string): string[] {
  const trigrams = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(TRIGRAM_WORD)) {
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= chars.length; i++) trigrams.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  }
  return [...trigrams];
}

/** ts_rank_cd's default weights of D, C, B, A, by the letter's code. */
const WEIGHT: Record<number, number> = { 65: 1, 66: 0.4, 67: 0.2, 68: 0.1 };
const QUOTE = 39;
const BACKSLASH = 92;
const COLON = 58;
const SPACE = 32;

/**
 * The tokens of a `tsvector` text (`'token':1A,2B 'other':3`) with a score each: the sum of the weights
 * of its positions, which is what `ts_rank_cd` gives a one-word query (every position is a cover of its own).
 */
export function parseVector(text: string): Map<string, number> {
  const tokens = new Map<string, number>();
  let at = 0;
  while (at < text.length) {
    if (text.charCodeAt(at) !== QUOTE) {
      at++;
      continue;
    }
    let token = '';
    let from = ++at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (Number.isNaN(c)) break;
      if (c === BACKSLASH) {
        token += text.slice(from, at);
        from = ++at;
        at++;
      } else if (c === QUOTE && text.charCodeAt(at + 1) === QUOTE) {
        token += text.slice(from, at + 1);
        at += 2;
        from = at;
      } else if (c === QUOTE) break;
      else at++;
    }
    token += text.slice(from, at++);
    let score = 0;
    if (text.charCodeAt(at) === COLON) {
      for (at++; at < text.length && text.charCodeAt(at) !== SPACE; at++) {
        const c = text.charCodeAt(at);
        if (c === 44 /* , */) score += 0.1;
        else if (c >= 65) score += WEIGHT[c]! - 0.1;
      }
      score += 0.1; // the last position (each ',' closed one, counted as D until a letter said otherwise)
    }
    tokens.set(token, (tokens.get(token) ?? 0) + score);
  }
  return tokens;
}
