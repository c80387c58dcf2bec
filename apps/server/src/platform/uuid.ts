import { randomUUID } from 'node:crypto';

/**
 * A version 7 UUID (RFC 9562): the Unix time in milliseconds first, then random bits (node's version 4 UUID with
 * its first 48 bits replaced by the time and its version digit by 7; its variant bits are already 10). Ids made
 * in time order sort in time order, so a table keyed by them grows at one end of its index instead of touching
 * every page (a random UUID key made each insert into a large call log dirty another page, and log it whole).
 */
export function uuidv7(now: number = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`;
}
