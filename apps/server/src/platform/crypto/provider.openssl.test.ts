import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SM2_DEFAULT_USER_ID, sm2GenerateKeyPair, sm2Sign, sm2Verify } from './provider';

/** SM2 against OpenSSL 3 (which we did not write): each side verifies what the other signed. */
const openssl = (() => {
  try {
    return /^OpenSSL 3/.test(execFileSync('openssl', ['version']).toString());
  } catch {
    return false;
  }
})();
if (!openssl) {
  if (process.env.REQUIRE_SERVICES === '1')
    throw new Error('OpenSSL 3 is needed for the SM2 interoperability tests (apt-get install openssl)');
  console.warn('skipped: SM2 interoperability with OpenSSL (no OpenSSL 3 on this machine)');
}

/** SubjectPublicKeyInfo of an SM2 key: id-ecPublicKey with the SM2 curve (1.2.156.10197.1.301), then the point. */
const SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');

describe.skipIf(!openssl)('SM2 interoperability with OpenSSL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shuyuan-sm2-'));
  const file = (name: string) => join(dir, name);
  const message = '检查点 tree_size=42 root=ab12';
  const distid = `distid:${SM2_DEFAULT_USER_ID}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('OpenSSL verifies our signature with the standard user ID', () => {
    const { privateKey, publicKey } = sm2GenerateKeyPair();
    const spki = Buffer.concat([SPKI_PREFIX, Buffer.from(publicKey, 'hex')]);
    writeFileSync(file('pub.der'), spki);
    writeFileSync(file('msg'), message);
    writeFileSync(file('sig'), Buffer.from(sm2Sign(privateKey, message), 'hex'));
    const verify = (messageFile: string) =>
      execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-keyform',
          'DER',
          '-inkey',
          file('pub.der'),
          '-rawin',
          '-digest',
          'sm3',
          '-in',
          messageFile,
          '-sigfile',
          file('sig'),
          '-pkeyopt',
          distid,
        ],
        { stdio: 'pipe' },
      ).toString();
    expect(verify(file('msg'))).toMatch(/Signature Verified Successfully/);
    writeFileSync(file('other'), `${message}.`);
    expect(() => verify(file('other'))).toThrow();
  });

  it('we verify a signature OpenSSL made', () => {
    execFileSync('openssl', ['genpkey', '-algorithm', 'SM2', '-out', file('key.pem')]);
    execFileSync('openssl', ['pkey', '-in', file('key.pem'), '-pubout', '-outform', 'DER', '-out', file('theirs.der')]);
    writeFileSync(file('msg'), message);
    execFileSync('openssl', [
      'pkeyutl',
      '-sign',
      '-inkey',
      file('key.pem'),
      '-rawin',
      '-digest',
      'sm3',
      '-in',
      file('msg'),
      '-out',
      file('theirs.sig'),
      '-pkeyopt',
      distid,
    ]);
    const spki = readFileSync(file('theirs.der'));
    expect(spki.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX)).toBe(true);
    const publicKey = spki.subarray(SPKI_PREFIX.length).toString('hex');
    const signature = readFileSync(file('theirs.sig')).toString('hex');
    expect(sm2Verify(publicKey, message, signature)).toBe(true);
    expect(sm2Verify(publicKey, `${message}.`, signature)).toBe(false);
  });
});
