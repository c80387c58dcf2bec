import { createHmac } from 'node:crypto';
import { canonicalQuery, encodeRfc3986, signingText } from '@shuyuan/contracts';
import { constantTimeEqual, hmacSm3, randomToken, sha256Hex, sm3 } from './crypto/provider';

/**
 * Request signing with an AppKey and AppSecret (contracts.md §3): the gateway's callers and the
 * cascade between nodes both sign this way.
 */
export type SignatureMethod = 'HMAC-SM3' | 'HMAC-SHA256';

export const SIGNATURE_HEADERS = {
  key: 'x-sy-key',
  timestamp: 'x-sy-timestamp',
  nonce: 'x-sy-nonce',
  signature: 'x-sy-signature',
  method: 'x-sy-signature-method',
} as const;

/** Requests are accepted within this many milliseconds of the signer's clock. */
export const TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;

const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const EMPTY_SM3 = sm3('').toString('hex');
const EMPTY_SHA256 = sha256Hex('');

export { canonicalQuery, encodeRfc3986 };

export interface SignedParts {
  method: string;
  /** The path and query as sent, e.g. `/gateway/v1/x?id=1`. */
  url: string;
  body: Uint8Array | string | undefined;
  key: string;
  timestamp: string;
  nonce: string;
  signatureMethod: SignatureMethod;
}

/** The seven-line string to sign. */
export function stringToSign(parts: SignedParts): string {
  const body = parts.body ?? '';
  const sm = parts.signatureMethod === 'HMAC-SM3';
  const bodyHash = body.length === 0 ? (sm ? EMPTY_SM3 : EMPTY_SHA256) : sm ? sm3(body).toString('hex') : sha256Hex(body);
  return signingText({ method: parts.method, url: parts.url, bodyHash, key: parts.key, timestamp: parts.timestamp, nonce: parts.nonce });
}

/** The base64 signature of a request under a secret. */
export function sign(parts: SignedParts, secret: string): string {
  const text = stringToSign(parts);
  const mac = parts.signatureMethod === 'HMAC-SM3' ? hmacSm3(secret, text) : createHmac('sha256', secret).update(text).digest();
  return mac.toString('base64');
}

/** The headers that sign a request, for a client (the cascade, tests, samples). */
export function signatureHeaders(
  request: { method: string; url: string; body?: Uint8Array | string },
  credentials: { key: string; secret: string },
  options: { now?: number; nonce?: string; signatureMethod?: SignatureMethod } = {},
): Record<string, string> {
  const parts: SignedParts = {
    method: request.method,
    url: request.url,
    body: request.body,
    key: credentials.key,
    timestamp: String(options.now ?? Date.now()),
    nonce: options.nonce ?? randomToken(18),
    signatureMethod: options.signatureMethod ?? 'HMAC-SM3',
  };
  return {
    [SIGNATURE_HEADERS.key]: parts.key,
    [SIGNATURE_HEADERS.timestamp]: parts.timestamp,
    [SIGNATURE_HEADERS.nonce]: parts.nonce,
    [SIGNATURE_HEADERS.method]: parts.signatureMethod,
    [SIGNATURE_HEADERS.signature]: sign(parts, credentials.secret),
  };
}

/** Why a signed request was refused; each is a stable error code. */
export type SignatureRefusal = 'UNSIGNED' | 'SIGNATURE_EXPIRED' | 'BAD_SIGNATURE' | 'UNKNOWN_KEY' | 'REPLAYED';

/** What a verifier needs from the request. */
export interface IncomingRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array | string | undefined;
}

const header = (headers: IncomingRequest['headers'], name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Checks a request's signature except its nonce: headers present, timestamp inside the window, one of
 * the key's secrets signs it (two during rotation). Returns the key and the nonce to remember, or the refusal.
 */
export async function checkSignature(
  request: IncomingRequest,
  secretsOf: (key: string) => Promise<string[] | null>,
  now = Date.now(),
): Promise<{ ok: true; key: string; nonce: string; nonceExpiresAt: Date } | { ok: false; refusal: SignatureRefusal }> {
  const key = header(request.headers, SIGNATURE_HEADERS.key);
  const timestamp = header(request.headers, SIGNATURE_HEADERS.timestamp);
  const nonce = header(request.headers, SIGNATURE_HEADERS.nonce);
  const signature = header(request.headers, SIGNATURE_HEADERS.signature);
  const method = (header(request.headers, SIGNATURE_HEADERS.method) ?? 'HMAC-SM3').toUpperCase();
  if (!key || !timestamp || !nonce || !signature || !NONCE.test(nonce) || !/^\d{1,15}$/.test(timestamp))
    return { ok: false, refusal: 'UNSIGNED' };
  if (method !== 'HMAC-SM3' && method !== 'HMAC-SHA256') return { ok: false, refusal: 'UNSIGNED' };
  if (Math.abs(now - Number(timestamp)) > TIMESTAMP_WINDOW_MS) return { ok: false, refusal: 'SIGNATURE_EXPIRED' };
  const secrets = await secretsOf(key);
  if (!secrets || secrets.length === 0) return { ok: false, refusal: 'UNKNOWN_KEY' };
  const parts: SignedParts = {
    method: request.method,
    url: request.url,
    body: request.body,
    key,
    timestamp,
    nonce,
    signatureMethod: method,
  };
  if (!secrets.some((secret) => constantTimeEqual(sign(parts, secret), signature))) return { ok: false, refusal: 'BAD_SIGNATURE' };
  return { ok: true, key, nonce, nonceExpiresAt: new Date(now + 2 * TIMESTAMP_WINDOW_MS) };
}

/**
 * Checks a request's signature, then its nonce (through `rememberNonce`, which answers false for a
 * nonce already used). Returns the key, or the refusal.
 */
export async function verifySignature(
  request: IncomingRequest,
  secretsOf: (key: string) => Promise<string[] | null>,
  rememberNonce: (key: string, nonce: string, expiresAt: Date) => Promise<boolean>,
  now = Date.now(),
): Promise<{ ok: true; key: string } | { ok: false; refusal: SignatureRefusal }> {
  const checked = await checkSignature(request, secretsOf, now);
  if (!checked.ok) return checked;
  if (!(await rememberNonce(checked.key, checked.nonce, checked.nonceExpiresAt))) return { ok: false, refusal: 'REPLAYED' };
  return { ok: true, key: checked.key };
}
