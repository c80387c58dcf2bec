import { sm3 } from 'sm-crypto-v2';
import { byNameThenValue, canonicalQuery, encodeRfc3986, signingText } from '@shuyuan/contracts';

/**
 * Gateway request signing in the browser (contracts §3), the same as the server's
 * apps/server/src/platform/signing.ts: the secret never leaves the page, only the signature does.
 */

/** The signature method the browser signs with; HMAC-SHA256 is allowed by the gateway but not offered here. */
export const SIGNATURE_METHOD = 'HMAC-SM3';

const utf8 = new TextEncoder();
export { canonicalQuery, encodeRfc3986 };

/** A query string built from name–value pairs, already canonical, so what is sent is what is signed. */
export function buildQuery(params: readonly (readonly [string, string])[]): string {
  return params
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(byNameThenValue)
    .map(([n, v]) => `${n}=${v}`)
    .join('&');
}

/** Lower-case hex SM3 of the UTF-8 bytes of a text. */
export function sm3Hex(text: string): string {
  return sm3(utf8.encode(text));
}

/**
 * HMAC-SM3 of a text under a secret, both as UTF-8 bytes. sm-crypto-v2's `sm3(data, { key })` is RFC 2104
 * HMAC, but reads a string key as hex, so the key must be passed as bytes.
 */
export function hmacSm3Base64(secret: string, text: string): string {
  const hex = sm3(utf8.encode(text), { key: utf8.encode(secret) });
  let binary = '';
  for (let i = 0; i < hex.length; i += 2) binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(binary);
}

/** What is signed: the request and the caller's key, time and nonce. */
export interface SignInput {
  method: string;
  /** The path and query as sent, e.g. `/gateway/v1/302001/000123?id_number=…`. */
  url: string;
  body?: string;
  key: string;
  timestamp: string;
  nonce: string;
}

/** The seven-line string to sign (no trailing newline). */
export function stringToSign(input: SignInput): string {
  return signingText({ ...input, bodyHash: sm3Hex(input.body ?? '') });
}

/** A fresh nonce: 32 hex characters from the browser's CSPRNG (the gateway takes 16 to 64 of A–Z a–z 0–9 - _). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A signed request: its headers and, for learning, the text that was signed. */
export interface SignedRequest {
  headers: Record<string, string>;
  stringToSign: string;
}

/** Signs a request with an AppKey and AppSecret; timestamp and nonce are made here unless given (tests). */
export function signRequest(
  request: { method: string; url: string; body?: string },
  credentials: { key: string; secret: string },
  options: { now?: number; nonce?: string } = {},
): SignedRequest {
  const input: SignInput = {
    ...request,
    key: credentials.key,
    timestamp: String(options.now ?? Date.now()),
    nonce: options.nonce ?? newNonce(),
  };
  const text = stringToSign(input);
  return {
    stringToSign: text,
    headers: {
      'X-Sy-Key': input.key,
      'X-Sy-Timestamp': input.timestamp,
      'X-Sy-Nonce': input.nonce,
      'X-Sy-Signature-Method': SIGNATURE_METHOD,
      'X-Sy-Signature': hmacSm3Base64(credentials.secret, text),
    },
  };
}
