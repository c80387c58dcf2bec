import { toHalfWidth, type CatalogEntryContent } from '@shuyuan/contracts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /\p{Script=Han}/u;

/** Characters that would break a tsquery lexeme; the words we keep never need them. */
const UNSAFE = /[&|!():*'"\\<>\s]/g;

/**
 * The words of a text as PostgreSQL's `simple` configuration should index them: cut by
 * `Intl.Segmenter('zh')`, width-normalised and lower-cased; a Chinese word of three or more characters
 * also yields its two-character pieces, so `参保信息` is found by `参保` and by `保信`.
 */
export function indexWords(text: string): string[] {
  const words: string[] = [];
  for (const word of cutWords(text)) {
    words.push(word);
    if (CJK.test(word) && word.length >= 3) for (let i = 0; i + 2 <= word.length; i++) words.push(word.slice(i, i + 2));
  }
  return words;
}

/** A function of a text remembered for the last `size` texts (the oldest forgotten first). */
function remembered<T>(size: number, compute: (text: string) => T): (text: string) => T {
  const recent = new Map<string, T>();
  return (text) => {
    let value = recent.get(text);
    if (value === undefined) {
      value = compute(text);
      if (recent.size >= size) recent.delete(recent.keys().next().value!);
      recent.set(text, value);
    }
    return value;
  };
}

/**
 * The words of a search query, cut like the index (without the extra pieces); the same array for the
 * same text, as people search for the same words again and again.
 */
export const queryWords: (text: string) => readonly string[] = remembered(1_000, (text) => cutWords(text));

function cutWords(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(toHalfWidth(text).toLowerCase())) {
    if (!isWordLike) continue;
    // `id_card_no` is one word to the segmenter but three to PostgreSQL's parser: split it as PostgreSQL
    // does, so that the query words are the tokens the index holds, in memory and in SQL alike.
    for (const part of segment.split('_')) {
      const word = part.replace(UNSAFE, '');
      if (word) words.push(word);
    }
  }
  return words;
}

/**
 * A `to_tsquery('simple', …)` text that matches entries holding every query word, each as a prefix
 * (so a partial last word still matches). Null when the query has no words.
 */
export function toTsQuery(text: string): string | null {
  const words = [...new Set(queryWords(text))];
  if (words.length === 0) return null;
  return words.map((w) => `${w}:*`).join(' & ');
}

/** The weighted parts of an entry's search document: name A, tags and items B, summary C, department D. */
export interface SearchDocument {
  a: string;
  b: string;
  c: string;
  d: string;
}

/** Short texts (item names, tags, department names) a catalog repeats endlessly, segmented once. */
const SHORT_PART = 64;
const shortWords = remembered(20_000, (text) => indexWords(text).join(' '));

/** The index words of a text, joined by spaces; remembered for short texts. */
function joinedWords(text: string): string {
  return text.length > SHORT_PART ? indexWords(text).join(' ') : shortWords(text);
}

/**
 * The text an entry is found by, segmented and weighted. Tags and items are segmented one by one: a
 * space always ends a word, so that is what segmenting them joined by spaces would give.
 */
export function searchDocument(content: CatalogEntryContent, departmentName: string): SearchDocument {
  const parts = [...content.tags, ...content.items.flatMap((i) => [i.name, i.nameEn ?? ''])];
  return {
    a: joinedWords(content.name),
    b: parts
      .map(joinedWords)
      .filter((w) => w !== '')
      .join(' '),
    c: joinedWords(content.summary),
    d: joinedWords(departmentName),
  };
}

/** A piece of highlighted text: `match` pieces are the ones the query found. */
export interface TextPiece {
  text: string;
  match: boolean;
}

/**
 * Cuts a text into pieces marking every occurrence of the query's words (case- and width-insensitive),
 * for the UI to render as `<mark>`: never HTML, so nothing in an entry can inject markup.
 */
export function highlight(text: string, query: string): TextPiece[] {
  const words = [...new Set(queryWords(query))].sort((x, y) => y.length - x.length);
  if (words.length === 0 || !text) return [{ text, match: false }];
  const folded = toHalfWidth(text).toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) marked.fill(true, at, at + word.length);
  }
  const pieces: TextPiece[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = pieces[pieces.length - 1];
    if (last && last.match === marked[i]) last.text += text[i];
    else pieces.push({ text: text[i]!, match: marked[i]! });
  }
  return pieces;
}
