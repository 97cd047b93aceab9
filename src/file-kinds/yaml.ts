// The yaml kind (CI workflows, compose, Kubernetes, Cloud Build and hosting manifests): its parse error and its mappings' keys.
import type { Document } from 'yaml';
import { loadYaml } from '../core/libraries.js';
import type { Namespace } from './declarations.js';
import type { KindModule } from './kind.js';

/** Flutter's manifest (`pubspec.yaml`): its dependencies' constraints and the assets the app bundles. */
export function isPubspec(path: string): boolean {
  return path === 'pubspec.yaml' || path.endsWith('/pubspec.yaml');
}

export const yamlKind: KindModule<'yaml'> = {
  kind: 'yaml',
  docs: {
    files: 'YAML: CI workflows, Compose, Kubernetes, Helm values, `render.yaml`',
    changes: 'env keys and `${{ secrets.X }}` references (the secret itself is an outside step)',
  },
  matches: ({ extension }) => extension === '.yml' || extension === '.yaml',
  searchesNames: true,
  holdsCommands: true,
  // A name is a key or a scalar's text: renaming it never changes the document's structure, parsed or not.
  renamesAsText: true,
  scan(file) {
    if (file.occurrences.length === 0) return;
    const documents = parseDocuments(file.text);
    const error = yamlError(documents);
    if (error) file.parseError = error;
    const readers = selfHostedReaders(file.text, documents);
    for (const o of file.occurrences) {
      o.namespaces = [yamlKeyNamespace(file.text, o.start, o.end)].filter((n) => n !== undefined);
      const reader = readers.get(o.start);
      if (reader && (reader.name === undefined || reader.name === o.decision.name)) o.readBy = reader.by;
    }
  },
};

type YamlDocument = Document.Parsed;

function parseDocuments(text: string): YamlDocument[] {
  return [...loadYaml().parseAllDocuments(text)].filter((document): document is YamlDocument => 'errors' in document);
}

/** The first syntax error of a YAML text: reported; the names are renamed as text all the same (renamesAsText). */
function yamlError(documents: readonly YamlDocument[]): { offset: number; message: string } | undefined {
  for (const document of documents) {
    const [error] = document.errors;
    if (error) return { offset: error.pos[0], message: error.message.split('\n')[0] as string };
  }
  return undefined;
}

/**
 * Self-hosted Supabase's own containers read the legacy names themselves (supabase/supabase docker/docker-compose.yml):
 * Studio (SUPABASE_ANON_KEY, SUPABASE_SERVICE_KEY), the edge runtime, which hands SUPABASE_ANON_KEY and
 * SUPABASE_SERVICE_ROLE_KEY to the functions, and the Kong gateway, whose entrypoint writes SUPABASE_ANON_KEY and
 * SUPABASE_SERVICE_KEY into the declarative config it loads. Kong counts only when it loads a declarative config
 * (KONG_DECLARATIVE_CONFIG, or a kong.yml mounted): Kong itself reads no SUPABASE_ name, the config does; a Kong of
 * one's own that loads none reads nothing of the app's. Matched by the image's name, without registry or tag.
 */
const SELF_HOSTED_IMAGES: Readonly<Record<string, 'studio' | 'edge-runtime' | 'kong'>> = {
  'supabase/studio': 'studio',
  'supabase/edge-runtime': 'edge-runtime',
  kong: 'kong',
  'kong/kong': 'kong',
  'kong/kong-gateway': 'kong',
};

/** `ghcr.io/supabase/studio:2026.02.16@sha256:…` -> `supabase/studio`. */
function imageName(image: string): string {
  const withoutDigest = image.split('@')[0] as string;
  const parts = withoutDigest.toLowerCase().split('/');
  const last = parts.length - 1;
  parts[last] = (parts[last] as string).split(':')[0] as string;
  // A registry host (a dot, a port, localhost, an interpolated ${REGISTRY}) and Docker Hub's library/ go.
  if (parts.length > 1 && /[.:$]|^localhost$/.test(parts[0] as string)) parts.shift();
  if (parts.length > 1 && parts[0] === 'library') parts.shift();
  return parts.join('/');
}

interface Reader {
  by: string;
  /** The key a compose environment entry names there (the occurrence must be that key, not a name inside it). */
  name?: string;
}

/** Where a name is read by a self-hosted Supabase container itself: occurrence start -> who reads it. */
function selfHostedReaders(text: string, documents: readonly YamlDocument[]): Map<number, Reader> {
  const { isMap, isSeq, isScalar, isAlias } = loadYaml();
  const readers = new Map<number, Reader>();
  const scalarText = (node: unknown): string | undefined => (isScalar(node) && typeof node.value === 'string' ? node.value : undefined);
  const keyStart = (node: { range?: [number, number, number] | null }): number | undefined => {
    const start = node.range?.[0];
    if (start === undefined) return undefined;
    return text[start] === '"' || text[start] === "'" ? start + 1 : start;
  };
  for (const document of documents) {
    const root = document.contents;
    if (!isMap(root)) continue;
    // Kong's declarative config (_format_version): its $NAME are filled in from the gateway container's environment.
    if (root.items.some((pair) => scalarText(pair.key) === '_format_version')) {
      const by = "Kong's declarative config, filled in from the gateway container's environment,";
      for (const match of text.matchAll(/\$\{?(?=[A-Za-z_])/g)) readers.set(match.index + match[0].length, { by });
      continue;
    }
    const services = root.get('services', true);
    if (!isMap(services)) continue;
    for (const { key, value: service } of services.items) {
      const serviceName = scalarText(key);
      if (serviceName === undefined || !isMap(service)) continue;
      const image = scalarText(service.get('image', true));
      const reader = image === undefined ? undefined : SELF_HOSTED_IMAGES[imageName(image)];
      if (!reader) continue;
      const environment = service.get('environment', true);
      // Its entries: [key text, where the key starts], merged mappings (<<: *anchor) included.
      const entries: [string, number | undefined][] = [];
      const addMap = (map: unknown, depth: number): void => {
        if (!isMap(map) || depth > 8) return;
        for (const pair of map.items) {
          const name = scalarText(pair.key);
          if (name === '<<') {
            const merged = isAlias(pair.value) ? pair.value.resolve(document) : pair.value;
            for (const source of isSeq(merged) ? merged.items : [merged]) addMap(isAlias(source) ? source.resolve(document) : source, depth + 1);
          } else if (name !== undefined && isScalar(pair.key)) {
            entries.push([name, keyStart(pair.key)]);
          }
        }
      };
      addMap(environment, 0);
      if (isSeq(environment)) {
        for (const item of environment.items) {
          const entry = scalarText(item);
          if (entry !== undefined && isScalar(item)) entries.push([entry.split('=')[0] as string, keyStart(item)]);
        }
      }
      if (reader === 'kong') {
        const volumes = service.get('volumes', true);
        const mountsConfig = isSeq(volumes) && volumes.items.some((v) => /\bkong\.ya?ml\b/.test(scalarText(v) ?? scalarText(isMap(v) ? v.get('source', true) : undefined) ?? ''));
        if (!mountsConfig && !entries.some(([name]) => name === 'KONG_DECLARATIVE_CONFIG')) continue;
      }
      const by = `the \`${serviceName}\` service (${imageName(image as string)})`;
      for (const [name, start] of entries) if (start !== undefined) readers.set(start, { by, name });
    }
  }
  return readers;
}

const YAML_KEY_BEFORE = /^([ \t]*)(-[ \t]+)?(["']?)$/;

/**
 * The mapping a YAML key at `start..end` belongs to, or undefined when the name is not a key there:
 * renaming two keys of one mapping into one name would write a duplicate key, so the collision
 * check must see them (like .env keys and code members).
 */
function yamlKeyNamespace(text: string, start: number, end: number): Namespace | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = YAML_KEY_BEFORE.exec(text.slice(lineStart, start));
  if (!before) return undefined;
  const quote = before[3] ?? '';
  if (!new RegExp(`^${quote}[ \\t]*:(\\s|$)`).test(text.slice(end, end + 4))) return undefined;
  const indent = (before[1] ?? '').length + (before[2] ?? '').length;
  const lines = text.split('\n');
  const lineIndex = text.slice(0, lineStart).split('\n').length - 1;
  const key = new RegExp(`^[ \\t]{${indent}}(?:-[ \\t]+)?(["']?)([^\\s"':#][^"':]*?)\\1[ \\t]*:(\\s|$)`);
  const names: string[] = [];
  let first = lineIndex;
  const indentOf = (line: string) => /^[ \t]*/.exec(line)?.[0].length ?? 0;
  const isContent = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');
  // Siblings: the lines around with the same indentation, up to a line indented less.
  while (first > 0 && !(isContent(lines[first - 1] as string) && indentOf(lines[first - 1] as string) < indent)) first--;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i] as string;
    if (i > lineIndex && isContent(line) && indentOf(line) < indent) break;
    const match = key.exec(line);
    if (match) names.push(match[2] as string);
  }
  return { id: `yaml@${first}:${indent}`, kind: 'strict', names };
}
