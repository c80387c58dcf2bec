import { describe, expect, it } from 'vitest';
import { cascadeEn, cascadeZh } from './cascade-messages';
import { catalogCodeEn, catalogCodeZh } from './catalog-code-messages';
import { catalogConsoleEn, catalogConsoleZh } from './catalog-console-messages';
import { catalogImportEn, catalogImportZh } from './catalog-import-messages';
import { catalogEn, catalogZh } from './catalog-messages';
import { commonEn, commonZh } from './common-messages';
import { credentialEn, credentialZh } from './credential-messages';
import { identityEn, identityZh } from './identity-messages';
import { mountEn, mountZh } from './mount-messages';
import { portalEn, portalZh } from './portal-messages';
import { sourcesEn, sourcesZh } from './sources-messages';

const parts = [
  ['common', commonZh, commonEn],
  ['portal', portalZh, portalEn],
  ['identity', identityZh, identityEn],
  ['credential', credentialZh, credentialEn],
  ['sources', sourcesZh, sourcesEn],
  ['mount', mountZh, mountEn],
  ['cascade', cascadeZh, cascadeEn],
  ['catalog', catalogZh, catalogEn],
  ['catalogConsole', catalogConsoleZh, catalogConsoleEn],
  ['catalogImport', catalogImportZh, catalogImportEn],
  ['catalogCode', catalogCodeZh, catalogCodeEn],
] as const;

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
