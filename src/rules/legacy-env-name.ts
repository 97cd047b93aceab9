// legacy-env-name: a legacy key name, renamed to its new name at every site that can be edited.
import { edgeTextName } from '../file-kinds/mentions.js';
import { renamesAsText } from '../file-kinds/index.js';
import { classifyValue } from '../keys/values.js';
import { isMigrationFile } from '../supabase/paths.js';
import { edgeSiteOf } from '../supabase/edge/runtime-sites.js';
import { siteFate, type SiteFate } from './analysis/collisions.js';
import type { Occurrence } from '../file-kinds/scanned-text.js';
import type { ScannedFile } from '../file-kinds/scanned.js';
import { isNewFirstFallback, readFix, renamedRead, transitionalFallback } from './read-fix.js';
import {
  besideNewLine,
  keptForNow,
  legacyKindOf,
  newLineAfter,
  templateEntry,
  transitionalFix,
  transitionalPair,
  transitionalWait,
  type RenameDecision,
} from './transition.js';
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

/**
 * Inside Edge Function code the unprefixed legacy names read from the runtime are the platform's own
 * variables, and a function's tests set them for it: a bare rename reads or sets a variable the platform
 * never sets, so `edge-function-env` owns those sites (src/supabase/edge/runtime-sites.ts). A local
 * constant or a message that merely names the key is renamed here, as anywhere else.
 */
function isEdgeRuntimeName(file: ScannedFile, occurrence: Occurrence): boolean {
  return edgeSiteOf(file, occurrence) !== undefined;
}
