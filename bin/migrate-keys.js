#!/usr/bin/env node
// The installed command: runs the built CLI and hands its exit code to the shell.
import { main } from '../dist/src/cli.js';

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
