// jscodeshift entry point: the legacy-key name renames of migrate-keys over one file, by the same core.
import type { API, FileInfo, Options } from 'jscodeshift';
import { fileKind } from '../src/file-kinds/index.js';
import { namePattern, parseNameMap } from '../src/keys/names.js';
import { planFile } from '../src/core/file-plan.js';

/**
 * `(file, api, options) => string | undefined`: the renamed source, or undefined when nothing
 * changes. `options.map` takes `OLD=NEW` pairs, comma-separated, like the CLI's `--map`.
 * The jscodeshift parser and printer are never used: edits are splices on the original text.
 */
export default function transform(file: FileInfo, _api: API, options: Options): string | undefined {
  const path = file.path.split('\\').join('/');
  const kind = fileKind(path);
  if (!kind) return undefined;
  const entries = typeof options.map === 'string' ? options.map.split(',').filter(Boolean) : [];
  const map = parseNameMap(entries);
  const plan = planFile({ path, kind, text: file.source }, namePattern(map), map);
  return plan.edits.length > 0 ? plan.after : undefined;
}
