/**
 * SM3 (GB/T 32905-2016) fed piece by piece, so a file of gigabytes is hashed without ever being held in memory
 * whole. sm-crypto-v2, which signs gateway requests (sign.ts), only hashes one complete buffer; sm3-stream.test.ts
 * checks this one against it.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
/** T_j rotated left by j mod 32, once for all. */
const T_ROT = Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));
const P0 = (x: number) => x ^ rotl(x, 9) ^ rotl(x, 17);
const P1 = (x: number) => x ^ rotl(x, 15) ^ rotl(x, 23);

/** An SM3 hash in progress: `update` with the bytes in order, then `digestHex` once. */
export class Sm3 {
  private readonly v = Int32Array.from(IV);
  private readonly w = new Int32Array(68);
  private readonly block = new Uint8Array(64);
  private buffered = 0;
  private length = 0;

  /** Adds bytes to the message. */
  update(data: Uint8Array): this {
    let offset = 0;
    this.length += data.length;
    if (this.buffered) {
      const take = Math.min(64 - this.buffered, data.length);
      this.block.set(data.subarray(0, take), this.buffered);
      this.buffered += take;
      offset = take;
      if (this.buffered < 64) return this;
      this.compress(this.block, 0);
      this.buffered = 0;
    }
    for (; offset + 64 <= data.length; offset += 64) this.compress(data, offset);
    this.block.set(data.subarray(offset));
    this.buffered = data.length - offset;
    return this;
  }

  /** The hash of everything added, as 64 lower-case hex characters. */
  digestHex(): string {
    const bits = this.length * 8;
    const tail = new Uint8Array(this.buffered < 56 ? 64 : 128);
    tail.set(this.block.subarray(0, this.buffered));
    tail[this.buffered] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(tail.length - 8, Math.floor(bits / 0x1_0000_0000));
    view.setUint32(tail.length - 4, bits >>> 0);
    for (let offset = 0; offset < tail.length; offset += 64) this.compress(tail, offset);
    return Array.from(this.v, (x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
  }

  private compress(bytes: Uint8Array, offset: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++, offset += 4)
      w[i] = (bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    for (let i = 16; i < 68; i++) w[i] = P1(w[i - 16]! ^ w[i - 9]! ^ rotl(w[i - 3]!, 15)) ^ rotl(w[i - 13]!, 7) ^ w[i - 6]!;
    const v = this.v;
    let a = v[0]!;
    let b = v[1]!;
    let c = v[2]!;
    let d = v[3]!;
    let e = v[4]!;
    let f = v[5]!;
    let g = v[6]!;
    let h = v[7]!;
    for (let j = 0; j < 64; j++) {
      const a12 = rotl(a, 12);
      const ss1 = rotl((a12 + e + T_ROT[j]!) | 0, 7);
      const ss2 = ss1 ^ a12;
      const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
      const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
      const tt1 = (ff + d + ss2 + (w[j]! ^ w[j + 4]!)) | 0;
      const tt2 = (gg + h + ss1 + w[j]!) | 0;
      d = c;
      c = rotl(b, 9);
      b = a;
      a = tt1;
      h = g;
      g = rotl(f, 19);
      f = e;
      e = P0(tt2);
    }
    [a, b, c, d, e, f, g, h].forEach((x, i) => (v[i] = v[i]! ^ x));
  }
}

/** Lower-case hex SM3 of some bytes. */
export function sm3Bytes(bytes: Uint8Array): string {
  return new Sm3().update(bytes).digestHex();
}

/** How much of a file is read at a time while hashing it whole. */
export const HASH_PIECE_BYTES = 4 * 1024 * 1024;

/**
 * Lower-case hex SM3 of a file (or any Blob), read piece by piece; `onProgress` hears the bytes hashed so far,
 * and an aborted `signal` stops it with an AbortError.
 */
export async function sm3OfBlob(
  blob: Blob,
  options: { onProgress?: (bytes: number) => void; signal?: AbortSignal; pieceBytes?: number } = {},
): Promise<string> {
  const piece = options.pieceBytes ?? HASH_PIECE_BYTES;
  const hash = new Sm3();
  for (let offset = 0; offset < blob.size; offset += piece) {
    options.signal?.throwIfAborted();
    hash.update(new Uint8Array(await blob.slice(offset, offset + piece).arrayBuffer()));
    options.onProgress?.(Math.min(offset + piece, blob.size));
  }
  options.signal?.throwIfAborted();
  return hash.digestHex();
}
