import type { components } from '@/api/schema.gen';

/** A download link as the server lists it (never its token). */
type LinkSummary = components['schemas']['FileLinkSummary'];

/** Where a download link is: still downloads, past its time, out of downloads, or withdrawn. */
export type LinkState = 'active' | 'expired' | 'usedUp' | 'revoked';

/**
 * A link's state. The server's `live` (judged by its clock) decides whether it still downloads; a link that does
 * not is said to be withdrawn, used up or expired, in that order.
 */
export function linkState(link: Pick<LinkSummary, 'live' | 'revokedAt' | 'downloads' | 'maxDownloads'>): LinkState {
  if (link.revokedAt) return 'revoked';
  if (link.live) return 'active';
  if (link.maxDownloads !== null && link.downloads >= link.maxDownloads) return 'usedUp';
  return 'expired';
}
