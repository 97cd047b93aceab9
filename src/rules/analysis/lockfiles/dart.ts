// pub's pubspec.lock (Dart, Flutter): the packages it resolves, for sdk-version.
import { loadYaml } from '../../../core/libraries.js';
import type { Locked, Watched } from './types.js';

/** pubspec.lock: YAML, `packages` by name, each with its `version`; the offset is the version scalar's, inside its quotes. */
export function pubLocked(text: string, watched: Watched): Locked[] {
  const yaml = loadYaml();
  const document = yaml.parseDocument(text);
  if (document.errors.length > 0) throw document.errors[0];
  const packages = document.get('packages');
  if (!yaml.isMap(packages)) return [];
  const found: Locked[] = [];
  for (const pair of packages.items) {
    const name = yaml.isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (name === undefined || !watched('pub', name) || !yaml.isMap(pair.value)) continue;
    const version = pair.value.get('version', true);
    if (!yaml.isScalar(version) || typeof version.value !== 'string' || !version.range) continue;
    const quoted = version.type === 'QUOTE_DOUBLE' || version.type === 'QUOTE_SINGLE';
    found.push({ ecosystem: 'pub', name, version: version.value, offset: version.range[0] + (quoted ? 1 : 0) });
  }
  return found;
}
