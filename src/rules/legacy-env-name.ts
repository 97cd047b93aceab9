// legacy-env-name: a legacy key name, renamed to its new name at every site that can be edited.
import type { EnvEntry } from '../file-kinds/env-entries.js';
import { isEnvTemplate } from '../file-kinds/env.js';
import { edgeTextName } from '../file-kinds/mentions.js';
import { renamesAsText } from '../file-kinds/index.js';
import { type NameDecision } from '../keys/names.js';
import { localDemoRole } from '../keys/local-stack.js';
import { classifyValue, isPlaceholder } from '../keys/values.js';
import { isMigrationFile } from '../supabase/paths.js';
import { edgeSiteOf } from '../supabase/edge/runtime-sites.js';
import { siteFate, type SiteFate } from './analysis/collisions.js';
import type { Occurrence } from '../file-kinds/scanned-text.js';
import type { ScannedFile } from '../file-kinds/scanned.js';
import { destructuringFix, isNewFirstFallback, readFix, renamedRead, transitionalFallback } from './read-fix.js';
import type { Edit, Report, Rule, RuleContext } from './rule.js';
import { cite, PAGES } from './sources.js';

export const legacyEnvName: Rule = {
  meta: {
    id: 'legacy-env-name',
    severity: 'error',
    fix: 'safe',
    summary: 'a legacy key name anywhere it can be renamed',
    description:
      'Names such as VITE_SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY belong to the legacy JWT keys. ' +
      'They are renamed to the publishable/secret names at every site at once: env reads, .env files, ' +
      'type declarations, schemas, imports, string lookups and docs, so no reader is left behind. ' +
      'With --transitional, reads fall back to the legacy name (a destructured one becomes `{ NEW: key = env.LEGACY ?? d }`), ' +
      'types gain the new member, optional, before the legacy one, env templates gain a line with the new name and the placeholder ' +
      'before the legacy line, and .env files keep the legacy line; --check --transitional ' +
      'reports a read that takes the new name first and the legacy one second (`NEW ?? LEGACY`, `NEW || LEGACY`, ' +
      '`NEW ? NEW : LEGACY`, a destructuring default, a helper whose last resort is the legacy read after it tried the new name, ' +
      '`first(NEW, LEGACY)`) as info, since it already runs on the new key: delete the legacy read after the legacy keys are deactivated. ' +
      'A type, schema, template or .env file holding both names, a variable named after a key (code, not an env read) and text that only ' +
      'names a key (docs, comments, messages) are info too, and a .env line ' +
      'waiting for the new key a warning. ' +
      'Without --transitional such a fallback is an error, and --write collapses it to the new read (never `X ?? X`).',
    legacyUse: true,
    blocksRotation: false,
    example: 'import.meta.env.VITE_SUPABASE_ANON_KEY      ->  import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\nSUPABASE_SERVICE_ROLE_KEY=… (.env)          ->  SUPABASE_SECRET_KEY=…',
    sources: [
      cite(
        PAGES.migrating,
        'The publishable key replaces the legacy anon key and a secret key replaces service_role; both kinds work at once, so clients move one at a ' +
          'time and the legacy keys are deactivated only after nothing depends on them.',
      ),
      cite(
        PAGES.functionSecrets,
        'Edge Functions get `SUPABASE_PUBLISHABLE_KEYS` and `SUPABASE_SECRET_KEYS`, JSON dictionaries of the keys, beside the legacy ' +
          '`SUPABASE_ANON_KEY` and `SUPABASE_SERVICE_ROLE_KEY`: text about Edge Functions names those, not the singular names.',
      ),
      cite(PAGES.authHelpersToSsrSteps, "Supabase's Next.js client code reads the key from `NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY`."),
      cite(PAGES.serverEnvironment, "Outside Supabase's own runtimes, `@supabase/server` reads the keys from `SUPABASE_PUBLISHABLE_KEY` and `SUPABASE_SECRET_KEY`."),
      cite(
        PAGES.selfHostedAuthKeys,
        'Self-hosted Supabase is configured to use the new API keys alongside the legacy API keys (`ANON_KEY` and `SERVICE_ROLE_KEY`), ' +
          'with `sh utils/add-new-auth-keys.sh`.',
      ),
      cite(
        PAGES.selfHostedCompose,
        "Self-hosted Supabase's docker-compose.yml hands the legacy keys to Studio (`supabase/studio`) and to the Kong gateway as " +
          '`SUPABASE_ANON_KEY` and `SUPABASE_SERVICE_KEY`, and to the edge runtime (`supabase/edge-runtime`) as `SUPABASE_ANON_KEY` and `SUPABASE_SERVICE_ROLE_KEY`.',
      ),
    ],
    examples: [
      {
        title: 'An env read in app code',
        file: 'src/lib/supabase.ts',
        before:
          "import { createClient } from '@supabase/supabase-js'\n\n" +
          'export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY)\n',
        after:
          "import { createClient } from '@supabase/supabase-js'\n\n" +
          'export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY)\n',
      },
      {
        title: 'A .env file: the name changes, the value stays',
        file: '.env.example',
        before: 'SUPABASE_URL=\nSUPABASE_SERVICE_ROLE_KEY=\n',
        after: 'SUPABASE_URL=\nSUPABASE_SECRET_KEY=\n',
      },
    ],
  },
  check(file, context) {
    const migration = isMigrationFile(file.path);
    const reports: Report[] = [];
    // What each site becomes (its new name, or its own name where it stays), for the fallback chains a final run collapses.
    const outcomes = new Map<Occurrence, string>();
    const chains: { report: Report; occurrence: Occurrence; newName: string }[] = [];
    for (const occurrence of file.occurrences) {
      // In docs about Edge Functions a name the runtime injects has its JSON successor (SUPABASE_SECRET_KEYS), not the singular.
      const edge = edgeTextName(file, occurrence);
      const decision = edge && occurrence.decision.kind === 'rename' ? { ...occurrence.decision, newName: edge.newName } : occurrence.decision;
      // A longer name that merely ends in a legacy name, used nowhere as an env variable (an error code): it stays, unreported.
      if (!context.keyName(decision.name)) {
        outcomes.set(occurrence, decision.name);
        continue;
      }
      if (decision.kind !== 'rename' || isEdgeRuntimeName(file, occurrence)) continue;
      outcomes.set(occurrence, decision.name);
      const offset = occurrence.start;
      const legacy = `\`${decision.name}\` is a legacy key name`;
      const to = `rename it to \`${decision.newName}\``;
      const injected = edge && `; the Edge runtime injects no \`${occurrence.decision.kind === 'rename' ? occurrence.decision.newName : ''}\` but \`${decision.newName}\`, a JSON object whose \`default\` entry holds the key`;
      const rename = `${legacy}${injected ?? ''}: ${to}`;
      // Another name of its new name beside it here, or a dependency that reads the name itself in this file's package (SPEC §2).
      const fate = siteFate(file, occurrence, context);
      const blocked =
        selfHostedReason(occurrence) ?? (fate?.kind === 'keep' ? fate.reason : undefined) ??
        context.keptField(file, occurrence) ??
        context.security.keptInPackage(file.path, decision.name);
      // An env file above a package that keeps the name: its developers copy it (a monorepo's shared template).
      const below = blocked || file.kind !== 'env' ? undefined : context.security.keptBelow(file.path, decision.name);
      const pair = !file.generated && !migration ? transitionalPair(occurrence, decision.newName) : undefined;
      if (pair && !context.transitional && pair.same) {
        // The clean-up after a transitional write: the new member declares the same, so the legacy one goes.
        reports.push({
          offset,
          message: `${legacy}; \`${decision.newName}\` is declared beside it with the same type: delete this member`,
          fix: [{ ...pair.removal, text: '' }],
          fallback: true,
          rename: { from: decision.name, to: decision.newName },
        });
      } else if (pair && !context.transitional && pair.copy) {
        // The clean-up of the optional copy a transitional write added: it goes, and this member is renamed, as one plain run does.
        reports.push({
          offset,
          message: `${rename}; the optional \`${decision.newName}\` beside it is the transitional copy: it goes`,
          fix: [{ ...pair.copy, text: '' }, { start: occurrence.start, end: occurrence.end, text: decision.newName }],
          fallback: true,
          rename: { from: decision.name, to: decision.newName },
        });
      } else if (pair && context.transitional) {
        // The transition phase (SPEC §4): the new member is declared beside the legacy one; the legacy one goes in the clean-up.
        reports.push(keptForNow(offset, decision, `transitional declaration: \`${decision.newName}\` is declared beside the legacy \`${decision.name}\`: delete the legacy member`));
      } else if (context.transitional && fate?.kind === 'keep' && fate.beside && occurrence.context !== 'env-key') {
        // The transition phase (SPEC §4): a schema or object holding both names, as a hand-made transition leaves it.
        reports.push(keptForNow(offset, decision, `transitional pair: \`${decision.newName}\` stands beside the legacy \`${decision.name}\` here: delete the legacy entry`));
      } else if (blocked) {
        reports.push({ offset, message: `\`${decision.name}\` is a legacy key name, not renamed: ${blocked}`, ...(fate?.kind === 'keep' && fate.beside && { fallback: true }) });
      } else if (below) {
        reports.push(keptBelowReport(file, occurrence, decision, below, context));
      } else if (context.transitional && besideNewLine(file, occurrence, decision.newName)) {
        // The transition phase (SPEC §4): the new line is there (whoever copies a template gets it); the legacy line goes in the clean-up.
        const what = templateEntry(file, occurrence) ? 'template' : 'env line';
        reports.push(keptForNow(offset, decision, `transitional ${what}: \`${decision.newName}\` stands beside the legacy \`${decision.name}\`: delete the legacy line`));
      } else if (migration) {
        reports.push({ offset, message: `${legacy} in a migration; applied migrations are history and are not edited: ${to} in a new migration` });
      } else if (file.generated) {
        reports.push({ offset, message: `${legacy} in a generated file (${file.generated}), not edited: regenerate it from its source` });
      } else if (file.parseError && !renamesAsText(file.kind)) {
        reports.push({ offset, message: `${legacy}, not renamed since the file could not be parsed: ${to}` });
      } else if (occurrence.context === 'env-value') {
        reports.push({ offset, message: `${legacy} inside a value, where text is not renamed: ${to} if this value names a variable` });
      } else if (edge?.read) {
        reports.push({ offset, message: `${legacy}${injected ?? ''}: read it as \`JSON.parse(Deno.env.get('${decision.newName}') ?? '{}').default\`` });
      } else if (context.transitional && occurrence.read?.assigned) {
        // The transition phase (SPEC §4): a write (a test setup's `process.env.X = …`) keeps the legacy name, which the readers' fallbacks read.
        reports.push({
          offset,
          severity: 'info',
          legacyUse: false,
          fallback: true,
          message: `transitional write: this sets the legacy \`${decision.name}\`, which the readers' fallbacks read: the final run renames it to \`${decision.newName}\``,
          rename: { from: decision.name, to: decision.newName },
        });
      } else if (context.transitional && occurrence.read && isNewFirstFallback(occurrence, renamedRead(occurrence, decision.newName))) {
        // The transition phase (SPEC §4): this reader already runs on the new key; the legacy read goes in the clean-up.
        reports.push({ ...transitionalFallback(decision.newName, decision.name, offset), rename: { from: decision.name, to: decision.newName } });
      } else {
        const retired = fate?.kind === 'retire' ? fate : undefined;
        const fix = context.transitional ? transitionalFix(file, occurrence, decision, context, retired) : finalFix(occurrence, decision, retired);
        const report: Report = { offset, message: fixMessage(rename, occurrence, context, retired), fix, rename: { from: decision.name, to: decision.newName } };
        // The final run's clean-up of what the transition kept: a new-first fallback's legacy read, a legacy line beside the new one.
        if (!context.transitional && (besideNewLine(file, occurrence, decision.newName) || (occurrence.read && isNewFirstFallback(occurrence, renamedRead(occurrence, decision.newName))))) {
          report.fallback = true;
        }
        if (context.transitional && !fix && !retired) Object.assign(report, transitionalWait(file, occurrence, decision));
        reports.push(report);
        if (!retired) outcomes.set(occurrence, decision.newName);
        if (!context.transitional && !retired && (occurrence.read?.chain || occurrence.read?.defaultOf || occurrence.read?.previousArgument || occurrence.read?.ternary)) chains.push({ report, occurrence, newName: decision.newName });
      }
    }
    // A read in a `??`/`||` chain: once every site is known, the chain drops the reads that became the read before them.
    for (const { report, occurrence, newName } of chains) {
      report.fix = readFix(occurrence, renamedRead(occurrence, newName), false, (start, end) => finalText(file, outcomes, start, end));
    }
    return reports;
  },
};

/**
 * A self-hosted Supabase container reads the name itself (file-kinds/yaml.ts marks where): self-hosted Supabase
 * configures the new keys alongside the legacy ANON_KEY / SERVICE_ROLE_KEY, not in their place (SPEC §2's implicit readers).
 */
function selfHostedReason(occurrence: Occurrence): string | undefined {
  if (!occurrence.readBy) return undefined;
  const { name } = occurrence.decision;
  return (
    `${occurrence.readBy} reads \`${name}\` itself, and self-hosted Supabase configures the new keys alongside the legacy ones, ` +
    "not in their place: leave this name, and add the new keys with the self-hosting guide's utils/add-new-auth-keys.sh"
  );
}

function fixMessage(rename: string, occurrence: Occurrence, context: RuleContext, retired: SiteFate | undefined): string {
  if (retired) return `${rename}; ${retired.reason}`;
  if (context.transitional && (occurrence.read || occurrence.destructured)) return `${rename}; for now it reads the new name first and falls back to the legacy one`;
  return rename;
}

/** The plain run: rename, or retire a legacy site beside its new name (a read in a fallback chain: see check). */
function finalFix(occurrence: Occurrence, decision: RenameDecision, retired: SiteFate | undefined): Edit[] | undefined {
  if (retired) {
    const span = occurrence.retireSpan as { start: number; end: number };
    return [{ start: span.start, end: span.end, text: '', reason: `legacy-env-name: ${retired.reason}` }];
  }
  // `{ NEW: LEGACY = … }` (a transitional write's shorthand): the binding becomes the key, so the shorthand `{ NEW = … }`.
  const { rebinding } = occurrence;
  if (rebinding?.key === decision.newName) return [{ start: rebinding.start, end: rebinding.end, text: '' }];
  return [{ start: occurrence.start, end: occurrence.end, text: decision.newName }];
}

/**
 * `--transitional`: reads become `NEW ?? LEGACY`, static env imports gain the new name, a .env line
 * holding a legacy key gains a line with the new name when a new value is supplied. Everything else
 * keeps its legacy name until the final run; undefined means nothing to do here yet.
 */
function transitionalFix(
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
function transitionalPair(
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
function transitionalWait(file: ScannedFile, occurrence: Occurrence, decision: RenameDecision): Partial<Report> | undefined {
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
function keptForNow(offset: number, decision: RenameDecision, message: string): Report {
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
function besideNewLine(file: ScannedFile, occurrence: Occurrence, newName: string): boolean {
  return occurrence.context === 'env-key' && file.kind === 'env' && file.env?.some((e) => e.key === newName) === true;
}

/** The entry whose key the occurrence is, in an env template (`.env.example`, `.env_sample`, `example.env`). */
function templateEntry(file: ScannedFile, occurrence: Occurrence): EnvEntry | undefined {
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

type RenameDecision = Extract<NameDecision, { kind: 'rename' }>;

/**
 * A legacy name in an env file that serves a package keeping it (SecurityModel.keptBelow): the name stays, and its
 * line gains a copy under the new name, holding the same value, for the packages that moved on (issue 18, item 6).
 */
function keptBelowReport(file: ScannedFile, occurrence: Occurrence, decision: RenameDecision, below: string, context: RuleContext): Report {
  const { name, newName } = decision;
  const kept = `\`${name}\` is a legacy key name, kept in this env file, ${below}`;
  const until = 'once that package passes supabaseKey or moves to @supabase/ssr (implicit-legacy-env)';
  const entries = file.env ?? [];
  const entry = occurrence.context === 'env-key' ? entries.findLast((e) => e.key === name) : undefined;
  if (!entry || entry.keyStart !== occurrence.start) return { offset: occurrence.start, message: `${kept}: rename it ${until}` };
  if (entries.some((e) => e.key === newName)) {
    return { offset: occurrence.start, message: `${kept}; \`${newName}\` beside it serves the packages that moved on: delete this line ${until}` };
  }
  // The value is kept, as a rename keeps it; a legacy JWT gives way to the new key supplied for its role (SPEC §3).
  const supplied = context.supplied[decision.role];
  const replaced = supplied !== undefined && classifyValue(entry.value) === legacyKindOf(decision.role);
  const value = replaced ? supplied : file.text.slice(entry.innerStart, entry.innerEnd);
  const holding = replaced ? `the ${decision.role} key supplied` : 'the same value';
  return {
    offset: occurrence.start,
    message: `${kept}; a line under \`${newName}\` holding ${holding} is added beside it for the packages that moved on: delete this one ${until}`,
    fix: [{ start: entry.lineEnd, end: entry.lineEnd, text: newLineAfter(file.text, entry, newName, value) }],
  };
}

/**
 * The text of a span once this rule's renames are made in it; undefined when it holds a name this rule
 * leaves to another (an Edge Function's runtime read, a secret behind a public prefix), whose edit a fix over it would drop.
 */
function finalText(file: ScannedFile, outcomes: ReadonlyMap<Occurrence, string>, start: number, end: number): string | undefined {
  let text = '';
  let cursor = start;
  for (const occurrence of file.occurrences) {
    if (occurrence.start < start || occurrence.end > end) continue;
    const name = outcomes.get(occurrence);
    if (name === undefined) return undefined;
    text += file.text.slice(cursor, occurrence.start) + name;
    cursor = occurrence.end;
  }
  return text + file.text.slice(cursor, end);
}

function legacyKindOf(role: RenameDecision['role']): string {
  return role === 'publishable' ? 'legacy-anon' : 'legacy-service-role';
}

/** A copy of the entry's lines under the new name, holding the supplied value, in the entry's own style. */
function newLineAfter(text: string, entry: EnvEntry, newName: string, value: string): string {
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

/**
 * Inside Edge Function code the unprefixed legacy names read from the runtime are the platform's own
 * variables, and a function's tests set them for it: a bare rename reads or sets a variable the platform
 * never sets, so `edge-function-env` owns those sites (src/supabase/edge/runtime-sites.ts). A local
 * constant or a message that merely names the key is renamed here, as anywhere else.
 */
function isEdgeRuntimeName(file: ScannedFile, occurrence: Occurrence): boolean {
  return edgeSiteOf(file, occurrence) !== undefined;
}
