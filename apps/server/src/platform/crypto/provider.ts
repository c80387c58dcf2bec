import { createCipheriv, createDecipheriv, createHash, createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/** SM3 digest (GB/T 32905) of the data, as a Buffer. */
export function sm3(data: string | Uint8Array): Buffer {
  // One-shot: no Hash object per digest (the gateway takes several per call).
  return hash('sm3', data, 'buffer');
}

/** SM3 digest of the data as lower-case hex. */
export function sm3Hex(data: string | Uint8Array): string {
  return hash('sm3', data, 'hex');
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

/** The distinguishing ID of SM2 signatures unless another is agreed (GB/T 35276). */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** An SM2 key pair as hex: the private key (64 digits) and the uncompressed public key (`04` + x + y). */
export interface Sm2KeyPair {
  privateKey: string;
  publicKey: string;
}

/** A new SM2 key pair. */
export function sm2GenerateKeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKey, publicKey };
}

/** The uncompressed public key (hex) of an SM2 private key. */
export function sm2PublicKeyOf(privateKey: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKey.toLowerCase());
}

/**
 * An SM2 signature (GB/T 32918.2) of the data: SM3 over Z(user ID, public key) ‖ data, DER-encoded
 * (`SEQUENCE { r INTEGER, s INTEGER }`) as hex, which is what other SM2 implementations exchange.
 */
export function sm2Sign(privateKey: string, data: string | Uint8Array, userId = SM2_DEFAULT_USER_ID): string {
  const key = privateKey.toLowerCase();
  return sm2.doSignature(toBytes(data), key, { hash: true, der: true, userId, publicKey: sm2PublicKeyOf(key) });
}

/** Whether a DER signature (hex) is the SM2 signature of the data under the public key; false for anything malformed. */
export function sm2Verify(publicKey: string, data: string | Uint8Array, signature: string, userId = SM2_DEFAULT_USER_ID): boolean {
  if (!/^[0-9a-fA-F]+$/.test(signature) || !/^04[0-9a-fA-F]{128}$/.test(publicKey)) return false;
  try {
    return sm2.doVerifySignature(toBytes(data), signature.toLowerCase(), publicKey.toLowerCase(), { hash: true, der: true, userId });
  } catch {
    return false;
  }
}

const toBytes = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? new TextEncoder().encode(data) : data);
