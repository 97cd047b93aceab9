// What the run knows of each Supabase project's database callers (issue 21): the new migration --write adds, and for a
// statement of the SQL files, whether it is history (a definition replaced or removed later), re-created by that
// migration, or a sender the tool cannot re-create.
import type { KeyRole } from './apikey.js';
import { describe, type NewMigration } from './migration.js';

export interface ProjectDatabase {
  /** The folder holding `supabase/`, relative to the root ('' at the root). */
  project: string;
  migration: NewMigration;
  /** The Vault secrets a migration this tool wrote earlier reads (`-- migrate-keys-vault:`), with that file. */
  earlier: { file: string; secrets: { name: string; role: KeyRole }[] }[];
}

type StatementFate =
  /** A definition replaced or removed later in the migrations: history, which is not edited and no longer runs. */
  | { kind: 'history' }
  /** The current definition, which the new migration re-creates with the key in apikey. */
  | { kind: 'recreated'; migration: string; caller: string }
  /** The current definition, which the tool cannot re-create faithfully. */
  | { kind: 'blocked'; caller: string; why: string };

export interface DatabaseModel {
  projects: ProjectDatabase[];
  /** The fate of the statement of `file` that holds `offset`, when it is a definition of a cron job, a webhook trigger or a function. */
  fateAt(file: string, offset: number): StatementFate | undefined;
}

export const NO_DATABASE: DatabaseModel = { projects: [], fateAt: () => undefined };

export function databaseModel(projects: ProjectDatabase[]): DatabaseModel {
  return {
    projects,
    fateAt(file, offset) {
      for (const { migration } of projects) {
        const site = migration.definitions.find((definition) => definition.file === file && offset >= definition.start && offset < definition.end);
        if (!site) continue;
        const current = migration.current.get(site.id);
        if (!current || current.file !== site.file || current.start !== site.start) return { kind: 'history' };
        const outcome = migration.outcomes.find((candidate) => candidate.caller === current);
        if (outcome?.sql !== undefined && migration.path) return { kind: 'recreated', migration: migration.path, caller: describe(current) };
        if (outcome?.why !== undefined) return { kind: 'blocked', caller: describe(current), why: outcome.why };
        return undefined;
      }
      return undefined;
    },
  };
}

/** The Vault secrets a generated migration reads, from its `-- migrate-keys-vault: secret_key (secret)` line. */
export function vaultSecretsOf(text: string): { name: string; role: KeyRole }[] {
  const line = /^--\s*migrate-keys-vault:\s*(.+)$/m.exec(text)?.[1] ?? '';
  return [...line.matchAll(/([\w.-]+) \((secret|publishable)\)/g)].map((match) => ({ name: match[1] as string, role: match[2] as KeyRole }));
}
