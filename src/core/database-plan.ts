// The database step of the plan (issue 21): each Supabase project's migrations, in order, and its seed, read whole (a
// later migration that unschedules a job or drops a trigger matters though it names no key), and the new migration
// --write adds: a change that creates a file, and the steps outside the repository it needs (the Vault secrets, applying it).
import { readFileSync } from 'node:fs';
import type { Discovery } from './discover.js';
import type { OutsideReference } from '../outside/reference.js';
import { newMigration, MIGRATION_SUFFIX } from '../supabase/database/migration.js';
import { databaseModel, NO_DATABASE, vaultSecretsOf, type DatabaseModel, type ProjectDatabase } from '../supabase/database/model.js';
import type { KeyRole } from '../supabase/database/apikey.js';
import { packageVersion } from './version.js';

const MIGRATION = /^(?:(.+)\/)?supabase\/migrations\/[^/]+\.sql$/;

/** The run's time, for the new migration's name: SOURCE_DATE_EPOCH (seconds) when set, for a reproducible run. */
export function runTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isSafeInteger(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
}

export async function planDatabase(discovery: Discovery, now: Date = runTime()): Promise<DatabaseModel> {
  const projects = new Map<string, { migrations: string[]; seed?: string }>();
  const byPath = new Map(discovery.files.map((file) => [file.path, file]));
  for (const file of discovery.files) {
    const match = MIGRATION.exec(file.path);
    if (!match) continue;
    const project = match[1] ?? '';
    const entry = projects.get(project) ?? { migrations: [] };
    entry.migrations.push(file.path);
    projects.set(project, entry);
  }
  if (projects.size === 0) return NO_DATABASE;
  const planned: ProjectDatabase[] = [];
  for (const [project, { migrations }] of projects) {
    const seedPath = `${project ? `${project}/` : ''}supabase/seed.sql`;
    const paths = [...migrations.sort(byName), ...(byPath.has(seedPath) ? [seedPath] : [])];
    const files: { path: string; text: string }[] = [];
    for (const path of paths) {
      try {
        files.push({ path, text: readFileSync((byPath.get(path) as { absolutePath: string }).absolutePath, 'utf8') });
      } catch {
        // Unreadable: the read phase reports it; its statements stay unknown.
      }
    }
    const migration = await newMigration(files, { project, now, version: packageVersion() });
    const earlier = files.filter((file) => file.path.endsWith(MIGRATION_SUFFIX)).map((file) => ({ file: file.path, secrets: vaultSecretsOf(file.text) }));
    planned.push({ project, migration, earlier });
  }
  return databaseModel(planned);
}

/** Migrations apply in the order of their versions (the digits before the first `_`, as numbers), then of their names. */
function byName(a: string, b: string): number {
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const version = (path: string) => BigInt(/^(\d+)_/.exec(name(path))?.[1] ?? '0');
  const [va, vb] = [version(a), version(b)];
  if (va !== vb) return va < vb ? -1 : 1;
  return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0;
}

/** The new migrations, one per project that needs one: the files --write creates. */
export function newMigrationFiles(model: DatabaseModel): { path: string; text: string; edits: number }[] {
  return model.projects.flatMap(({ migration }) =>
    migration.path && migration.text
      ? [{ path: migration.path, text: migration.text, edits: migration.outcomes.filter((outcome) => outcome.sql !== undefined).length }]
      : [],
  );
}

const KEY_WORDS: Record<KeyRole, string> = { secret: 'the secret key', publishable: 'the publishable key' };

/**
 * The steps in the project's database that the new migration (or one this tool wrote earlier) needs: each Vault secret
 * created with the key pasted in (never in a file), then the migration applied. migrate-keys cannot see them done.
 */
export function databaseOutside(model: DatabaseModel): OutsideReference[] {
  const steps: OutsideReference[] = [];
  for (const { migration, earlier } of model.projects) {
    const sources = [
      ...(migration.path ? [{ file: migration.path, secrets: migration.secrets }] : []),
      ...earlier,
    ];
    const seen = new Set<string>();
    for (const { file, secrets } of sources) {
      for (const secret of secrets) {
        if (seen.has(secret.name)) continue;
        seen.add(secret.name);
        const create = `select vault.create_secret('<paste ${KEY_WORDS[secret.role]}>', '${secret.name}');`;
        steps.push({
          kind: 'vault-secret',
          name: secret.name,
          file,
          line: 1,
          place: 'Supabase database (SQL editor, or psql)',
          action:
            `Supabase database (SQL editor, or psql): create the Vault secret '${secret.name}' holding ${KEY_WORDS[secret.role]}, once per project, ` +
            `before ${file} runs (\`${create}\`), then apply the migration: \`supabase db push\` (the linked project) or \`supabase migration up\` (local)`,
          command: create,
        });
      }
    }
  }
  return steps;
}
