// edge-function-env: an Edge Function reads SUPABASE_ANON_KEY / SUPABASE_SERVICE_ROLE_KEY from the runtime.
import { EDGE_RUNTIME_NAMES } from '../supabase/paths.js';
import { EDGE_KEY_NAMES, edgeSiteOf, readsEdgeSyntax, singularReadsOf } from '../supabase/edge/runtime-sites.js';
import { wholeScript } from '../file-kinds/parse.js';
import type { ScannedFile } from '../file-kinds/scanned.js';
import type { Occurrence } from '../file-kinds/scanned-text.js';
import { keyCheckReads, readsKeyCompareSyntax } from './analysis/edge/key-compares.js';
import { isNewFirstFallback, readFix, renamedRead, transitionalFallback } from './read-fix.js';
import type { Edit, Report, Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

export const edgeFunctionEnv: Rule = {
  meta: {
    id: 'edge-function-env',
    severity: 'error',
    fix: 'safe',
    summary: 'an Edge Function reads SUPABASE_ANON_KEY/SUPABASE_SERVICE_ROLE_KEY (or a never-set SUPABASE_SECRET_KEY) from the runtime',
    description:
      'Edge Functions receive the new keys as JSON objects keyed by key name in SUPABASE_PUBLISHABLE_KEYS and ' +
      'SUPABASE_SECRET_KEYS. There is no injected SUPABASE_SECRET_KEY (and `supabase secrets set` skips ' +
      'SUPABASE_ names), so a bare rename breaks the function: the read becomes the `default` entry of the JSON. ' +
      "A local constant or a message that only names the key is renamed as anywhere else. A function's tests that set its env " +
      "(`Deno.env.set`, a mocked env map handed to the runtime) set the JSON variable, `JSON.stringify({ default: … })`; " +
      'tests reading their own env get the plain rename. The service_role key\'s alias SUPABASE_SERVICE_KEY is never set in a ' +
      'function either (the platform injects SUPABASE_SERVICE_ROLE_KEY, and `supabase secrets set` skips SUPABASE_ names): its ' +
      'reads there become the same JSON read, not a rename to SUPABASE_SECRET_KEY. A read that feeds a key check ' +
      'edge-function-key-compare reports (a request value compared with the key, directly or through a name bound to the read, ' +
      'or the key decoded as a JWT) is reported without a fix: rewritten alone, the check would still compare a request value ' +
      'with a key, and `--check` would no longer say so; the check is rewritten by hand first. Under --transitional a read of the JSON ' +
      'entry that falls back to the legacy read (`JSON.parse(Deno.env.get(\'SUPABASE_SECRET_KEYS\') ?? \'{}\').default ?? ' +
      "Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')`) is info, not an error: the legacy read is deleted after the legacy keys are deactivated.",
    legacyUse: true,
    blocksRotation: false,
    example: "Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!  ->  JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default!",
    sources: [
      cite(
        PAGES.functionSecrets,
        'Edge Functions get `SUPABASE_PUBLISHABLE_KEYS` and `SUPABASE_SECRET_KEYS`, JSON dictionaries of the project\'s keys, beside the legacy ' +
          '`SUPABASE_ANON_KEY` and `SUPABASE_SERVICE_ROLE_KEY`.',
      ),
      cite(
        PAGES.serverEnvironment,
        'On the Supabase platform and in local development `SUPABASE_PUBLISHABLE_KEYS` and `SUPABASE_SECRET_KEYS` are JSON objects of named keys, ' +
          '`{"default":"sb_secret_..."}`; the singular `SUPABASE_SECRET_KEY` is a fallback only where it is exported by hand (self-hosted).',
      ),
      cite(PAGES.cliReservedNames, 'The Supabase CLI warns about and skips secrets whose names start with `SUPABASE_`: that prefix is reserved.'),
      cite(
        PAGES.migrating,
        'Both key types work simultaneously, so clients are swapped one at a time and the legacy keys are deactivated only after nothing depends on them.',
      ),
      cite(
        PAGES.migratingGuidePr,
        "The migration guide's step for Edge Functions reads the new variables (`SUPABASE_PUBLISHABLE_KEYS` / `SUPABASE_SECRET_KEYS`) in place of the legacy ones.",
      ),
    ],
    examples: [
      {
        title: 'The admin client of a function',
        file: 'supabase/functions/admin/index.ts',
        before:
          "import { createClient } from 'npm:@supabase/supabase-js@2'\n\n" +
          "const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!)\n",
        after:
          "import { createClient } from 'npm:@supabase/supabase-js@2'\n\n" +
          "const admin = createClient(Deno.env.get('SUPABASE_URL')!, JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default!)\n",
      },
      {
        title: "A function's test that sets its env",
        file: 'supabase/functions/admin/index.test.ts',
        before: "Deno.env.set('SUPABASE_SERVICE_ROLE_KEY', 'test-key')\n",
        after: "Deno.env.set('SUPABASE_SECRET_KEYS', JSON.stringify({ default: 'test-key' }))\n",
      },
    ],
  },
  readsSyntax: readsEdgeSyntax,
  check(file, context) {
    const reports: Report[] = [];
    // What each runtime read of the file becomes, so that a chain of two legacy names of one JSON variable
    // (`SUPABASE_SERVICE_KEY ?? SUPABASE_SERVICE_ROLE_KEY`) collapses to one read, never `X ?? X`.
    const jsonReads = new Map<string, string>();
    // Reads that feed a key check edge-function-key-compare reports: rewritten alone they would keep the check wrong, silently.
    const checked = file.parseError || !readsKeyCompareSyntax(file) ? [] : keyCheckReads(file.scripts.parse(wholeScript(file.path, file.text)).sourceFile);
    const feedsCheck = (occurrence: Occurrence) => checked.some((read) => read.start <= occurrence.start && occurrence.start < read.end);
    const sites = file.occurrences.map((occurrence) => {
      const site = edgeSiteOf(file, occurrence, context.edge);
      // A helper's call that returns the runtime's read (`requireEnv('NAME')`, the helper declared in the module or
      // imported from another module of the functions folder) is rewritten as that read would be.
      return [site?.kind === 'read' && site.read ? { ...occurrence, read: site.read } : occurrence, site] as const;
    });
    for (const [occurrence, site] of sites) {
      if (site?.kind === 'read' && occurrence.read && !feedsCheck(occurrence)) jsonReads.set(`${occurrence.read.start}:${occurrence.read.end}`, jsonRead(occurrence, EDGE_KEY_NAMES[occurrence.decision.name] as string));
    }
    const finalText = (start: number, end: number): string => jsonReads.get(`${start}:${end}`) ?? file.text.slice(start, end);
    for (const [occurrence, site] of sites) {
      if (!site || site.kind === 'comment') continue;
      const name = occurrence.decision.name;
      const plural = EDGE_KEY_NAMES[name] as string;
      if (site.kind === 'feed') {
        reports.push(feedReport(occurrence, site.plural, context.transitional || file.parseError ? undefined : because(site.edits, runtimeReason(site.plural))));
        continue;
      }
      const newRead = site.kind === 'read' && occurrence.read ? jsonRead(occurrence, plural) : undefined;
      const what = `Edge Functions get the new keys as JSON in \`${plural}\``;
      if (site.kind === 'read' && feedsCheck(occurrence)) {
        reports.push({
          offset: occurrence.start,
          message:
            `${what}, but this read of \`${name}\` feeds a key check that edge-function-key-compare reports, which rewriting the read alone ` +
            `would leave comparing a request value with a key: rewrite that check by hand, then read \`JSON.parse(Deno.env.get('${plural}') ?? '{}').default\``,
        });
        continue;
      }
      if (site.kind === 'read' && site.split && !context.transitional && !file.parseError) {
        // A destructured env object: the name is split out into its own JSON read.
        reports.push({ offset: occurrence.start, message: `${what}: this read of \`${name}\`${aliasNote(name)} becomes the \`default\` entry of it`, fix: because(site.split, runtimeReason(plural)) });
        continue;
      }
      if (!newRead || file.parseError) {
        reports.push({
          offset: occurrence.start,
          message: `${what}, and a bare rename reads a variable the platform does not set: read \`JSON.parse(Deno.env.get('${plural}') ?? '{}').default\` instead of \`${name}\``,
        });
        continue;
      }
      if (context.transitional && isNewFirstFallback(occurrence, newRead)) {
        reports.push(transitionalFallback(plural, name, occurrence.start));
        continue;
      }
      reports.push({
        offset: occurrence.start,
        message: `${what}: this read of \`${name}\`${aliasNote(name)} becomes the \`default\` entry of it${context.transitional ? ', falling back to the legacy read for now' : ''}`,
        fix: because(readFix(occurrence, newRead, context.transitional, finalText), runtimeReason(plural)),
        // The final run's clean-up of a new-first fallback the transition kept.
        ...(!context.transitional && isNewFirstFallback(occurrence, newRead) && { fallback: true }),
      });
    }
    if (!file.parseError) reports.push(...singularReports(file));
    return reports;
  },
};

/** The reason the diff shows above a rewrite of a runtime read: it is not a plain rename. */
function runtimeReason(plural: string): string {
  return `edge-function-env: the Edge runtime injects ${plural} (JSON), not ${plural.slice(0, -1)}`;
}

function because(edits: Edit[] | undefined, reason: string): Edit[] | undefined {
  return edits?.map((edit) => ({ ...edit, reason }));
}

/** Why a name the platform does not inject (the alias SUPABASE_SERVICE_KEY) is read as the JSON too. */
function aliasNote(name: string): string {
  if (Object.hasOwn(EDGE_RUNTIME_NAMES, name)) return '';
  return ' (never set in Edge Functions: the platform sets the service_role key as `SUPABASE_SERVICE_ROLE_KEY`, and `supabase secrets set` skips SUPABASE_ names)';
}

/** A test setting the legacy variable for a function that reads the JSON one now. */
function feedReport(occurrence: Occurrence, plural: string, fix: Edit[] | undefined): Report {
  const name = occurrence.decision.name;
  const message =
    `this test sets \`${name}\` for the functions it runs, which read the JSON in \`${plural}\` now: ` +
    `set \`${plural}\` to \`JSON.stringify({ default: … })\` instead`;
  return { offset: occurrence.start, message, ...(fix && { fix }) };
}

// `Deno.env.get('SUPABASE_SECRET_KEY')`, `process.env.SUPABASE_SECRET_KEY`, …: a name the platform never injects and
// `supabase secrets set` skips (the prefix is reserved).
function singularReports(file: ScannedFile): Report[] {
  return singularReadsOf(file).map(({ start, name, plural, read }) => {
    const never = `\`${name}\` is never set in Edge Functions (\`supabase secrets set\` skips SUPABASE_ names)`;
    if (!read) return { offset: start, message: `${never}: read \`JSON.parse(Deno.env.get('${plural}') ?? '{}').default\` instead` };
    const quote = /['"`]/.exec(read.text)?.[0] ?? "'";
    const at = start - read.start;
    const renamed = read.text.slice(0, at) + plural + read.text.slice(at + name.length);
    return {
      offset: read.start,
      message: `${never}: this read becomes the \`default\` entry of \`${plural}\``,
      fix: because([{ start: read.start, end: read.end, text: `JSON.parse(${renamed} ?? ${quote}{}${quote}).default` }], `edge-function-env: the Edge runtime injects ${plural} (JSON), never ${name}`),
    };
  });
}

/** `JSON.parse(<the same read of the plural name> ?? '{}').default`, in the read's own quote style. */
function jsonRead(occurrence: Occurrence, plural: string): string {
  const read = occurrence.read as NonNullable<Occurrence['read']>;
  const quote = /['"`]/.exec(read.text)?.[0] ?? "'";
  return `JSON.parse(${renamedRead(occurrence, plural)} ?? ${quote}{}${quote}).default`;
}
