import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';
import { sm2 } from 'sm-crypto-v2';
import {
  constantTimeEqual,
  hmacSm3,
  SealedBox,
  SM2_DEFAULT_USER_ID,
  sm2GenerateKeyPair,
  sm2PublicKeyOf,
  sm2Sign,
  sm2Verify,
  sm3,
  sm4EncryptBlock,
} from './provider';

/** RFC 2104 HMAC over node's SM3 (block size 64), written out so it checks hmacSm3 independently. */
function referenceHmacSm3(key: Buffer, data: Buffer): Buffer {
  const block = 64;
  const k = Buffer.alloc(block);
  (key.length > block ? createHash('sm3').update(key).digest() : key).copy(k);
  const xor = (pad: number) => Buffer.from(k.map((b) => b ^ pad));
  const inner = createHash('sm3').update(xor(0x36)).update(data).digest();
  return createHash('sm3').update(xor(0x5c)).update(inner).digest();
}

/** Flips one byte in one base64url part of a sealed value. */
function tamper(sealed: string, part: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('SM3 (GB/T 32905)', () => {
  it('hashes "abc" to the standard digest', () => {
    expect(sm3('abc').toString('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('hashes the 512-bit example ("abcd" sixteen times) to the standard digest', () => {
    expect(sm3('abcd'.repeat(16)).toString('hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('hashes bytes and the same text alike', () => {
    expect(sm3(new TextEncoder().encode('abc')).equals(sm3('abc'))).toBe(true);
  });
});

describe('SM4 (GB/T 32907)', () => {
  it('encrypts the standard block: key = plaintext = 0123456789abcdeffedcba9876543210', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    expect(sm4EncryptBlock(key, key).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

/** GB/T 32918.5 (GM/T 0003.5) Annex A: the signature example on the recommended curve. */
const SM2_EXAMPLE = {
  privateKey: '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8',
  publicKey:
    '04' +
    '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020' +
    'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
  message: 'message digest',
  z: 'B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3',
  e: 'F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640',
  k: '59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21',
  r: 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3',
  s: 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA',
};
/** r and s both have their top bit set, so each DER INTEGER takes a leading zero byte. */
const exampleDer = `3046022100${SM2_EXAMPLE.r}022100${SM2_EXAMPLE.s}`;
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

describe('SM2 (GB/T 32918)', () => {
  it('derives the standard public key, Z and message digest from the example key and user ID', () => {
    expect(sm2PublicKeyOf(SM2_EXAMPLE.privateKey)).toBe(SM2_EXAMPLE.publicKey.toLowerCase());
    const pub = SM2_EXAMPLE.publicKey.toLowerCase();
    expect(Buffer.from(sm2.getZ(pub, SM2_DEFAULT_USER_ID)).toString('hex')).toBe(SM2_EXAMPLE.z.toLowerCase());
    expect(sm2.getHash(Buffer.from(SM2_EXAMPLE.message).toString('hex'), pub, SM2_DEFAULT_USER_ID)).toBe(SM2_EXAMPLE.e.toLowerCase());
  });

  it('verifies the standard signature, and signs the example exactly as the standard with its k', () => {
    expect(sm2Verify(SM2_EXAMPLE.publicKey, SM2_EXAMPLE.message, exampleDer)).toBe(true);
    // x1 of kG follows from the published r = (e + x1) mod n; s is then the signing equation's own work.
    const x1 = (BigInt(`0x${SM2_EXAMPLE.r}`) - BigInt(`0x${SM2_EXAMPLE.e}`) + SM2_N) % SM2_N;
    const signed = sm2.doSignature(SM2_EXAMPLE.message, SM2_EXAMPLE.privateKey.toLowerCase(), {
      hash: true,
      userId: SM2_DEFAULT_USER_ID,
      pointPool: [{ k: BigInt(`0x${SM2_EXAMPLE.k}`), x1 }],
    });
    expect(signed).toBe((SM2_EXAMPLE.r + SM2_EXAMPLE.s).toLowerCase());
  });

  it('refuses the standard signature with a flipped bit, another message, another user ID or another key', () => {
    const flipped = exampleDer.slice(0, -1) + (exampleDer.endsWith('A') ? 'B' : 'A');
    expect(sm2Verify(SM2_EXAMPLE.publicKey, SM2_EXAMPLE.message, flipped)).toBe(false);
    expect(sm2Verify(SM2_EXAMPLE.publicKey, 'message digesT', exampleDer)).toBe(false);
    expect(sm2Verify(SM2_EXAMPLE.publicKey, SM2_EXAMPLE.message, exampleDer, 'ALICE123@YAHOO.COM')).toBe(false);
    expect(sm2Verify(sm2GenerateKeyPair().publicKey, SM2_EXAMPLE.message, exampleDer)).toBe(false);
    expect(sm2Verify(SM2_EXAMPLE.publicKey, SM2_EXAMPLE.message, 'not hex')).toBe(false);
    expect(sm2Verify('04abc', SM2_EXAMPLE.message, exampleDer)).toBe(false);
  });

  it('signs as DER that verifies, differently each time (random k), over text and bytes alike', () => {
    const { privateKey, publicKey } = sm2GenerateKeyPair();
    expect(publicKey).toMatch(/^04[0-9a-f]{128}$/);
    const one = sm2Sign(privateKey, '检查点 42');
    const two = sm2Sign(privateKey, Buffer.from('检查点 42'));
    expect(one).toMatch(/^30/);
    expect(one).not.toBe(two);
    expect(sm2Verify(publicKey, Buffer.from('检查点 42'), one)).toBe(true);
    expect(sm2Verify(publicKey, '检查点 42', two)).toBe(true);
    expect(sm2Verify(publicKey, '检查点 43', one)).toBe(false);
  });
});

describe('HMAC-SM3', () => {
  const data = Buffer.from('数源 HMAC-SM3 known answer');
  it.each([
    ['a short key', Buffer.from('key')],
    ['a key of exactly one block', randomBytes(64)],
    ['a key longer than a block', randomBytes(100)],
    ['an empty key', Buffer.alloc(0)],
  ])('matches a hand-written HMAC over SM3 for %s', (_name, key) => {
    expect(hmacSm3(key, data).toString('hex')).toBe(referenceHmacSm3(key, data).toString('hex'));
  });

  it('differs when the key or the data differs', () => {
    expect(hmacSm3('k1', 'data').equals(hmacSm3('k2', 'data'))).toBe(false);
    expect(hmacSm3('k1', 'data').equals(hmacSm3('k1', 'datb'))).toBe(false);
  });
});

describe('constantTimeEqual', () => {
  it('compares strings and buffers, and is false for different lengths', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual(Buffer.from([1, 2]), Buffer.from([1, 2]))).toBe(true);
  });
});

describe('SealedBox (SM4-CBC then HMAC-SM3)', () => {
  const box = new SealedBox(randomBytes(32));

  it.each([
    ['empty text', ''],
    ['ASCII', 'secret'],
    ['Chinese and emoji', '应用密钥-🔑'],
    ['1000 characters', 'x'.repeat(1000)],
  ])('opens what it sealed: %s', (_name, text) => {
    const sealed = box.seal(text);
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(box.open(sealed)).toBe(text);
  });

  it('seals the same text differently every time, and never in the clear', () => {
    const secret = 'plain-secret-value-0001';
    const a = box.seal(secret);
    const b = box.seal(secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(a).not.toContain(Buffer.from(secret).toString('base64url'));
  });

  it.each([
    ['iv', 1],
    ['ciphertext', 2],
    ['mac', 3],
  ])('refuses a value whose %s was altered', (_name, part) => {
    const sealed = box.seal('tamper me');
    expect(() => box.open(tamper(sealed, part))).toThrow(/integrity/);
  });

  it('refuses values that are not sealed values', () => {
    const [, iv, ct, mac] = box.seal('x').split('.');
    expect(() => box.open(`v2.${iv}.${ct}.${mac}`)).toThrow(/not a sealed value/);
    expect(() => box.open(`v1.${iv}.${ct}`)).toThrow(/not a sealed value/);
    expect(() => box.open('')).toThrow();
  });

  it('cannot be opened under another master key', () => {
    const sealed = box.seal('only for the first key');
    expect(() => new SealedBox(randomBytes(32)).open(sealed)).toThrow(/integrity/);
  });

  it('opens under the same master key in another instance', () => {
    const key = randomBytes(32);
    expect(new SealedBox(Buffer.from(key)).open(new SealedBox(key).seal('same key'))).toBe('same key');
  });

  it('needs a 32-byte master key', () => {
    expect(() => new SealedBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Correct#Horse1');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    await expect(verifyPassword('Correct#Horse1', stored)).resolves.toBe(true);
    await expect(verifyPassword('Correct#Horse2', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats NFKC-equivalent spellings as the same password', async () => {
    const stored = await hashPassword('Ｐａｓｓ１２３');
    await expect(verifyPassword('Pass123', stored)).resolves.toBe(true);
  });

  it('answers false, never throws and never accepts, for a malformed stored hash', async () => {
    const [, , , , salt, key] = (await hashPassword('x')).split('$');
    const malformed = [
      '',
      'not-a-hash',
      `bcrypt$16384$8$1$${salt}$${key}`,
      'scrypt$16384$8$1',
      `scrypt$16384$8$1$${salt}$`,
      `scrypt$NaN$8$1$${salt}$${key}`,
      `scrypt$3$8$1$${salt}$${key}`,
      `scrypt$1073741824$8$1$${salt}$${key}`,
      `scrypt$16384$8$1$${salt}$!!!`,
      `scrypt$16384$8$1$${salt}$${key!.slice(0, 4)}`,
    ];
    for (const stored of malformed) {
      await expect(verifyPassword('x', stored), stored).resolves.toBe(false);
    }
  });
});
