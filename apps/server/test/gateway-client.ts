import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const SIGNER = fileURLToPath(new URL('./independent-signer.py', import.meta.url));

/** Why the independent signer cannot run here (no python3, or an OpenSSL without SM3), or null. */
export function independentSignerMissing(): string | null {
  try {
    execFileSync('python3', ['-c', "import hashlib, hmac; hmac.new(b'k', b'm', 'sm3')"], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `python3 with SM3 in hashlib is not available (${(error as Error).message.split('\n')[0]})`;
  }
}

export interface Credentials {
  key: string;
  secret: string;
}

export interface SignOptions {
  timestamp?: number;
  nonce?: string;
  algorithm?: 'HMAC-SM3' | 'HMAC-SHA256';
}

/** The signature headers for a GET, computed by the Python signer written from contracts §3 alone. */
export function independentHeaders(url: string, credentials: Credentials, options: SignOptions = {}): Record<string, string> {
  const input = {
    method: 'GET',
    url,
    key: credentials.key,
    secret: credentials.secret,
    timestamp: String(options.timestamp ?? Date.now()),
    nonce: options.nonce ?? randomBytes(12).toString('hex'),
    algorithm: options.algorithm ?? 'HMAC-SM3',
    body: '',
  };
  const out = JSON.parse(execFileSync('python3', [SIGNER], { input: JSON.stringify(input) }).toString('utf8')) as {
    headers: Record<string, string>;
  };
  return out.headers;
}

/** A gateway answer, parsed. */
export interface GatewayResult {
  status: number;
  body: {
    code?: string;
    data?: Record<string, unknown>[];
    fields?: string[];
    next?: string | null;
    callId: string;
    details?: Record<string, unknown>;
  };
  headers: Record<string, string | string[] | number | undefined>;
}

/** Calls the gateway through inject, signed by the independent signer (or with the headers given). */
export async function gatewayGet(
  app: FastifyInstance,
  url: string,
  credentials: Credentials | null,
  options: SignOptions & { headers?: Record<string, string> } = {},
): Promise<GatewayResult> {
  const headers = options.headers ?? (credentials ? independentHeaders(url, credentials, options) : {});
  const res = await app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}
