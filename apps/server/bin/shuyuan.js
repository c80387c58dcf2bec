#!/usr/bin/env node
// The `shuyuan` command: loads the TypeScript sources through tsx, then runs the CLI.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { runCli } = await import('../src/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
