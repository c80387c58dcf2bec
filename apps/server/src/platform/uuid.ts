import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 16 at a time from one filled buffer (as node's randomUUID does). */
const pool = Buffer.alloc(16 * 256);
let used = pool.length;
const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A version 7 UUID (RFC 9562): the Unix time in milliseconds first, then random bits. Ids made in time order
 * sort in time order, so a table keyed by them grows at one end of its index instead of touching every page
 * (a random UUID key made each insert into a large call log dirty another page, and write it whole to the WAL).
 */
export function uuidv7(now: number = Date.now()): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const b = pool.subarray(used, used + 16);
  used += 16;
  // 48 bits of time, big-endian (Number keeps 53 bits exactly: the division is by a power of two).
  const high = Math.floor(now / 2 ** 16);
  b[0] = (high >>> 24) & 0xff;
  b[1] = (high >>> 16) & 0xff;
  b[2] = (high >>> 8) & 0xff;
  b[3] = high & 0xff;
  b[4] = (now >>> 8) & 0xff;
  b[5] = now & 0xff;
  b[6] = 0x70 | (b[6]! & 0x0f); // version 7
  b[8] = 0x80 | (b[8]! & 0x3f); // variant 10
  let out = '';
  for (let i = 0; i < 16; i++) {
    out += hex[b[i]!];
    if (i === 3 || i === 5 || i === 7 || i === 9) out += '-';
  }
  return out;
}
