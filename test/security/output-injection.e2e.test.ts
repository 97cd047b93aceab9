// Issue 15 item 4: file names, file content and API error bodies are a stranger's bytes. None may
// start a GitHub workflow command of its own, set the terminal's title or clear the screen.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { git, removeTempDirs, runCli, tempDir, writeTree } from '../helpers/repo.js';
import { runCliAsync } from '../reliability/helpers.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

afterAll(removeTempDirs);

const LEGACY = 'export const key = import.meta.env.VITE_SUPABASE_ANON_KEY;\n';
const INJECTED_NAME = 'src/evil\n::error file=x.ts::INJECTED\n.ts';
const TITLE = '\x1b]0;pwned\x07';
const CLEAR = '\x1b[2J';
const C1_CSI = '\u009b2J';

/** A repository whose names and lines carry workflow commands and terminal sequences. */
function hostileRepo(): string {
  return writeTree({
    [INJECTED_NAME]: LEGACY,
    [`src/title${TITLE}.ts`]: LEGACY,
    'src/content.ts': `// ${TITLE}${CLEAR}${C1_CSI}\nexport const s = \`\n::error file=y.ts::FROM-CONTENT\n\`;\n${LEGACY}`,
  });
}

/** Lines that a GitHub runner would read as a workflow command, other than our own annotations. */
function forgedCommands(output: string): string[] {
  return output.split(/\r?\n|\r/).filter((line) => line.startsWith('::') && !/^::(error|warning|notice) file=[^\n]*,line=\d+,col=\d+,title=migrate-keys \(/.test(line));
}

/** ESC or a C1 control anywhere, except the colour codes (SGR) we print ourselves when asked to. */
function rawControls(output: string, allowColours: boolean): string[] {
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  const text = allowColours ? output.replace(/\x1b\[[0-9;]*m/g, '') : output;
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  return [...text.matchAll(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g)].map((match) => JSON.stringify(match[0]));
}

describe('output cannot be injected through file names or content', () => {
  const root = hostileRepo();
  git(root, 'init', '-q', '-b', 'main');

  it.each([
    ['preview (stylish, with the diff)', [] as string[]],
    ['--check (stylish)', ['--check']],
    ['--check -f github', ['--check', '-f', 'github']],
  ])('%s: no forged workflow command and no raw terminal control', (_name, args) => {
    const run = runCli(root, args);
    expect(run.status).toBe(1);
    expect(forgedCommands(run.stdout)).toEqual([]);
    expect(forgedCommands(run.stderr)).toEqual([]);
    expect(rawControls(run.stdout + run.stderr, false)).toEqual([]);
    // Still said, as visible text: the names are not hidden, only made inert.
    expect(run.stdout).toMatch(/evil(\\n|%0A)/);
  });

  it('with colours forced on, our own colour codes are the only escape sequences', () => {
    const run = runCli(root, [], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(run.stdout).toContain('\x1b[');
    expect(rawControls(run.stdout, true)).toEqual([]);
    expect(forgedCommands(run.stdout)).toEqual([]);
  });

  it('--write and its failures print no raw control either', () => {
    const run = runCli(root, ['--write', '--allow-dirty']);
    expect(run.status).toBe(0);
    expect(rawControls(run.stdout + run.stderr, false)).toEqual([]);
    expect(forgedCommands(run.stdout + run.stderr)).toEqual([]);
  });
});

describe('an API error body cannot drive the terminal', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
    server = undefined;
  });

  it('ESC and C1 bytes in a Management API error are escaped on stderr', async () => {
    // A hostile API (or a proxy in between) answering every request with terminal sequences.
    server = createServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: `boom ${TITLE}${CLEAR}${C1_CSI}\n::error::FROM-API` }));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const root = tempDir('migrate-keys-inject-api-');
    const run = await runCliAsync(root, ['legacy-keys', '--project-ref', 'abcdefghijklmnopqrst'], {
      env: { SUPABASE_ACCESS_TOKEN: `sbp_${'0a'.repeat(20)}`, SUPABASE_API_URL: url, MIGRATE_KEYS_HTTP_RETRY_DELAY_MS: '5' },
    });
    expect(run.stderr).toContain('boom');
    expect(run.code).toBe(2);
    expect(rawControls(run.stdout + run.stderr, false)).toEqual([]);
    expect(forgedCommands(run.stderr)).toEqual([]);
  });
});
