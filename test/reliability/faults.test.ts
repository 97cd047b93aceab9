// Faults reported, never hidden: a read-only file, a folder that cannot be written, a file that vanishes, a full disk, failing fsync/rename,
// a backup or manifest that cannot be saved. Each names the file, exits 2, processes every other file, and leaves nothing partial.
// The CLI runs in-process (`main`), with faults injected into node:fs: tests run as root here, where chmod does not deny anything.
import type * as fs from 'node:fs';
import { chmodSync, existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runMain } from '../helpers/in-process.js';
import { removeTempDirs } from '../helpers/repo.js';
import { allTemps, gitRepo, hashTree, STATE } from './helpers.js';
import { writeFileTree } from './tree.js';

type Op = 'open' | 'write' | 'fsync' | 'rename' | 'mkdir' | 'read';
interface Fault {
  op: Op;
  /** Matches the path the operation is about (for write and fsync: the path the descriptor was opened with). */
  path: (path: string) => boolean;
  /** Throws this error; or, for `write`, first writes half of the data, then throws it. */
  error?: NodeJS.ErrnoException;
  halfFirst?: boolean;
  /** Runs before the operation instead of failing it (a file vanishing at that moment). */
  before?: () => void;
  hits: number;
}

const injected = vi.hoisted(() => ({ faults: [] as Fault[], descriptors: new Map<number, string>() }));

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  type Fn = (...args: unknown[]) => unknown;
  const call = (name: keyof typeof actual, args: unknown[]) => (actual[name] as Fn)(...args);
  const check = (op: Op, path: unknown): Fault | undefined => {
    for (const fault of injected.faults) {
      if (fault.op !== op || path === undefined || !fault.path(String(path))) continue;
      fault.hits++;
      if (fault.before) fault.before();
      else if (fault.halfFirst && fault.hits === 1) return fault;
      else if (fault.error) throw fault.error;
    }
    return undefined;
  };
  const wrapped = {
    ...actual,
    openSync: (...args: unknown[]) => {
      check('open', args[0]);
      const fd = call('openSync', args) as number;
      injected.descriptors.set(fd, String(args[0]));
      return fd;
    },
    closeSync: (...args: unknown[]) => {
      injected.descriptors.delete(args[0] as number);
      return call('closeSync', args);
    },
    writeSync: (...args: unknown[]) => {
      const half = check('write', injected.descriptors.get(args[0] as number));
      if (half) {
        const [fd, buffer, offset = 0] = args as [number, Buffer, number];
        return actual.writeSync(fd, buffer, offset, Math.max(1, Math.floor((buffer.length - offset) / 2)));
      }
      return call('writeSync', args);
    },
    fsyncSync: (...args: unknown[]) => {
      check('fsync', injected.descriptors.get(args[0] as number));
      return call('fsyncSync', args);
    },
    renameSync: (...args: unknown[]) => {
      check('rename', args[1]);
      return call('renameSync', args);
    },
    mkdirSync: (...args: unknown[]) => {
      check('mkdir', args[0]);
      return call('mkdirSync', args);
    },
    readFileSync: (...args: unknown[]) => {
      check('read', args[0]);
      return call('readFileSync', args);
    },
  };
  return { ...wrapped, default: wrapped };
});

afterEach(() => {
  injected.faults.length = 0;
});
afterAll(removeTempDirs);

const IS_ROOT = process.getuid?.() === 0;

function errno(code: string, text: string, syscall: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${text}, ${syscall}`);
  error.code = code;
  error.syscall = syscall;
  return error;
}

function inject(fault: Omit<Fault, 'hits'>): Fault {
  const added = { ...fault, hits: 0 };
  injected.faults.push(added);
  return added;
}

const cli = (cwd: string, argv: string[]) => runMain(cwd, argv);

const VICTIM = 'victim/v.ts';
const OTHERS = ['a.ts', 'b/b.ts', 'z.md', '.env.local'];
const FILES: Record<string, string> = {
  '.gitignore': '*.local\n',
  'a.ts': 'export const a = process.env.SUPABASE_SERVICE_ROLE_KEY;\n',
  'b/b.ts': 'export const b = import.meta.env.VITE_SUPABASE_ANON_KEY;\n',
  [VICTIM]: 'export const v = process.env.SUPABASE_SERVICE_ROLE_KEY;\n',
  'z.md': 'Set `VITE_SUPABASE_ANON_KEY` in `.env`.\n',
  '.env.local': 'SUPABASE_SERVICE_ROLE_KEY=local-only\n',
};
const LEGACY = /SUPABASE_SERVICE_ROLE_KEY|VITE_SUPABASE_ANON_KEY/;

function repository(): { repo: string; old: Record<string, string> } {
  const repo = gitRepo((dir) => writeFileTree(dir, FILES), 'migrate-keys-faults-');
  return { repo, old: hashTree(repo).files };
}

const at = (repo: string, path: string) => join(repo, ...path.split('/'));
const underVictim = (repo: string) => (path: string) => path.startsWith(at(repo, 'victim') + '/');
const isTempOf = (name: string) => (path: string) => new RegExp(`/\\.${name.replace('.', '\\.')}\\.migrate-keys-\\d+-[0-9a-f]{8}\\.tmp$`).test(path);

/** The common verdict: exit 2, the victim named with `message`, every other file migrated, no temp file anywhere. */
async function expectReportedAndIsolated(repo: string, old: Record<string, string>, message: RegExp, options: { victimKept?: boolean; asFinding?: boolean } = {}) {
  const run = await cli(repo, ['--write']);
  injected.faults.length = 0;
  expect(run.code, run.stderr).toBe(2);
  if (options.asFinding) {
    // Read failures are findings of the plan: under the file's heading in the output.
    expect(run.stdout).toMatch(new RegExp(`${VICTIM}\n\\s+1:1\\s+error\\s+${message.source}`));
  } else {
    expect(run.stderr).toMatch(new RegExp(`migrate-keys: ${VICTIM}: ${message.source}`));
    expect(run.stderr.split('\n').filter((line) => line.startsWith('migrate-keys: ')).length, run.stderr).toBe(1);
  }
  for (const path of OTHERS) expect(readFileSync(at(repo, path), 'utf8'), path).not.toMatch(LEGACY);
  if (options.victimKept !== false) expect(hashTree(repo).files[VICTIM]).toBe(old[VICTIM]);
  expect(allTemps(repo)).toEqual([]);
  return run;
}

/** undo restores everything the faulty run wrote. */
async function expectUndoRestores(repo: string, old: Record<string, string>) {
  const undo = await cli(repo, ['undo']);
  expect(undo.code, undo.stderr).toBe(0);
  expect(hashTree(repo).files).toEqual(old);
}

describe('a fault while writing one file is reported, and every other file is still migrated', () => {
  it('a read-only file (no write bit) is left as it is', async () => {
    const { repo, old } = repository();
    chmodSync(at(repo, VICTIM), 0o444);
    await expectReportedAndIsolated(repo, old, /is read-only, so it was not written/);
    await expectUndoRestores(repo, old);
  });

  it('a folder that cannot be written (EACCES creating the temp file)', async () => {
    const { repo, old } = repository();
    if (IS_ROOT) inject({ op: 'open', path: underVictim(repo), error: errno('EACCES', 'permission denied', 'open') });
    else chmodSync(at(repo, 'victim'), 0o555);
    try {
      await expectReportedAndIsolated(repo, old, /could not be written \(EACCES: permission denied\); it keeps its old content/);
    } finally {
      chmodSync(at(repo, 'victim'), 0o755);
    }
    await expectUndoRestores(repo, old);
  });

  it('a file that vanishes between the plan and the write is reported, not recreated', async () => {
    const { repo, old } = repository();
    // The moment --write starts: the backup folder is created.
    const vanish = inject({ op: 'mkdir', path: (path) => path === at(repo, STATE), before: () => unlinkSync(at(repo, VICTIM)) });
    await expectReportedAndIsolated(repo, old, /no longer exists, so it was not written/, { victimKept: false });
    expect(vanish.hits).toBe(1);
    expect(existsSync(at(repo, VICTIM))).toBe(false);
    const undo = await cli(repo, ['undo']);
    expect(undo.code, undo.stderr).toBe(0);
    const { [VICTIM]: _gone, ...rest } = old;
    expect(hashTree(repo).files).toEqual(rest);
  });

  it('a full disk (ENOSPC after half the bytes) leaves the old bytes and no temp file', async () => {
    const { repo, old } = repository();
    const full = inject({ op: 'write', path: (path) => isTempOf('v.ts')(path) && underVictim(repo)(path), halfFirst: true, error: errno('ENOSPC', 'no space left on device', 'write') });
    await expectReportedAndIsolated(repo, old, /could not be written \(ENOSPC: no space left on device\); it keeps its old content/);
    expect(full.hits).toBe(2);
    await expectUndoRestores(repo, old);
  });

  it('fsync failing (EIO) is a failed write, not a silent one', async () => {
    const { repo, old } = repository();
    inject({ op: 'fsync', path: (path) => isTempOf('v.ts')(path) && underVictim(repo)(path), error: errno('EIO', 'i/o error', 'fsync') });
    await expectReportedAndIsolated(repo, old, /could not be written \(EIO: i\/o error\); it keeps its old content/);
    await expectUndoRestores(repo, old);
  });

  it('rename failing (EBUSY) keeps the old file and removes the temp file', async () => {
    const { repo, old } = repository();
    inject({ op: 'rename', path: (path) => path === at(repo, VICTIM), error: errno('EBUSY', 'resource busy or locked', 'rename') });
    await expectReportedAndIsolated(repo, old, /could not be written \(EBUSY: resource busy or locked\); it keeps its old content/);
    await expectUndoRestores(repo, old);
  });

  it("a backup that cannot be saved (ENOSPC in .migrate-keys/) keeps that file unwritten: no change without a way back", async () => {
    const { repo, old } = repository();
    inject({ op: 'write', path: (path) => path.includes(`/${STATE}/backups/`) && isTempOf('v.ts')(path), error: errno('ENOSPC', 'no space left on device', 'write') });
    await expectReportedAndIsolated(repo, old, /not written: its backup could not be saved \(ENOSPC: no space left on device\); it keeps its old content/);
    await expectUndoRestores(repo, old);
  });

  it('a file that cannot be read is reported by the plan, and the others are written', async () => {
    const { repo, old } = repository();
    inject({ op: 'read', path: (path) => path === at(repo, VICTIM), error: errno('EACCES', 'permission denied', 'open') });
    await expectReportedAndIsolated(repo, old, /could not be read \(EACCES\)/, { asFinding: true });
    await expectUndoRestores(repo, old);
  });
});

describe('a fault that stops every write is reported for every file, and nothing changes', () => {
  it('the undo manifest cannot be saved (ENOSPC): no file is written, no backup is left', async () => {
    const { repo, old } = repository();
    inject({ op: 'write', path: isTempOf('last-run.json'), error: errno('ENOSPC', 'no space left on device', 'write') });
    const run = await cli(repo, ['--write']);
    expect(run.code).toBe(2);
    for (const path of [VICTIM, ...OTHERS]) {
      expect(run.stderr).toContain(`migrate-keys: ${path}: not written: the undo manifest .migrate-keys/last-run.json could not be saved (ENOSPC: no space left on device); it keeps its old content`);
    }
    expect(hashTree(repo)).toMatchObject({ files: old, temps: [] });
    expect(allTemps(repo)).toEqual([]);
    expect(existsSync(join(repo, STATE, 'last-run.json'))).toBe(false);
    expect(hashTree(repo).state.filter((path) => path.includes('/backups/'))).toEqual([]);
    expect((await cli(repo, ['undo'])).stderr).toContain('nothing to undo');
  });

  it('the backup folder cannot be created (EACCES): no file is written', async () => {
    const { repo, old } = repository();
    inject({ op: 'mkdir', path: (path) => path === at(repo, STATE), error: errno('EACCES', 'permission denied', 'mkdir') });
    const run = await cli(repo, ['--write']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`migrate-keys: ${VICTIM}: not written: the backup folder .migrate-keys/ could not be prepared (EACCES: permission denied)`);
    expect(hashTree(repo).files).toEqual(old);
    expect(allTemps(repo)).toEqual([]);
  });

  it('the --report file cannot be written (ENOSPC): exit 2, the migration itself is done', async () => {
    const { repo } = repository();
    inject({ op: 'write', path: isTempOf('report.md'), error: errno('ENOSPC', 'no space left on device', 'write') });
    const run = await cli(repo, ['--write', '--report', 'report.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/report\.md: could not be written \(ENOSPC\)/);
    expect(existsSync(join(repo, 'report.md'))).toBe(false);
    expect(allTemps(repo)).toEqual([]);
    for (const path of [VICTIM, ...OTHERS]) expect(readFileSync(at(repo, path), 'utf8'), path).not.toMatch(LEGACY);
  });
});
