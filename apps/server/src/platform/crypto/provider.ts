import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** SM3 digest (GB/T 32905) of the data, as a Buffer. */
export function sm3(data: string | Uint8Array): Buffer {
  return createHash('sm3').update(data).digest();
}

/** HMAC-SM3 of the data under the key. */
export function hmacSm3(key: Uint8Array | string, data: string | Uint8Array): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

/** SHA-256 digest, for opaque token lookups where interoperability with other tools matters. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Compares two strings or buffers in constant time (false when lengths differ). */
export function constantTimeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const x = typeof a === 'string' ? Buffer.from(a) : a;
  const y = typeof b === 'string' ? Buffer.from(b) : b;
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A random URL-safe token of the given number of bytes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SM4-ECB of one 16-byte block (GB/T 32907), used by the known-answer tests. */
export function sm4EncryptBlock(key: Buffer, block: Buffer): Buffer {
  const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

/**
 * Authenticated encryption with SM4-CBC then HMAC-SM3 over IV and ciphertext (encrypt-then-MAC,
 * since node has no SM4-GCM). The two keys are derived from one 32-byte master key.
 */
export class SealedBox {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes');
    this.encKey = hmacSm3(masterKey, 'shuyuan/sm4-cbc/enc').subarray(0, 16);
    this.macKey = hmacSm3(masterKey, 'shuyuan/hmac-sm3/mac');
  }

  /** Seals a UTF-8 string as `v1.<iv>.<ciphertext>.<mac>` in base64url. */
  seal(plaintext: string): string {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', this.encKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const mac = hmacSm3(this.macKey, Buffer.concat([iv, ciphertext]));
    return ['v1', iv, ciphertext, mac].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** Opens a sealed string; throws when it was altered or sealed under another key. */
  open(sealed: string): string {
    const [version, ivText, ctText, macText] = sealed.split('.');
    if (version !== 'v1' || !ivText || !ctText || !macText) throw new Error('not a sealed value');
    const iv = Buffer.from(ivText, 'base64url');
    const ciphertext = Buffer.from(ctText, 'base64url');
    const expected = hmacSm3(this.macKey, Buffer.concat([iv, ciphertext]));
    if (!constantTimeEqual(expected, Buffer.from(macText, 'base64url'))) throw new Error('sealed value failed its integrity check');
    const decipher = createDecipheriv('sm4-cbc', this.encKey, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }
}
