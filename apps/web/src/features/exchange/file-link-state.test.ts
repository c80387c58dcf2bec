import { describe, expect, it } from 'vitest';
import { linkState } from './file-link-state';

const link = { live: true, revokedAt: null, downloads: 0, maxDownloads: null };

describe('linkState', () => {
  it.each([
    ['a live link', link, 'active'],
    ['a live link with downloads left', { ...link, downloads: 1, maxDownloads: 2 }, 'active'],
    ['a withdrawn link, even with downloads left', { ...link, live: false, revokedAt: '2026-11-21T08:00:00.000Z' }, 'revoked'],
    ['a link out of downloads', { ...link, live: false, downloads: 2, maxDownloads: 2 }, 'usedUp'],
    ['a link past its time', { ...link, live: false, downloads: 1, maxDownloads: 2 }, 'expired'],
    ['a link past its time with any number of downloads', { ...link, live: false, downloads: 9 }, 'expired'],
  ] as const)('says %s is %s', (_, value, expected) => {
    expect(linkState(value)).toBe(expected);
  });
});
