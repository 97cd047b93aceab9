// Which project a command is about: --project-ref, or the linked project, env-file URLs and legacy JWTs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { SKIPPED_DIRECTORIES } from '../../core/discover.js';
import { envFilesIn, hostedRefs, isTemplate, PROJECT_REF } from './env-scan.js';
import { ManagementError } from './errors.js';

export interface ProjectRef {
  ref: string;
  /** Where it came from, for the user: `--project-ref`, `supabase/.temp/project-ref`, `.env (URL)`, … */
  source: string;
}

/** Checks a ref given on the command line; `option` names it in the message. */
function checkProjectRef(ref: string, option: string): string {
  if (!PROJECT_REF.test(ref)) {
    throw new ManagementError(`${option}: "${ref.slice(0, 40)}" is not a project ref (20 lower-case letters, as in https://<ref>.supabase.co)${option === '--from-project' ? '; put paths before --from-project' : ''}`);
  }
  return ref;
}

/**
 * The given ref, else the linked project (`supabase/.temp/project-ref`, written by `supabase link`),
 * else the one project the env files point at (hosted URLs and the `ref` claim of legacy JWTs).
 * Several candidates at the first level that has any: the user must choose with `--project-ref`.
 */
export async function resolveProjectRef(root: string, given: string | undefined, option = '--project-ref'): Promise<ProjectRef> {
  if (given !== undefined) return { ref: checkProjectRef(given, option), source: option };
  const levels = [await linkedRefs(root), await envRefs(root)];
  for (const candidates of levels) {
    const refs = [...new Set(candidates.map((candidate) => candidate.ref))];
    if (refs.length === 1) {
      const sources = candidates.filter((candidate) => candidate.ref === refs[0]).map((candidate) => candidate.source);
      return { ref: refs[0] as string, source: [...new Set(sources)].slice(0, 3).join(', ') };
    }
    if (refs.length > 1) {
      const listed = refs.map((ref) => `${ref} (${candidates.find((candidate) => candidate.ref === ref)?.source})`).join(', ');
      throw new ManagementError(`this repository points at several projects: ${listed}; choose one with ${option} <ref>`);
    }
  }
  throw new ManagementError(
    `no project ref found (supabase/.temp/project-ref, a https://<ref>.supabase.co URL or a legacy key in the env files): pass ${option} <ref>`,
  );
}

/** All the refs the repository points at, for consistency warnings. */
export async function repositoryRefs(root: string): Promise<Set<string>> {
  return new Set([...(await linkedRefs(root)), ...(await envRefs(root))].map((candidate) => candidate.ref));
}

async function linkedRefs(root: string): Promise<ProjectRef[]> {
  const files = await fg('**/supabase/.temp/project-ref', {
    cwd: root,
    dot: true,
    followSymbolicLinks: false,
    ignore: SKIPPED_DIRECTORIES.map((dir) => `**/${dir}/**`),
  });
  const found: ProjectRef[] = [];
  for (const file of files.sort()) {
    const ref = readFileSync(join(root, file), 'utf8').trim();
    if (PROJECT_REF.test(ref)) found.push({ ref, source: file });
  }
  return found;
}

async function envRefs(root: string): Promise<ProjectRef[]> {
  const found: ProjectRef[] = [];
  for (const file of await envFilesIn(root, [], [])) {
    if (isTemplate(file.path)) continue;
    for (const ref of hostedRefs(file.text)) found.push({ ref, source: `${file.path} (URL)` });
    for (const value of file.values) if (value.ref) found.push({ ref: value.ref, source: `${file.path}:${value.line} (legacy key)` });
  }
  return found;
}
