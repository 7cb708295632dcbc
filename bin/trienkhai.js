#!/usr/bin/env node
// Entry point of the `trienkhai` command: TypeScript sources run through tsx's loader,
// so there is no separate server build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
if (typeof code === 'number' && code !== 0) process.exitCode = code;
