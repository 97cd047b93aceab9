// What the transition phase (SPEC §4) does at a site of legacy-env-name: the new-first write (`--write --transitional`),
// the pairs it leaves and how the final run recognises them, and what waits for the final run. The rule decides which
// site gets which; this module says how.
import type { EnvEntry } from '../file-kinds/env-entries.js';
import { isEnvTemplate } from '../file-kinds/env.js';
import type { Occurrence } from '../file-kinds/scanned-text.js';
import type { ScannedFile } from '../file-kinds/scanned.js';
import { localDemoRole } from '../keys/local-stack.js';
import type { NameDecision } from '../keys/names.js';
import { classifyValue, isPlaceholder } from '../keys/values.js';
import type { SiteFate } from './analysis/collisions.js';
import { destructuringFix, readFix, renamedRead } from './read-fix.js';
import type { Edit, Report, RuleContext } from './rule.js';

export type RenameDecision = Extract<NameDecision, { kind: 'rename' }>;

/**
 * `--transitional`: reads become `NEW ?? LEGACY` (a destructured name `{ NEW: key = env.LEGACY ?? d }`), static env
 * imports gain the new name, a type gains the new member (optional), a template gains the new line, a .env line
 * holding a legacy key gains a line with the new name when a new value is supplied. Everything else keeps its legacy
 * name until the final run; undefined means nothing to do here yet.
 */
export function transitionalFix(
  file: ScannedFile,
  occurrence: Occurrence,
  decision: RenameDecision,
  context: RuleContext,
  retired: SiteFate | undefined,
): Edit[] | undefined {
  const { read, staticImport } = occurrence;
  if (read) return readFix(occurrence, renamedRead(occurrence, decision.newName), true);
  if (occurrence.destructured && !retired) return destructuringFix(occurrence, decision.newName);
  if (occurrence.typeMember && !retired && !transitionalPair(occurrence, decision.newName)) {
    return [newMemberBefore(file.text, occurrence, decision.newName)];
  }
  if (staticImport) {
    const alreadyImported = occurrence.namespaces.some((namespace) => namespace.names.includes(decision.newName));
    return alreadyImported ? undefined : [{ start: staticImport.start, end: staticImport.start, text: `${decision.newName}, ` }];
  }
  const template = retired ? undefined : templateEntry(file, occurrence);
  if (template) {
    return file.env?.some((e) => e.key === decision.newName) ? undefined : [newTemplateLineBefore(file.text, template, decision.newName)];
  }
  if (occurrence.context === 'env-key' && !retired) {
    const entry = file.env?.find((e) => e.keyStart === occurrence.start);
    const supplied = context.supplied[decision.role];
    if (entry && supplied && classifyValue(entry.value) === legacyKindOf(decision.role)) {
      return [{ start: entry.lineEnd, end: entry.lineEnd, text: newLineAfter(file.text, entry, decision.newName, supplied) }];
    }
  }
  return undefined;
}

/**
 * A type member whose new name is declared in the same type (the transitional pair a transitional write leaves);
 * `same`: the new member reads as this one renamed, so removing this one loses nothing; `copy`: the new member is
 * this one renamed and made optional (what a transitional write adds), the span that removes it.
 */
export function transitionalPair(
  occurrence: Occurrence,
  newName: string,
): { same: boolean; copy?: { start: number; end: number }; removal: { start: number; end: number } } | undefined {
  const member = occurrence.typeMember;
  const sibling = member?.siblings.find((other) => other.name === newName);
  if (!member || !sibling) return undefined;
  const normal = (text: string) => text.replace(/\s+/g, '').replace(/[;,]$/, '').replace(/["'`]/g, '');
  const renamed = renamedMember(member, occurrence, newName);
  // The copy first: it goes and this member is renamed, which gives back what one plain run writes, spacing included.
  if (normal(optionalMember(renamed, occurrence, member.start, newName)) === normal(sibling.text)) return { same: false, copy: sibling.removal, removal: member.removal };
  return { same: normal(renamed) === normal(sibling.text), removal: member.removal };
}

function renamedMember(member: NonNullable<Occurrence['typeMember']>, occurrence: Occurrence, newName: string): string {
  const at = occurrence.start - member.start;
  return member.text.slice(0, at) + newName + member.text.slice(at + occurrence.end - occurrence.start);
}

/** The renamed member made optional (`NEW?: string`): the copy a transitional write adds, so literals typed by it still check. */
function optionalMember(renamed: string, occurrence: Occurrence, memberStart: number, newName: string): string {
  let at = occurrence.start - memberStart + newName.length;
  if (/["'`]/.test(renamed[at] ?? '')) at += 1;
  return renamed[at] === '?' ? renamed : `${renamed.slice(0, at)}?${renamed.slice(at)}`;
}

/**
 * `--transitional` on a type member (`readonly VITE_SUPABASE_ANON_KEY: string`): an optional copy under the new name
 * (`readonly VITE_SUPABASE_PUBLISHABLE_KEY?: string`) goes before it, on its own line in the member's indentation when the
 * member has a line to itself: reads of either name type-check during the transition, and so does an object literal
 * typed by the type, which names only the legacy member.
 */
function newMemberBefore(text: string, occurrence: Occurrence, newName: string): Edit {
  const member = occurrence.typeMember as NonNullable<Occurrence['typeMember']>;
  const copy = optionalMember(renamedMember(member, occurrence, newName), occurrence, member.start, newName);
  const lineStart = text.lastIndexOf('\n', member.start - 1) + 1;
  const indent = text.slice(lineStart, member.start);
  if (/^[ \t]*$/.test(indent)) {
    const eol = text.slice(member.end).match(/^[^\n]*?(\r?\n)/)?.[1] ?? '\n';
    return { start: member.start, end: member.start, text: `${copy}${eol}${indent}` };
  }
  return { start: member.start, end: member.start, text: /[;,]$/.test(copy) ? `${copy} ` : `${copy}; ` };
}

/**
 * `--transitional` where nothing is written yet (SPEC §4): text that only names the key (a comment, docs, a message) is
 * info until the final run renames it; an env file's legacy line waits for the new key to be supplied, a warning.
 * Anything else (a local binding, a lookup by string) stays an error.
 */
export function transitionalWait(file: ScannedFile, occurrence: Occurrence, decision: RenameDecision): Partial<Report> | undefined {
  const { name, newName } = decision;
  if (occurrence.context === 'env-key' && file.kind === 'env') {
    const flag = decision.role === 'publishable' ? 'MIGRATE_KEYS_PUBLISHABLE_KEY' : 'MIGRATE_KEYS_SECRET_KEY';
    return {
      severity: 'warning',
      message:
        `\`${name}\` is a legacy key name, kept during the transition: supply the new ${decision.role} key (${flag}) ` +
        `and --write --transitional adds a line under \`${newName}\` beside this one`,
    };
  }
  if (isVariable(file, occurrence)) {
    return {
      severity: 'info',
      legacyUse: false,
      message: `\`${name}\` names a variable here, not an env read: it is renamed with its uses in the final run (--write without --transitional)`,
    };
  }
  if (!onlyText(file, occurrence)) return undefined;
  return {
    severity: 'info',
    legacyUse: false,
    message: `\`${name}\` is a legacy key name in text, not a read: rename it to \`${newName}\` in the final run (--write without --transitional)`,
  };
}

/**
 * A variable of this file named after a legacy key (`const SUPABASE_SERVICE_KEY = …`, a parameter, an import of another
 * module's export) and its uses: code's own name, not a read of the env (the read that fills it is its own site).
 * A property (`obj.X`, an object key), a runtime read and a static env import are not.
 */
function isVariable(file: ScannedFile, occurrence: Occurrence): boolean {
  // The binding of `{ KEY: NAME } = env` is a variable too, though it stands in a read of the env object (its key is the read).
  const read = occurrence.read || (occurrence.runtimeRead && !occurrence.rebinding) || occurrence.destructured;
  if (occurrence.context !== 'identifier' || read || occurrence.staticImport) return false;
  if (occurrence.typeMember) return false;
  const { name } = occurrence.decision;
  // Code's binding namespaces are the ones that bind (an object's keys do not).
  const declares = (o: Occurrence) => o.decision.name === name && o.namespaces.some((n) => n.binds);
  if (occurrence.namespaces.length > 0) return occurrence.namespaces.every((n) => n.binds);
  return !/\.\s*$|\?\.\s*$/.test(file.text.slice(Math.max(0, occurrence.start - 20), occurrence.start)) && file.occurrences.some(declares);
}

/** A comment, docs, or a string that merely mentions the name (not a string that is exactly the name, passed to a call or an index: a lookup). */
function onlyText(file: ScannedFile, occurrence: Occurrence): boolean {
  const { context } = occurrence;
  if (context === 'comment' || context === 'jsx-text' || context === 'text') return !occurrence.runtimeRead;
  if (context !== 'string' || occurrence.read || occurrence.runtimeRead) return false;
  const quote = file.text[occurrence.start - 1] ?? '';
  const whole = /['"`]/.test(quote) && file.text[occurrence.end] === quote;
  return !(whole && /[([,]\s*$/.test(file.text.slice(Math.max(0, occurrence.start - 200), occurrence.start - 1)));
}

/** What the transition phase keeps beside the new (SPEC §4): info, no legacy use, counted; it goes after the switch. */
export function keptForNow(offset: number, decision: RenameDecision, message: string): Report {
  return {
    offset,
    severity: 'info',
    legacyUse: false,
    fallback: true,
    message: `${message} after the legacy keys are deactivated`,
    rename: { from: decision.name, to: decision.newName },
  };
}

/** An env file's legacy line with a line of its new name in the same file: the pair a transitional write leaves. */
export function besideNewLine(file: ScannedFile, occurrence: Occurrence, newName: string): boolean {
  return occurrence.context === 'env-key' && file.kind === 'env' && file.env?.some((e) => e.key === newName) === true;
}

/** The entry whose key the occurrence is, in an env template (`.env.example`, `.env_sample`, `example.env`). */
export function templateEntry(file: ScannedFile, occurrence: Occurrence): EnvEntry | undefined {
  if (occurrence.context !== 'env-key' || file.kind !== 'env' || !isEnvTemplate(file.path)) return undefined;
  return file.env?.find((e) => e.keyStart === occurrence.start);
}

/**
 * `--transitional` in an env template: the legacy line, renamed, goes before it (after it when it ends the file without
 * a line ending), and the legacy line stays, so whoever copies the template fills in the new key. A placeholder
 * (`your-anon-key`) or the local stack's well-known demo key is kept, as the final rename keeps it, so the final run
 * (which drops the legacy line) leaves what one plain run leaves; another key value is not copied.
 */
function newTemplateLineBefore(text: string, entry: EnvEntry, newName: string): Edit {
  const between = text.slice(entry.keyEnd, entry.valueStart);
  const separator = between.includes('=') ? between : '=';
  const value = text.slice(entry.innerStart, entry.innerEnd);
  const copied = isPlaceholder(value) || localDemoRole(value) !== undefined;
  const lines = text.slice(entry.lineStart, entry.lineEnd);
  const eol = /\r\n/.test(lines || text) ? '\r\n' : '\n';
  const rest = copied ? text.slice(entry.keyEnd, entry.lineEnd).replace(/\r?\n$/, '') : separator.trimEnd();
  const line = `${text.slice(entry.lineStart, entry.keyStart)}${newName}${rest}`;
  // A last line without a line ending: the new line goes after it, so the final run, which removes the legacy line
  // whole, leaves the file ending as it did.
  if (!/\n$/.test(lines)) return { start: entry.lineEnd, end: entry.lineEnd, text: `${eol}${line}` };
  return { start: entry.lineStart, end: entry.lineStart, text: `${line}${eol}` };
}

export function legacyKindOf(role: RenameDecision['role']): string {
  return role === 'publishable' ? 'legacy-anon' : 'legacy-service-role';
}

/** A copy of the entry's lines under the new name, holding the supplied value, in the entry's own style. */
export function newLineAfter(text: string, entry: EnvEntry, newName: string, value: string): string {
  const line =
    text.slice(entry.lineStart, entry.keyStart) +
    newName +
    text.slice(entry.keyEnd, entry.innerStart) +
    value +
    text.slice(entry.innerEnd, entry.lineEnd);
  if (text.slice(entry.lineStart, entry.lineEnd).match(/\r?\n$/)) return line;
  // The legacy line is the last one and has no line ending: the new line goes after one like the line before's.
  const eol = /\r\n$/.test(text.slice(0, entry.lineStart)) ? '\r\n' : '\n';
  return eol + line;
}
