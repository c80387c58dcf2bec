import type { components } from '@/api/schema.gen';

/** A download link as the server lists it (never its token). */
type LinkSummary = components['schemas']['FileLinkSummary'];

/**
 * Where a download link is: still downloads, past its own time, out of downloads, withdrawn, or stopped by its
 * grant (授权已结束: the grant's validity period ended; 授权已撤销: the grant was revoked).
 */
export type LinkState = 'active' | 'expired' | 'usedUp' | 'revoked' | 'grantEnded' | 'grantRevoked';

/**
 * A link's state. The server's `live` (judged by its clock) decides whether it still downloads; a link that does
 * not is said to be withdrawn, used up (downloads happen only while its grant is in force, so that came first),
 * stopped by its grant (the server's `stoppedByGrant`) or expired, in that order.
 */
export function linkState(link: Pick<LinkSummary, 'live' | 'revokedAt' | 'downloads' | 'maxDownloads' | 'stoppedByGrant'>): LinkState {
  if (link.revokedAt) return 'revoked';
  if (link.live) return 'active';
  if (link.maxDownloads !== null && link.downloads >= link.maxDownloads) return 'usedUp';
  if (link.stoppedByGrant === 'ended') return 'grantEnded';
  if (link.stoppedByGrant === 'revoked') return 'grantRevoked';
  return 'expired';
}
