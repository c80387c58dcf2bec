import { describe, expect, it } from 'vitest';
import { linkState } from './file-link-state';

const link = { live: true, revokedAt: null, downloads: 0, maxDownloads: null, stoppedByGrant: null };
const at = '2026-11-21T08:00:00.000Z';

describe('linkState', () => {
  it.each([
    ['a live link', link, 'active'],
    ['a live link with downloads left', { ...link, downloads: 1, maxDownloads: 2 }, 'active'],
    ['a withdrawn link, even with downloads left', { ...link, live: false, revokedAt: at }, 'revoked'],
    ['a withdrawn link whose grant ended since', { ...link, live: false, revokedAt: at, stoppedByGrant: 'ended' }, 'revoked'],
    ['a link out of downloads', { ...link, live: false, downloads: 2, maxDownloads: 2 }, 'usedUp'],
    [
      'a link out of downloads before its grant ended',
      { ...link, live: false, downloads: 2, maxDownloads: 2, stoppedByGrant: 'ended' },
      'usedUp',
    ],
    ['a link past its time', { ...link, live: false, downloads: 1, maxDownloads: 2 }, 'expired'],
    ['a link past its time with any number of downloads', { ...link, live: false, downloads: 9 }, 'expired'],
    ['a link whose grant ended', { ...link, live: false, downloads: 1, maxDownloads: 2, stoppedByGrant: 'ended' }, 'grantEnded'],
    ['a link whose grant was revoked', { ...link, live: false, stoppedByGrant: 'revoked' }, 'grantRevoked'],
  ] as const)('says %s is %s', (_, value, expected) => {
    expect(linkState(value)).toBe(expected);
  });
});
