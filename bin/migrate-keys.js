#!/usr/bin/env node
// The installed command: runs the built CLI and hands its exit code to the shell.
import { main } from '../dist/bundle/cli.js';

// `migrate-keys --format json | head`: a reader that stops early ends the output, not the run (a
// --write in progress finishes, and the exit code is the run's).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
