// Crash safety: the built CLI is killed with SIGKILL at random points of `--write` on a few hundred files; every file is then old or new, and undo restores all.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, removeTempDirs } from '../helpers/repo.js';
import { generateRepo, prng } from './generate.js';
import { copyRepo, gitRepo, hashTree, runCliAsync, STATE, TEMP_FILE, type AsyncRun } from './helpers.js';

afterAll(removeTempDirs);

/** 15 in `npm test`; set MIGRATE_KEYS_CRASH_ITERATIONS for a longer soak. */
const ITERATIONS = Number(process.env.MIGRATE_KEYS_CRASH_ITERATIONS ?? 15);
const CHANGED = 200;

/** When to kill: at a time, some time after a phase began, or as soon as a given file was replaced. */
type Trigger =
  | { kind: 'time'; at: number }
  | { kind: 'backups' | 'writes'; after: number }
  | { kind: 'file'; path: string };

interface Phases {
  /** ms from spawn until `.migrate-keys/` exists (backups begin), until the manifest exists (writes begin), until exit. */
  backups: number;
  writes: number;
  end: number;
}

/** Runs `--write` and kills it with SIGKILL when the trigger fires; also measures the phases. */
function writeAndKill(repo: string, trigger?: Trigger): Promise<AsyncRun & { phases: Partial<Phases> }> {
  const phases: Partial<Phases> = {};
  const inode = trigger?.kind === 'file' ? statSync(join(repo, trigger.path)).ino : 0;
  return runCliAsync(repo, ['--write', '--quiet'], {
    watch: (child, elapsed) => {
      phases.backups ??= existsSync(join(repo, STATE)) ? elapsed : undefined;
      phases.writes ??= existsSync(join(repo, STATE, 'last-run.json')) ? elapsed : undefined;
      let fire = false;
      if (trigger?.kind === 'time') fire = elapsed >= trigger.at;
      else if (trigger?.kind === 'backups') fire = phases.backups !== undefined && elapsed - phases.backups >= trigger.after;
      else if (trigger?.kind === 'writes') fire = phases.writes !== undefined && elapsed - phases.writes >= trigger.after;
      else if (trigger?.kind === 'file') fire = statSync(join(repo, trigger.path)).ino !== inode;
      if (fire) child.kill('SIGKILL');
      return fire;
    },
  }).then((run) => ({ ...run, phases: { ...phases, end: run.ms } }));
}

describe('SIGKILL during --write', () => {
  it(
    `leaves every file exactly old or new, temp files only beside the file in flight, and undo (or a second --write) finishes the job (${ITERATIONS} kills)`,
    { timeout: 300_000 },
    async () => {
      const template = gitRepo((dir) => generateRepo(dir, { changed: CHANGED, unchanged: 100 }), 'migrate-keys-crash-');
      const old = hashTree(template).files;

      // The new bytes: one uninterrupted run on another copy.
      const reference = copyRepo(template);
      const full = await writeAndKill(reference);
      // 0, or 1 when findings that need a person remain: either way a finished run (2 would be a failure).
      expect([0, 1], full.stderr).toContain(full.code);
      const fresh = hashTree(reference).files;
      expect(Object.keys(fresh).sort()).toEqual(Object.keys(old).sort());
      const changed = Object.keys(old).filter((path) => fresh[path] !== old[path]).sort();
      expect(changed).toHaveLength(CHANGED);
      const unchanged = Object.keys(old).filter((path) => !changed.includes(path));
      expect(changed.filter((path) => path.endsWith('/.env.local')).length).toBeGreaterThanOrEqual(15);
      expect(git(template, 'status', '--porcelain', '--ignored')).toContain('.env.local');
      const { backups = 0, writes = 0, end = 0 } = full.phases;
      expect(backups).toBeGreaterThan(0);
      expect(writes).toBeGreaterThan(backups);

      const rng = prng(20240611);
      const plans: Trigger[] = Array.from({ length: ITERATIONS }, (_, i) => {
        const triggers: Trigger[] = [
          { kind: 'time', at: rng() * end },
          { kind: 'backups', after: rng() * (writes - backups) },
          { kind: 'writes', after: rng() * (end - writes) },
          // A file in the first half of the write order: once it lands, the later half is still old.
          { kind: 'file', path: changed[Math.floor(rng() * (changed.length / 2))] as string },
          { kind: 'writes', after: rng() * 20 },
        ];
        return triggers[i % triggers.length] as Trigger;
      });
      const stats = { temps: 0, beforeBackups: 0, duringBackups: 0, mixed: 0, allNew: 0, finished: 0, undone: 0, resumed: 0 };

      const iteration = async (i: number, trigger: Trigger) => {
        const label = `iteration ${i}, kill at ${JSON.stringify(trigger)}`;
        const repo = copyRepo(template);
        const run = await writeAndKill(repo, trigger);
        // A kill that lands as the run exits finds nothing left to stop: that run simply finished.
        if (run.signal !== 'SIGKILL') {
          expect(run.code, `${label}: ${run.stderr}`).toBe(full.code);
          stats.finished++;
        }

        // Every file is exactly its old or its new bytes; nothing else appears but temp files.
        const after = hashTree(repo);
        expect(Object.keys(after.files).sort(), label).toEqual(Object.keys(old).sort());
        let written = 0;
        for (const path of changed) {
          const hash = after.files[path];
          expect([old[path], fresh[path]], `${label}: ${path}`).toContain(hash);
          if (hash === fresh[path]) written++;
        }
        for (const path of unchanged) expect(after.files[path], `${label}: ${path}`).toBe(old[path]);
        // At most one temp file (the file in flight), beside a file the run changes, named with the killed pid.
        expect(after.temps.length, `${label}: ${after.temps.join(', ')}`).toBeLessThanOrEqual(1);
        stats.temps += after.temps.length;
        for (const temp of after.temps) {
          const [, , name = '', pid] = TEMP_FILE.exec(temp) ?? [];
          expect(changed, label).toContain(temp.slice(0, temp.lastIndexOf('/') + 1) + name);
          expect(Number(pid), label).toBe(run.pid);
        }
        const manifest = existsSync(join(repo, STATE, 'last-run.json'));
        if (!manifest) {
          // Killed before the manifest was written: nothing may have changed.
          expect(written, label).toBe(0);
          if (after.state.length === 0) stats.beforeBackups++;
          else stats.duringBackups++;
        } else if (written === changed.length) stats.allNew++;
        else if (written > 0) stats.mixed++;

        if (i % 7 === 6) {
          // Finishing instead of undoing: a second --write (the files already written are uncommitted changes now).
          const resume = await runCliAsync(repo, ['--write', '--allow-dirty', '--quiet']);
          expect(resume.code, `${label}: ${resume.stderr}`).toBe(full.code);
          expect(hashTree(repo), label).toMatchObject({ files: fresh, temps: [] });
          stats.resumed++;
          return;
        }
        const undo = await runCliAsync(repo, ['undo']);
        if (manifest) {
          expect(undo.code, `${label}: ${undo.stderr}`).toBe(0);
          stats.undone++;
        } else {
          expect(undo.code, `${label}: ${JSON.stringify({ run, undo })}`).toBe(2);
          expect(undo.stderr, label).toContain('nothing to undo');
        }
        // Old bytes everywhere, no temp file left beside a user file, and git sees nothing new.
        expect(hashTree(repo), label).toMatchObject({ files: old, temps: [] });
        expect(git(repo, 'status', '--porcelain'), label).toBe('');
      };
      // Two at a time: the runs wait on fsync much of the time.
      let next = 0;
      const worker = async () => {
        while (next < plans.length) {
          const i = next++;
          await iteration(i, plans[i] as Trigger);
        }
      };
      await Promise.all([worker(), worker()]);
      console.info(`crash loop: reference run ${Math.round(end)} ms (backups from ${Math.round(backups)} ms, writes from ${Math.round(writes)} ms); ${JSON.stringify(stats)}`);
      // The loop must have hit the write phase, with files both written and not yet written.
      expect(stats.mixed).toBeGreaterThanOrEqual(1);
      expect(stats.undone).toBeGreaterThanOrEqual(3);
      expect(stats.resumed).toBe(Math.floor((ITERATIONS + 1) / 7));
    },
  );
});
