// Python: requirements files (exact pins), poetry.lock, uv.lock and Pipfile.lock, for sdk-version.
import type { AST } from 'toml-eslint-parser';
import { loadTomlParser } from '../../../core/libraries.js';
import { isRecord, type Locked, type Watched } from './types.js';

/**
 * A requirement line pinned with `==` to one version: the name, its extras, then the version, then the end of the line,
 * a marker (`;`), a comment, a continuation (`\`) or pip-compile's `--hash`. `===`, ranges and wildcards do not match.
 */
const PINNED = /^[ \t]*([A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*(?:\[[^\]\n]*\])?[ \t]*==(?!=)[ \t]*([0-9A-Za-z.+!-]+)(?=[ \t]*(?:$|[;#\\]|--hash))/gm;

/** requirements*.txt: exact pins only; comments, `-r`/`-c` and other option lines and every range say nothing. */
export function requirementsLocked(text: string, watched: Watched): Locked[] {
  const found: Locked[] = [];
  for (const match of text.matchAll(PINNED)) {
    const name = match[1] as string;
    const version = match[2] as string;
    if (!watched('pypi', name)) continue;
    found.push({ ecosystem: 'pypi', name, version, offset: match.index + match[0].length - version.length });
  }
  return found;
}

const keyName = (keyValue: AST.TOMLKeyValue): string | undefined =>
  keyValue.key.keys.length === 1 ? String(keyValue.key.keys[0]?.type === 'TOMLBare' ? keyValue.key.keys[0].name : keyValue.key.keys[0]?.value) : undefined;

/** poetry.lock and uv.lock: each `[[package]]` table's `name` and `version` (strings), through toml-eslint-parser for the ranges. */
export function tomlLocked(text: string, watched: Watched): Locked[] {
  const ast = loadTomlParser().parseTOML(text);
  const found: Locked[] = [];
  for (const node of ast.body[0]?.body ?? []) {
    if (node.type !== 'TOMLTable' || node.kind !== 'array' || node.resolvedKey.length !== 2 || node.resolvedKey[0] !== 'package') continue;
    const field = (wanted: string) => node.body.find((keyValue) => keyName(keyValue) === wanted)?.value;
    const name = field('name');
    const version = field('version');
    if (name?.type !== 'TOMLValue' || name.kind !== 'string' || version?.type !== 'TOMLValue' || version.kind !== 'string') continue;
    if (!watched('pypi', name.value) || version.multiline) continue;
    found.push({ ecosystem: 'pypi', name: name.value, version: version.value, offset: version.range[0] + 1 });
  }
  return found;
}

/** Pipfile.lock: JSON, `default` and `develop` by package name, each `version` an `==x` pin (other forms are not judged). */
export function pipfileLocked(text: string, watched: Watched): Locked[] {
  const lock: unknown = JSON.parse(text);
  if (!isRecord(lock)) return [];
  const found: Locked[] = [];
  for (const section of ['default', 'develop']) {
    const packages = lock[section];
    if (!isRecord(packages)) continue;
    const start = new RegExp(`"${section}"\\s*:\\s*\\{`).exec(text);
    for (const [name, entry] of Object.entries(packages)) {
      if (!watched('pypi', name) || !isRecord(entry) || typeof entry.version !== 'string' || !entry.version.startsWith('==')) continue;
      const version = entry.version.slice(2);
      if (version.startsWith('=')) continue;
      // The package's key in its section, then its `"version": "==x"`.
      const from = start ? start.index : 0;
      const key = text.indexOf(JSON.stringify(name), from);
      const field = key < 0 ? undefined : new RegExp(`"version"\\s*:\\s*"==`).exec(text.slice(key));
      found.push({ ecosystem: 'pypi', name, version, offset: key < 0 ? 0 : field ? key + field.index + field[0].length : key });
    }
  }
  return found;
}
