// What every outside-the-repository finder shares: the reference shape and how a key name is described.
import type { KeyRole } from '../keys/names.js';
import { decideName } from '../keys/names.js';
import { keyKindOfName } from '../rules/analysis/bearer/key-sources.js';
import type { EnvEntry } from '../file-kinds/env-entries.js';
import type { FileKind } from '../file-kinds/index.js';
import type { OutsideReference } from './reference.js';

export interface OutsideFile {
  path: string;
  kind: FileKind;
  text: string;
  /** The entries of a .env file, when the scan has found them already. */
  env?: readonly EnvEntry[];
}

/** One finder per kind of place: reads a file, returns the references to keys held outside the repository. */
export type OutsideFinder = (file: OutsideFile) => OutsideReference[];

/** A key env name as a reference: its new name when this migration renames it, and the role it holds. */
export function describeName(name: string): { newName?: string; role: KeyRole | 'key' } | undefined {
  const kind = keyKindOfName(name);
  if (!kind) return undefined;
  const decision = decideName(name);
  const role = kind === 'publishable' || kind === 'legacy anon' ? 'publishable' : kind === 'API' ? 'key' : 'secret';
  return decision?.kind === 'rename' ? { newName: decision.newName, role } : { role };
}

/** "put the new publishable key in X (and drop OLD once nothing reads it)". */
export function keyAction(where: string, name: string, described: { newName?: string; role: string }): string {
  const target = described.newName ?? name;
  const what = described.role === 'key' ? 'the new key' : `the new ${described.role} key`;
  return `${where}: set ${target} to ${what}${described.newName ? `; delete ${name} once nothing reads it` : ''}`;
}
