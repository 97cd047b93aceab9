// bearer-api-key: an API key (legacy or new) sent as `Authorization: Bearer`, where only user JWTs belong.
import type { ts as TS } from 'ts-morph';
import { authorizationSites, bearerToken, type AuthorizationSite } from './analysis/bearer/headers.js';
import { KeySources, type KeyKind } from './analysis/bearer/key-sources.js';
import { describeTarget, LEGACY_STOPS, NEW_KEY_REFUSED, TARGET_SOURCES, targetBreaks, targetIn, type Target } from './analysis/bearer/targets.js';
import { codeBlocks, pythonBearerSites, shellBearerSites, USER_TOKEN, type TextSite } from './analysis/bearer/text-sites.js';
import { scriptsIn } from '../file-kinds/markup.js';
import { LOCAL_STACK_PAGES, localDemoRole } from '../keys/local-stack.js';
import { type ScriptDialect } from '../file-kinds/parse.js';
import type { ScannedFile } from '../file-kinds/scanned.js';
import { typescript } from '../core/typescript.js';
import type { Edit, Report, Rule, RuleContext, SyntaxContext, SyntaxFile } from './rule.js';
import { cite, PAGES } from './sources.js';

// No target in sight: the one fact true of every service (what each answers is in meta.description, SPEC §1). Not
// "Edge Functions answer Invalid JWT": since mid-2026 verify_jwt accepts the new keys on either header (PAGES.authHeaders).
const BREAKS = `${NEW_KEY_REFUSED}, ${LEGACY_STOPS}`;
/** A publishable or secret key: told only what a new key meets (a legacy or unknown one, what either meets). */
const isNew = (kind: KeyKind) => kind === 'publishable' || kind === 'secret';
type EdgeFunctions = RuleContext['edge']['functions'];
/** The repository's Edge Function a target names, when there is one: whether the platform checks its header. */
const functionOf = (target: Target, edge: EdgeFunctions) => (target.service === 'functions' ? edge.find((fn) => fn.slug === target.name) : undefined);
/** A function of the repository with verify_jwt off that checks no caller: the header goes unread there, nothing breaks (an info). */
const unread = (target: Target | undefined, edge: EdgeFunctions): boolean => {
  const fn = target ? functionOf(target, edge) : undefined;
  return fn !== undefined && !fn.verifyJwt && !fn.checksCaller;
};

/**
 * Issue 20 item 7: what is wrong (the key, the target in sight and what it answers, issue 19 §2), then what to do;
 * `how`, whether --write --unsafe does it.
 */
const sentAlone = (kind: KeyKind, what: string, target: Target | undefined, edge: EdgeFunctions, how = ''): string => {
  const breaks = target ? targetBreaks(target, functionOf(target, edge), isNew(kind)) : isNew(kind) ? NEW_KEY_REFUSED : BREAKS;
  return `${what} is sent as Authorization: Bearer${breaks}. Send it in the \`apikey\` header instead${how}.`;
};
// The same key in both headers: the gateway accepts the pair (cited: PAGES.apiKeys); Authorization is still for user tokens.
const sentTwice = (what: string, target: Target | undefined, drop: 'entry' | 'header', how = ''): string =>
  `${what} is sent as Authorization: Bearer as well as in apikey${target ? ` to ${describeTarget(target)}` : ''}: the gateway accepts that pair, ` +
  `but Authorization is for a signed-in user's session token. Drop the Authorization ${drop}${how}.`;

/** The local CLI's demo key sent as Bearer (issue 27): not the hosted project's key, so the disable step does not touch it. */
const demoSent = (role: string, target: Target | undefined, how: string): string =>
  `the local CLI's demo ${role} key (iss supabase-demo) is sent as Authorization: Bearer${target ? ` to ${describeTarget(target)}` : ''}: ` +
  "a public constant of the local stack (`supabase start`), which disabling the hosted project's legacy keys does not touch. " +
  `When this code moves to the local stack's new keys, send it in the \`apikey\` header instead${how}.`;

/**
 * The role of the local CLI's demo key when it is the only key an expression holds: its string literals, and the names
 * it uses followed to their initializers in this module. Anything else in it (an env read, a call, a parameter) could
 * hold a hosted project's key: undefined.
 */
function demoRoleOf(value: TS.Expression, sourceFile: TS.SourceFile): 'anon' | 'service_role' | undefined {
  const ts = typescript();
  const roles = new Set<string>();
  const seen = new Set<string>();
  const initializerOf = (name: string): TS.Expression | undefined => {
    let found: TS.Expression | undefined;
    const visit = (node: TS.Node): void => {
      if (found) return;
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) found = node.initializer;
      else node.forEachChild(visit);
    };
    visit(sourceFile);
    return found;
  };
  const only = (node: TS.Node): boolean => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const text = node.text.replace(/^Bearer\s+/i, '');
      const role = localDemoRole(text);
      if (role) roles.add(role);
      // Other text (`Bearer `) is no key; a hosted key or another JWT is.
      return role !== undefined || !/eyJ|sb_(publishable|secret)_/.test(text);
    }
    if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => only(span.expression));
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return only(node.expression);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return only(node.left) && only(node.right);
    if (ts.isIdentifier(node) && !seen.has(node.text)) {
      seen.add(node.text);
      const init = initializerOf(node.text);
      return init !== undefined && only(init);
    }
    return false;
  };
  if (!only(value) || roles.size !== 1) return undefined;
  return [...roles][0] as 'anon' | 'service_role';
}

export const bearerApiKey: Rule = {
  meta: {
    id: 'bearer-api-key',
    severity: 'error',
    fix: 'unsafe',
    summary: 'an API key (legacy or new) sent as Authorization: Bearer',
    description:
      'The Authorization header is for a user\'s session JWT. Publishable and secret keys are not JWTs: sent as a Bearer token without ' +
      'the same key in apikey, PostgREST (/rest/v1) answers PGRST301, Storage (/storage/v1) "Invalid Compact JWS" and Auth (/auth/v1) ' +
      '403 bad_jwt, and an Edge Function (/functions/v1/<name>) lets them past verify_jwt only for migration compatibility, which ' +
      'authenticates no one; a legacy key there stops working when the legacy keys are deactivated. Where the request\'s URL is in ' +
      'sight, the message names that target and its answer. Send the key in the apikey header. The unsafe fix (JS/TS, --write --unsafe) ' +
      'moves it there, or drops the Authorization entry when apikey already carries the same key. A user\'s token, a forwarded header ' +
      "or a third party's token is never flagged. The local CLI's demo keys (iss supabase-demo), public constants of the local stack " +
      "that disabling the hosted project's legacy keys does not touch, are an info when they are the only key sent; so is a key sent to " +
      "a function of the repository that has verify_jwt off and reads no caller's credentials (nothing there reads the header).",
    legacyUse: true,
    blocksRotation: false,
    example: "headers: { Authorization: `Bearer ${anonKey}` }   ->   headers: { apikey: anonKey }",
    sources: [
      cite(
        PAGES.apiKeys,
        'You cannot send a publishable or secret key in the `Authorization: Bearer` header, except if the value exactly equals the `apikey` ' +
          'header (the gateway then accepts the pair: supabase-js itself sends it to PostgREST, Auth and Storage when no user is signed in).',
      ),
      cite(
        PAGES.authHeaders,
        "`Authorization: Bearer` carries a signed-in user's JWT and API keys go in the `apikey` header: sending a publishable or secret key " +
          'as a bearer token is a common mistake.',
      ),
      cite(
        PAGES.invalidJwtIssue,
        'A publishable key sent as `Authorization: Bearer` to a function with verify_jwt on was answered ' +
          '`{"code":"UNAUTHORIZED_INVALID_JWT_FORMAT","message":"Invalid JWT"}` (May 2026, before verify_jwt accepted the new keys for migration compatibility).',
      ),
      ...TARGET_SOURCES,
      cite(
        LOCAL_STACK_PAGES.cliApiKeys,
        'The local stack signs its demo anon and service_role keys with `iss: supabase-demo` and its default JWT secret, and has default ' +
          '`sb_publishable_…` / `sb_secret_…` keys of its own.',
      ),
      cite(PAGES.supabaseJsInvokePr, 'supabase-js no longer sends a new-format key as `Authorization: Bearer` on `functions.invoke`: the key goes only in `apikey`.'),
    ],
    examples: [
      {
        title: 'A key sent as a Bearer token (fixed by --write --unsafe)',
        file: 'src/api.ts',
        before:
          'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n\n' +
          'export function ping() {\n' +
          '  return fetch(`${import.meta.env.VITE_SUPABASE_URL}/functions/v1/ping`, { headers: { Authorization: `Bearer ${key}` } })\n' +
          '}\n',
        after:
          'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n\n' +
          'export function ping() {\n' +
          '  return fetch(`${import.meta.env.VITE_SUPABASE_URL}/functions/v1/ping`, { headers: { apikey: key } })\n' +
          '}\n',
      },
      {
        title: 'The same key in both headers (fixed by --write --unsafe: the Authorization entry goes)',
        file: 'src/api.ts',
        before:
          'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n\n' +
          'export function ping() {\n' +
          '  return fetch(`${import.meta.env.VITE_SUPABASE_URL}/functions/v1/ping`, { headers: { apikey: key, Authorization: `Bearer ${key}` } })\n' +
          '}\n',
        after:
          'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n\n' +
          'export function ping() {\n' +
          '  return fetch(`${import.meta.env.VITE_SUPABASE_URL}/functions/v1/ping`, { headers: { apikey: key } })\n' +
          '}\n',
      },
    ],
  },
  readsSyntax: readsCode,
  check(file, context) {
    switch (file.kind) {
      case 'code':
      case 'markup':
        return readsCode(file, context) ? codeReports(file, context) : [];
      case 'commands':
      case 'yaml':
        return textReports(shellBearerSites(file.text), context.edge.functions);
      case 'python':
        return textReports(pythonBearerSites(file.text), context.edge.functions);
      case 'markdown': {
        // Docs show commands people copy: reported, as info.
        const blocks = codeBlocks(file.text);
        const inBlock = (offset: number) => blocks.some(([start, end]) => offset >= start && offset < end);
        return textReports(shellBearerSites(file.text).filter((site) => inBlock(site.offset)), context.edge.functions).map((r) => ({ ...r, severity: 'info' as const }));
      }
      default:
        return [];
    }
  },
};

function textReports(sites: readonly TextSite[], edge: EdgeFunctions): Report[] {
  return sites.map((site) =>
    site.paired
      ? { offset: site.offset, severity: 'warning' as const, message: sentTwice(`the ${site.kind} key (${site.via})`, site.target, 'header') }
      : {
          offset: site.offset,
          message: sentAlone(site.kind, `the ${site.kind} key (${site.via})`, site.target, edge),
          ...(unread(site.target, edge) && { severity: 'info' as const }),
        },
  );
}

/** Code is read through its syntax tree: a file that does not parse is parse-error's. */
function readsCode(file: SyntaxFile, context: SyntaxContext): boolean {
  return (
    (file.kind === 'code' || file.kind === 'markup') &&
    !file.parseError &&
    /authorization/i.test(file.text) &&
    // The same value in apikey and Bearer is an API key whatever its origin.
    (/apikey/i.test(file.text) || context.keyExports.mayHoldKey(file.path, file.text))
  );
}

function codeReports(file: ScannedFile, context: RuleContext): Report[] {
  const regions: { start: number; end: number; dialect: ScriptDialect }[] =
    scriptsIn(file.path, file.text);
  const reports: Report[] = [];
  for (const region of regions) {
    const { sourceFile } = file.scripts.parse(region);
    const sources = new KeySources(sourceFile, (specifier, name) => context.keyExports(file.path, specifier, name));
    for (const site of authorizationSites(sourceFile)) {
      const paired = bearerEntry(site, sourceFile)?.paired === true;
      // With the same value in apikey, a value of unknown origin is an API key too, unless it reads as a user's token.
      const kind = sources.kindOf(site.value) ?? (paired && !USER_TOKEN.test(site.value.getText(sourceFile)) ? 'API' : undefined);
      if (!kind) continue;
      const fix = moveToApikey(site, sourceFile, region.start);
      const target = requestTarget(site, sourceFile);
      // Issue 27: the local CLI's demo key alone is a public constant of the local stack: at most an info.
      const demo = demoRoleOf(site.value, sourceFile);
      if (demo) {
        reports.push({
          offset: region.start + site.at,
          severity: 'info',
          message: paired ? sentTwice(`the local CLI's demo ${demo} key`, target, 'entry', fix ? ' (--write --unsafe does)' : '') : demoSent(demo, target, fix ? ' (--write --unsafe does)' : ' (move it by hand)'),
          ...(fix && { fix }),
        });
        continue;
      }
      reports.push({
        offset: region.start + site.at,
        message: paired
          ? sentTwice(`the ${kind} key`, target, 'entry', fix ? ' (--write --unsafe does)' : '')
          : sentAlone(kind, `the ${kind} key`, target, context.edge.functions, fix ? ' (--write --unsafe does)' : ' (move it by hand)'),
        ...(paired ? { severity: 'warning' as const } : unread(target, context.edge.functions) && { severity: 'info' as const }),
        ...(fix && { fix }),
      });
    }
  }
  return reports;
}

/**
 * The target of the request the header belongs to, when its URL is in sight: the first argument of a call around the
 * header (fetch(url, { headers }), axios.get(url, config), $fetch), within the header's statement.
 */
function requestTarget(site: AuthorizationSite, sourceFile: TS.SourceFile): Target | undefined {
  const ts = typescript();
  for (let node: TS.Node = site.value; node.parent && !ts.isSourceFile(node); node = node.parent) {
    const call = node.parent;
    if ((ts.isCallExpression(call) || ts.isNewExpression(call)) && call.arguments && call.arguments[0] && call.arguments[0] !== node) {
      const url = call.arguments[0];
      if (url.pos <= site.value.pos && site.value.end <= url.end) continue;
      const target = targetIn(url.getText(sourceFile));
      if (target) return target;
    }
    if (ts.isStatement(call) || ts.isFunctionLike(call)) return undefined;
  }
  return undefined;
}

/** An `Authorization: Bearer …` object entry: its token, and the object's `apikey` entry and whether it holds that very token. */
interface BearerEntry {
  entry: TS.PropertyAssignment;
  token: TS.Expression;
  apikey: TS.ObjectLiteralElementLike | undefined;
  paired: boolean;
}

function bearerEntry(site: AuthorizationSite, sourceFile: TS.SourceFile): BearerEntry | undefined {
  const ts = typescript();
  const entry = site.entry;
  if (!entry || !ts.isObjectLiteralExpression(entry.parent)) return undefined;
  const token = bearerToken(entry.initializer);
  if (!token) return undefined;
  const tokenText = token.getText(sourceFile);
  const apikey = apikeyEntry(entry, sourceFile);
  const paired =
    apikey !== undefined &&
    ((ts.isPropertyAssignment(apikey) && apikey.initializer.getText(sourceFile) === tokenText) || (ts.isShorthandPropertyAssignment(apikey) && tokenText === 'apikey'));
  return { entry, token, apikey, paired };
}

function apikeyEntry(entry: TS.PropertyAssignment, sourceFile: TS.SourceFile): TS.ObjectLiteralElementLike | undefined {
  const parent = entry.parent as TS.ObjectLiteralExpression;
  return parent.properties.find((p) => p !== entry && /^apikey$/i.test(p.name?.getText(sourceFile).replace(/^\[|\]$/g, '').replace(/^['"`]|['"`]$/g, '') ?? ''));
}

const MOVE_REASON = "bearer-api-key: an API key goes in the apikey header; Authorization: Bearer is for a user's session JWT";
const PAIR_REASON = "bearer-api-key: apikey already holds this key; Authorization: Bearer is for a user's session JWT";

/**
 * The unsafe fix: `Authorization: \`Bearer ${key}\`` becomes `apikey: key` in the same entry, or goes
 * when the object already has `apikey: key`. Any other shape is left to a person.
 */
function moveToApikey(site: AuthorizationSite, sourceFile: TS.SourceFile, shift: number): Edit[] | undefined {
  const ts = typescript();
  const found = bearerEntry(site, sourceFile);
  if (!found) return undefined;
  const { entry, token, apikey, paired } = found;
  const text = sourceFile.text;
  if (!apikey) {
    const name = entry.name;
    const quote = ts.isStringLiteral(name) ? text[name.getStart(sourceFile)] : '';
    const key = ts.isComputedPropertyName(name) ? `[${text[name.expression.getStart(sourceFile)]}apikey${text[name.expression.getStart(sourceFile)]}]` : `${quote}apikey${quote}`;
    // The token moves as it is: a rename inside it (another rule's fix) is made in the moved copy.
    const keeps = [{ start: shift + token.getStart(sourceFile), end: shift + token.end, at: key.length + 2 }];
    return [{ start: shift + entry.getStart(sourceFile), end: shift + entry.end, text: `${key}: ${token.getText(sourceFile)}`, keeps, reason: MOVE_REASON }];
  }
  if (!paired) return undefined;
  const span = entryRemoval(text, entry.getStart(sourceFile), entry.end);
  return [{ start: shift + span.start, end: shift + span.end, text: '', reason: PAIR_REASON }];
}

/** An object entry with its comma: its whole line when it stands alone on one, else up to the next entry. */
function entryRemoval(text: string, start: number, end: number): { start: number; end: number } {
  const comma = /^\s*,/.exec(text.slice(end));
  let stop = comma ? end + comma[0].length : end;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', stop);
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && lineEnd >= 0 && /^[ \t]*\r?$/.test(text.slice(stop, lineEnd))) {
    return { start: lineStart, end: lineEnd + 1 };
  }
  if (comma) stop += /^[ \t]*/.exec(text.slice(stop))?.[0].length ?? 0;
  else {
    // The last entry: take the comma before it instead.
    const before = /,\s*$/.exec(text.slice(0, start));
    if (before) return { start: start - before[0].length, end };
  }
  return { start, end: stop };
}
