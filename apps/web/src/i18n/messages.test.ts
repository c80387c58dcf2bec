import { describe, expect, it } from 'vitest';
import { messageParts as parts } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('defines each key in one file only, so no text silently replaces another', () => {
    const seen = new Map<string, string>();
    for (const [name, zh] of parts) {
      for (const key of Object.keys(zh)) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });

  it('has the same placeholders and a non-empty text in both languages', () => {
    for (const [, zh, en] of parts) {
      for (const [key, text] of Object.entries(zh)) {
        const english = (en as Record<string, string>)[key] ?? '';
        expect(english.trim(), key).not.toBe('');
        expect(placeholders(english), key).toEqual(placeholders(text));
      }
    }
  });
});
