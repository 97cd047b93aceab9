// .NET: MSBuild project files (.csproj, Directory.Packages.props) and NuGet's packages.lock.json, for sdk-version.
import { loadXmlParser } from '../../../core/libraries.js';
import { escapeRegExp } from '../../../keys/names.js';
import { isRecord, type Locked, type Watched } from './types.js';

/** The MSBuild items that name a NuGet package and its version: PackageReference (a project) and PackageVersion (central management). */
const ITEMS = new Set(['packagereference', 'packageversion']);

interface Item {
  tag: string;
  id: string;
  version: string;
}

/** A child or attribute of a parsed element by name, as MSBuild compares names (ignoring case). */
function member(element: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(element).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : element[key];
}

const text = (value: unknown): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : undefined;
};

/** The PackageReference / PackageVersion items of a parsed project, with `Include` (or `Update`) and `Version` (attribute or child). */
function items(node: unknown, found: Item[]): Item[] {
  if (Array.isArray(node)) for (const child of node) items(child, found);
  if (!isRecord(node)) return found;
  for (const [tag, value] of Object.entries(node)) {
    if (tag.startsWith('@_')) continue;
    if (ITEMS.has(tag.toLowerCase())) {
      for (const element of Array.isArray(value) ? value : [value]) {
        if (!isRecord(element)) continue;
        const id = text(member(element, '@_include')) ?? text(member(element, '@_update'));
        const version = text(member(element, '@_version')) ?? text(member(element, 'version'));
        if (id !== undefined && version !== undefined) found.push({ tag, id, version });
      }
    }
    items(value, found);
  }
  return found;
}

/**
 * A .csproj (or other MSBuild project) and Directory.Packages.props: parsed with fast-xml-parser (validating, so a file
 * MSBuild would refuse says nothing), then each item found in the text for the offset of its version.
 */
export function msbuildLocked(source: string, watched: Watched): Locked[] {
  const { XMLParser } = loadXmlParser();
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  const tree: unknown = parser.parse(source, true);
  const found: Locked[] = [];
  const cursors = new Map<string, number>();
  for (const item of items(tree, [])) {
    if (!watched('nuget', item.id)) continue;
    const cursorKey = `${item.tag}\u0000${item.id}`;
    const element = new RegExp(`<${escapeRegExp(item.tag)}\\b[^>]*?\\s(?:Include|Update)\\s*=\\s*(["'])${escapeRegExp(item.id)}\\1`, 'g');
    element.lastIndex = cursors.get(cursorKey) ?? 0;
    const start = element.exec(source);
    if (!start) continue;
    cursors.set(cursorKey, element.lastIndex);
    const field = new RegExp(`(?:\\sVersion\\s*=\\s*["']|<Version>\\s*)${escapeRegExp(item.version)}`, 'i').exec(source.slice(start.index));
    const offset = field ? start.index + field.index + field[0].length - item.version.length : start.index;
    found.push({ ecosystem: 'nuget', name: item.id, version: item.version, offset });
  }
  return found;
}

/** NuGet's packages.lock.json: `dependencies` by target framework, then by package id, each with its `resolved` version. */
export function nugetLocked(source: string, watched: Watched): Locked[] {
  const lock: unknown = JSON.parse(source);
  if (!isRecord(lock) || !isRecord(lock.dependencies)) return [];
  const found: Locked[] = [];
  for (const [framework, packages] of Object.entries(lock.dependencies)) {
    if (!isRecord(packages)) continue;
    const section = source.indexOf(`${JSON.stringify(framework)}`);
    for (const [id, entry] of Object.entries(packages)) {
      if (!watched('nuget', id) || !isRecord(entry) || typeof entry.resolved !== 'string') continue;
      const key = new RegExp(`${escapeRegExp(JSON.stringify(id))}\\s*:\\s*\\{`, 'g');
      key.lastIndex = Math.max(section, 0);
      const at = key.exec(source);
      const field = at ? /"resolved"\s*:\s*"/.exec(source.slice(at.index)) : null;
      const offset = at ? (field ? at.index + field.index + field[0].length : at.index) : 0;
      found.push({ ecosystem: 'nuget', name: id, version: entry.resolved, offset });
    }
  }
  return found;
}
