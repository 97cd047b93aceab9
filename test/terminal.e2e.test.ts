// End to end: the default command on examples/vite-react as a person sees it, in a real pseudo-terminal with colours on
// (issue 20 acceptance): the capture is kept as test/__snapshots__/terminal-vite-react.txt, for a person to read.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, exampleRepo, removeTempDirs } from './helpers/repo.js';

afterAll(removeTempDirs);

/** util-linux `script` runs a command under a pseudo-terminal; macOS and Windows have none that takes these flags. */
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux') === true;
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The capture with what changes from run to run made constant: the terminal's CRLF, the progress line, the timing. */
function normalised(capture: string): string {
  return (
    capture
      .replace(/\r\n/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/\r\x1b\[2K(?:migrate-keys: \d+\/\d+ files)?/g, '')
      .replace(/\b\d+\.\d\ds\b/g, '0.00s')
  );
}

describe.skipIf(!hasScript)('the default output in a terminal (needs util-linux `script` for a pseudo-terminal: skipped without it)', () => {
  it('examples/vite-react, colours on: the capture matches test/__snapshots__/terminal-vite-react.txt', async () => {
    const repo = exampleRepo('vite-react');
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', GITHUB_ACTIONS: '', MIGRATE_KEYS_PUBLISHABLE_KEY: '', MIGRATE_KEYS_SECRET_KEY: '' };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const run = spawnSync('script', ['-qec', `${quote(process.execPath)} ${quote(CLI)}`, '/dev/null'], { cwd: repo, env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const capture = normalised(run.stdout);
    // Colours are on: the terminal was a terminal.
    expect(capture).toContain('\x1b[31m');
    expect(capture).toContain('14 fixable by `--write` (the diff above: 10 hunks in 9 files) · 2 need you (2 warnings) · 2 steps outside the repo');
    await expect(capture).toMatchFileSnapshot('__snapshots__/terminal-vite-react.txt');
  });
});
