// Generates the web client's types (apps/web/src/api/schema.gen.ts) from the committed OpenAPI
// document; with --check, fails when the committed types differ from what the document gives.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('..', import.meta.url);
const spec = JSON.parse(readFileSync(new URL('apps/server/openapi.json', root), 'utf8'));
const target = new URL('apps/web/src/api/schema.gen.ts', root);
const header = '/* Generated from apps/server/openapi.json by scripts/openapi-types.mjs (npm run openapi). Do not edit. */\n\n';
const raw = header + astToString(await openapiTS(spec, { exportType: true }));
const text = execFileSync(new URL('node_modules/.bin/prettier', root).pathname, ['--stdin-filepath', target.pathname], {
  input: raw,
  encoding: 'utf8',
});

if (process.argv.includes('--check')) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== text) {
    console.error('apps/web/src/api/schema.gen.ts differs from apps/server/openapi.json: run `npm run openapi` and commit it');
    process.exit(1);
  }
  console.log('schema.gen.ts matches openapi.json');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
