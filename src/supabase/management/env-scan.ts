// Reads the repository's env files for what points at a project: hosted URLs, legacy JWTs and their `ref`.
import { readFileSync } from 'node:fs';
import { discover } from '../../core/discover.js';
import { envEntries } from '../../file-kinds/env-entries.js';
import { isEnvTemplate } from '../../file-kinds/env.js';
import { classifyValue, isHostedLegacyKey, type ValueClass } from '../../keys/values.js';

/** One entry of an env file, by what it holds; the value itself is only kept in memory. */
export interface EnvValue {
  file: string;
  line: number;
  key: string;
  value: string;
  kind: ValueClass;
  /** The decoded `ref` claim of a legacy JWT. */
  ref?: string;
}

export interface EnvFile {
  path: string;
  text: string;
  values: EnvValue[];
}

/** A hosted project's URL: `https://<ref>.supabase.co` (20 lower-case letters). */
const HOSTED_URL = /\bhttps?:\/\/([a-z]{20})\.supabase\.(?:co|in)\b/g;
export const PROJECT_REF = /^[a-z]{20}$/;
/** `.env.example` and friends (`.env_sample`, `example.env`) hold placeholders for people to fill in, not a project's values. */
export const isTemplate = isEnvTemplate;

/** The env files a run with these paths reads (the same discovery as the run), parsed. */
export async function envFilesIn(root: string, paths: readonly string[], ignore: readonly string[]): Promise<EnvFile[]> {
  const discovery = await discover({ root, paths, ignore });
  const files: EnvFile[] = [];
  for (const file of discovery.files) {
    if (file.kind !== 'env') continue;
    let text: string;
    try {
      text = readFileSync(file.absolutePath, 'utf8');
    } catch {
      continue; // The run reports unreadable files itself.
    }
    files.push({ path: file.path, text, values: envValues(file.path, text) });
  }
  return files;
}

function envValues(path: string, text: string): EnvValue[] {
  return envEntries(text).map((entry) => {
    const kind = classifyValue(entry.value);
    const line = lineOf(text, entry.keyStart);
    const ref = isHostedLegacyKey(kind) ? jwtRef(entry.value.trim()) : undefined;
    return { file: path, line, key: entry.key, value: entry.value, kind, ...(ref ? { ref } : {}) };
  });
}

/** The project refs of the hosted URLs in a text. */
export function hostedRefs(text: string): string[] {
  return [...text.matchAll(HOSTED_URL)].map((match) => match[1] as string);
}

/** The `ref` claim of a JWT, when it has a well-formed one. */
function jwtRef(token: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { ref?: unknown };
    return typeof claims.ref === 'string' && PROJECT_REF.test(claims.ref) ? claims.ref : undefined;
  } catch {
    return undefined;
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
