// Builds the web app when its bundle is missing or older than its sources, so that
// `npm install && npm start` works on a fresh clone without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const webDir = join(root, 'apps/web');
const distIndex = join(webDir, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

if (!existsSync(join(root, 'node_modules/vite'))) {
  // postinstall of a partial install (e.g. `npm install` inside one workspace): nothing to build with yet.
  process.exit(0);
}
const sources = Math.max(
  newestMtime(join(webDir, 'src')),
  newestMtime(join(root, 'packages/contracts/src')),
  statSync(join(webDir, 'index.html')).mtimeMs,
);
if (existsSync(distIndex) && statSync(distIndex).mtimeMs >= sources) process.exit(0);
console.log('[shuyuan] building the web app (apps/web) …');
const result = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
