#!/usr/bin/env node
// The `shuyuan` command: loads the TypeScript sources through tsx, then runs the CLI.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

// A reader that stops early (`shuyuan demo apps | head -1`) closes the pipe: that is the end of the output, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { runCli } = await import('../src/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
