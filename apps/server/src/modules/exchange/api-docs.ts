import type { ApiField, ApiParam } from '@shuyuan/contracts';
import type { toApi } from './apis.service';

type Api = ReturnType<typeof toApi>;

const JSON_TYPES: Record<ApiField['type'], Record<string, unknown>> = {
  text: { type: 'string' },
  int: { type: ['integer', 'string'], description: 'big values come as text' },
  decimal: { type: ['string', 'number'] },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  bool: { type: 'boolean' },
};

const PARAM_SCHEMAS: Record<ApiParam['format'], Record<string, unknown>> = {
  text: { type: 'string', maxLength: 200 },
  int: { type: 'integer' },
  date: { type: 'string', format: 'date' },
  id_card: { type: 'string', pattern: '^\\d{17}[\\dXx]$', description: '公民身份号码 (GB 11643), check digit verified' },
  uscc: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '统一社会信用代码 (GB 32100), check character verified' },
  division: { type: 'string', pattern: '^\\d{6}$', description: '行政区划代码 (GB/T 2260)' },
};

const REFUSALS: [string, string][] = [
  ['400', 'BAD_PARAMETER: a parameter is unknown, repeated, missing or malformed'],
  ['401', 'UNSIGNED, SIGNATURE_EXPIRED, REPLAYED, BAD_SIGNATURE or UNKNOWN_KEY'],
  ['403', 'NO_GRANT, GRANT_EXPIRED or FIELD_NOT_GRANTED'],
  ['429', 'RATE_LIMITED or QUOTA_EXCEEDED (with Retry-After)'],
  ['502', "SOURCE_UNAVAILABLE or MASK_FAILED: the provider's source refused, or a value could not be masked"],
  ['504', "SOURCE_TIMEOUT: the provider's source did not answer in time"],
];

/** The OpenAPI 3.1 description of one gateway API, for consumers and their code generators. */
export function apiOpenApi(api: Api, serverUrl: string) {
  const signatureHeaders = [
    ['X-Sy-Key', 'The AppKey of the calling application'],
    ['X-Sy-Timestamp', 'Milliseconds since the epoch; accepted within ±5 minutes'],
    ['X-Sy-Nonce', '16 to 64 characters of A–Z a–z 0–9 - _, never reused'],
    ['X-Sy-Signature', 'base64 of HMAC-SM3 (or HMAC-SHA256) of the string to sign, under the app secret'],
    ['X-Sy-Signature-Method', 'HMAC-SM3 (default) or HMAC-SHA256'],
  ].map(([name, description]) => ({
    name,
    in: 'header',
    required: name !== 'X-Sy-Signature-Method',
    description,
    schema: { type: 'string' },
  }));
  const params = [
    ...api.params.map((p) => ({
      name: p.name,
      in: 'query',
      required: p.required,
      description: `${p.label} (${p.op} ${p.field})`,
      schema: PARAM_SCHEMAS[p.format],
      ...(p.example ? { example: p.example } : {}),
    })),
    {
      name: 'fields',
      in: 'query',
      required: false,
      description: 'Comma-separated field names; default: every granted field',
      schema: { type: 'string' },
    },
    {
      name: 'limit',
      in: 'query',
      required: false,
      description: `Rows per page, 1 to ${api.pageSizeMax} (default 20)`,
      schema: { type: 'integer' },
    },
    { name: 'after', in: 'query', required: false, description: 'The `next` cursor of the previous page', schema: { type: 'string' } },
  ];
  const row = {
    type: 'object',
    description: 'Only the fields the grant gives, masked as it says',
    properties: Object.fromEntries(
      api.fields.map((f) => [f.name, { ...JSON_TYPES[f.type], description: `${f.label}${f.sensitive ? ' (sensitive: masked)' : ''}` }]),
    ),
  };
  return {
    openapi: '3.1.0',
    info: {
      title: `${api.entryName} (${api.resourceCode})`,
      version: String(api.version),
      description: `Provided by ${api.departmentName}.`,
    },
    servers: [{ url: serverUrl }],
    paths: {
      [api.gatewayPath]: {
        get: {
          operationId: 'lookup',
          summary: api.entryName,
          parameters: [...signatureHeaders, ...params],
          responses: {
            200: {
              description: 'One page of rows',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['fields', 'data', 'next', 'callId'],
                    properties: {
                      fields: { type: 'array', items: { type: 'string' } },
                      data: { type: 'array', items: row },
                      next: { type: ['string', 'null'], description: 'Pass as `after` for the next page' },
                      callId: { type: 'string', format: 'uuid', description: 'The call in the evidence log' },
                    },
                  },
                },
              },
            },
            ...Object.fromEntries(
              REFUSALS.map(([status, description]) => [
                status,
                {
                  description,
                  content: {
                    'application/json': {
                      schema: {
                        type: 'object',
                        properties: {
                          code: { type: 'string' },
                          message: { type: 'string' },
                          details: { type: 'object' },
                          callId: { type: 'string' },
                        },
                      },
                    },
                  },
                },
              ]),
            ),
          },
        },
      },
    },
  };
}

/** An example query that the API accepts: its required parameters with placeholder values. */
function exampleQuery(api: Api): string {
  const examples: Record<ApiParam['format'], string> = {
    text: 'value',
    int: '1',
    date: '2026-01-01',
    id_card: '11010519491231002X',
    uscc: '91320000134769051P',
    division: '320100',
  };
  const required = api.params.filter((p) => p.required);
  return required.map((p) => `${p.name}=${encodeURIComponent(p.example ?? examples[p.format])}`).join('&');
}

/** Signing samples (curl, TypeScript, Java, Python), each a complete program written from contracts §3. */
export function apiSamples(api: Api, serverUrl: string) {
  const query = exampleQuery(api);
  const url = `${api.gatewayPath}${query ? `?${query}` : ''}`;
  const curl = `# Needs OpenSSL 3 (for SM3) and curl. Set APP_KEY and APP_SECRET first.
URL_PATH='${api.gatewayPath}'
QUERY='${query}'   # already canonical: sorted, UTF-8 %XX encoded
TS=$(date +%s%3N)
NONCE=$(openssl rand -hex 16)
BODY_HASH=$(printf '' | openssl dgst -sm3 -r | cut -d' ' -f1)
STRING_TO_SIGN=$(printf 'GET\\n%s\\n%s\\n%s\\n%s\\n%s\\n%s' "$URL_PATH" "$QUERY" "$BODY_HASH" "$APP_KEY" "$TS" "$NONCE")
SIGNATURE=$(printf '%s' "$STRING_TO_SIGN" | openssl mac -digest SM3 -macopt key:"$APP_SECRET" -binary HMAC | base64)
curl -sS "${serverUrl}$URL_PATH\${QUERY:+?$QUERY}" \\
  -H "X-Sy-Key: $APP_KEY" -H "X-Sy-Timestamp: $TS" -H "X-Sy-Nonce: $NONCE" \\
  -H "X-Sy-Signature-Method: HMAC-SM3" -H "X-Sy-Signature: $SIGNATURE"
`;
  const typescript = `// Node.js 20+: node:crypto has SM3 and HMAC-SM3.
import { createHash, createHmac, randomBytes } from 'node:crypto';

const enc = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0'))).join('');

export async function call(base: string, key: string, secret: string, path: string, params: Record<string, string>) {
  const query = Object.entries(params)
    .map(([n, v]) => [enc(n), enc(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([n, v]) => n + '=' + v)
    .join('&');
  const ts = String(Date.now());
  const nonce = randomBytes(16).toString('hex');
  const bodyHash = createHash('sm3').update('').digest('hex');
  const text = ['GET', path, query, bodyHash, key, ts, nonce].join('\\n');
  const signature = createHmac('sm3', secret).update(text).digest('base64');
  const res = await fetch(base + path + (query ? '?' + query : ''), {
    headers: { 'X-Sy-Key': key, 'X-Sy-Timestamp': ts, 'X-Sy-Nonce': nonce, 'X-Sy-Signature-Method': 'HMAC-SM3', 'X-Sy-Signature': signature },
  });
  return { status: res.status, body: await res.json() };
}

console.log(JSON.stringify(await call('${serverUrl}', process.env.APP_KEY!, process.env.APP_SECRET!, '${api.gatewayPath}', ${JSON.stringify(Object.fromEntries(new URLSearchParams(query)))})));
`;
  const java = `// Java 11+ with Bouncy Castle (org.bouncycastle:bcprov-jdk18on) for SM3.
import java.net.URI;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.*;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;

public class GatewayCall {
  static String enc(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') out.append(c);
      else out.append(String.format("%%%02X", b & 0xff));
    }
    return out.toString();
  }

  public static void main(String[] args) throws Exception {
    String key = System.getenv("APP_KEY"), secret = System.getenv("APP_SECRET");
    String path = "${api.gatewayPath}";
    TreeMap<String, String> params = new TreeMap<>();
${[...new URLSearchParams(query)].map(([n, v]) => `    params.put(enc("${n}"), enc("${v}"));`).join('\n')}
    StringJoiner q = new StringJoiner("&");
    params.forEach((n, v) -> q.add(n + "=" + v));
    String query = q.toString();
    String ts = Long.toString(System.currentTimeMillis());
    byte[] nb = new byte[16];
    new SecureRandom().nextBytes(nb);
    String nonce = Hex.toHexString(nb);
    SM3Digest sm3 = new SM3Digest();
    byte[] bodyHash = new byte[32];
    sm3.doFinal(bodyHash, 0);
    String text = String.join("\\n", "GET", path, query, Hex.toHexString(bodyHash), key, ts, nonce);
    HMac mac = new HMac(new SM3Digest());
    mac.init(new KeyParameter(secret.getBytes(StandardCharsets.UTF_8)));
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    mac.update(t, 0, t.length);
    byte[] sig = new byte[32];
    mac.doFinal(sig, 0);
    HttpRequest req = HttpRequest.newBuilder(URI.create("${serverUrl}" + path + (query.isEmpty() ? "" : "?" + query)))
        .header("X-Sy-Key", key).header("X-Sy-Timestamp", ts).header("X-Sy-Nonce", nonce)
        .header("X-Sy-Signature-Method", "HMAC-SM3").header("X-Sy-Signature", Base64.getEncoder().encodeToString(sig)).build();
    HttpResponse<String> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    System.out.println(res.statusCode() + " " + res.body());
  }
}
`;
  const python = `# Python 3 with an OpenSSL that has SM3 (hashlib.new('sm3')); pip install requests
import base64, hashlib, hmac, os, secrets, time
from urllib.parse import quote
import requests

def enc(s):
    return quote(s, safe='-_.~')

def call(base, key, secret, path, params):
    query = '&'.join(f'{n}={v}' for n, v in sorted((enc(n), enc(v)) for n, v in params.items()))
    ts = str(int(time.time() * 1000))
    nonce = secrets.token_hex(16)
    body_hash = hashlib.new('sm3', b'').hexdigest()
    text = '\\n'.join(['GET', path, query, body_hash, key, ts, nonce])
    signature = base64.b64encode(hmac.new(secret.encode(), text.encode(), 'sm3').digest()).decode()
    headers = {'X-Sy-Key': key, 'X-Sy-Timestamp': ts, 'X-Sy-Nonce': nonce,
               'X-Sy-Signature-Method': 'HMAC-SM3', 'X-Sy-Signature': signature}
    return requests.get(base + path + ('?' + query if query else ''), headers=headers)

r = call('${serverUrl}', os.environ['APP_KEY'], os.environ['APP_SECRET'], '${api.gatewayPath}', ${JSON.stringify(Object.fromEntries(new URLSearchParams(query)))})
print(r.status_code, r.json())
`;
  return { curl, typescript, java, python, exampleUrl: url };
}
