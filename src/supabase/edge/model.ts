// A model of every Supabase project in the repository: its config.toml, its Edge Functions, how each
// is deployed, whether it checks its caller, and who calls it. Built once per run from what was read.
import { posix } from 'node:path';
import { commentTest } from '../../file-kinds/comments.js';
import { findDirectives, type Directive } from '../../file-kinds/directives.js';
import { holdsCommands, type FileKind } from '../../file-kinds/index.js';
import { isAppSource } from '../../file-kinds/source.js';
import { checksCaller, findInvocations, localImports, writesWithSecretClient } from './auth-check.js';
import { comparesBearerWithOwnSecret } from './secret-compare.js';
import { readProjectConfig, type FunctionConfig, type ProjectConfig } from './config-toml.js';
import { findDeployCommands, findScriptCalls, type DeployCommand } from './deploys.js';
import { lineAt } from '../../core/positions.js';
import type { Scripts } from '../../file-kinds/parse.js';

export interface ModelFile {
  path: string;
  kind: FileKind;
  text: string;
  /** The file's parsed scripts, when the scan kept them (a scanned file's). */
  scripts?: Scripts;
}

interface Place {
  file: string;
  offset: number;
  line: number;
}

/**
 * Who a caller is, by where the call stands: app code (`functions.invoke`, a fetch of the URL; server-side app code,
 * a Next.js route handler, counts as app too), another Edge Function (code under a supabase/functions/ folder: a server,
 * which holds the secret key), SQL (`pg_net` from a migration, a cron job, a Database Webhook), or a script or CI job
 * (curl in a workflow, a Makefile, a Python or Go program).
 */
export type CallerKind = 'app' | 'function' | 'sql' | 'script';

export interface Caller extends Place {
  kind: CallerKind;
}

export interface EdgeFunction {
  slug: string;
  /** The project's supabase/ folder, relative to the root ('' never: at least 'supabase'). */
  projectDir: string;
  entrypoint: string;
  configFile?: string;
  config?: FunctionConfig;
  /** verify_jwt as config.toml sets it (default true), before any deploy flag. */
  configVerifyJwt: boolean;
  /** Effective verify_jwt: deploy flag > config > default true. */
  verifyJwt: boolean;
  /** Whether its code, or a module it imports, checks its caller: the guard it needs once verify_jwt is off. */
  checksCaller: boolean;
  /** Whether its code makes a secret-key client and writes or deletes with it (issue 27 item 6). */
  writesWithSecretClient: boolean;
  /** Whether its code compares the Authorization header's Bearer with a secret of its own, not a Supabase key (issue 27 item 8). */
  checksBearerSecret: boolean;
  callers: Caller[];
  /** The `migrate-keys-ignore` comments of its entry file: a finding anchored there obeys them. */
  entryDirectives: Directive[];
}

interface Deploy extends Place {
  command: DeployCommand;
  functions: EdgeFunction[];
}

export interface EdgeModel {
  functions: EdgeFunction[];
  deploys: Deploy[];
  configs: Map<string, ProjectConfig>;
  /**
   * The module of a project's functions folder that `importer` (a module there) imports as `specifier`, among the files
   * the run read: a relative import, or a bare one an import map aliases into the folder (as reachableCode follows them).
   */
  importedModule(importer: string, specifier: string): ModelFile | undefined;
}

/** What the report's per-function table shows of a function (Plan.functions): the facts the verify_jwt rules decide by. */
export interface FunctionFacts {
  slug: string;
  entrypoint: string;
  /** The kinds of caller the repository shows, each once, in CALLER_KINDS' order. */
  callers: CallerKind[];
  /** Whether its code, or a module it imports, checks its caller. */
  guard: boolean;
  /** Effective verify_jwt (deploy flag > config > default true). */
  verifyJwt: boolean;
}

const CALLER_KINDS: readonly CallerKind[] = ['app', 'function', 'sql', 'script'];

/** Every function's facts, by entrypoint. */
export function functionFacts(model: EdgeModel): FunctionFacts[] {
  return model.functions
    .map((fn) => ({
      slug: fn.slug,
      entrypoint: fn.entrypoint,
      callers: CALLER_KINDS.filter((kind) => fn.callers.some((caller) => caller.kind === kind)),
      guard: fn.checksCaller,
      verifyJwt: fn.verifyJwt,
    }))
    .sort((a, b) => (a.entrypoint < b.entrypoint ? -1 : a.entrypoint > b.entrypoint ? 1 : 0));
}

const ENTRYPOINTS = ['index.ts', 'index.js', 'index.tsx', 'index.jsx', 'index.mts', 'index.mjs'];

export function buildEdgeModel(files: readonly ModelFile[]): EdgeModel {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const configs = new Map<string, ProjectConfig>();
  const projectDirs = new Set<string>();
  for (const file of files) {
    if (file.kind === 'toml') {
      configs.set(file.path, readProjectConfig(file.text));
      projectDirs.add(posix.dirname(file.path));
    }
    const dir = functionsRoot(file.path);
    if (dir !== undefined) projectDirs.add(dir);
  }

  const functions: EdgeFunction[] = [];
  for (const projectDir of projectDirs) {
    const configFile = byPath.has(`${projectDir}/config.toml`) ? `${projectDir}/config.toml` : undefined;
    const projectConfig = configFile ? configs.get(configFile) : undefined;
    for (const slug of slugsOf(projectDir, files, projectConfig)) {
      const config = projectConfig?.functions.get(slug);
      const entrypoint = entrypointOf(projectDir, slug, config, byPath);
      if (!entrypoint) continue;
      const configVerifyJwt = config?.verifyJwt?.value !== false;
      const reachable = reachableCode(entrypoint, `${projectDir}/functions/`, byPath);
      functions.push({
        slug,
        projectDir,
        entrypoint,
        configFile,
        config,
        configVerifyJwt,
        verifyJwt: configVerifyJwt,
        checksCaller: checksCaller(reachable.map((path) => byPath.get(path) as ModelFile)),
        writesWithSecretClient: writesWithSecretClient(reachable.map((path) => byPath.get(path) as ModelFile)),
        checksBearerSecret: comparesBearerWithOwnSecret(reachable.map((path) => byPath.get(path) as ModelFile)),
        callers: [],
        entryDirectives: directivesOf((byPath.get(entrypoint) as ModelFile).text),
      });
    }
  }

  const deploys: Deploy[] = [];
  const commandFiles = files.filter((file) => holdsCommands(file.kind));
  // Issue 27 item 4: the script files that npm scripts, workflows and Makefiles call, with the arguments they pass.
  const scriptCalls = commandFiles.flatMap((file) => findScriptCalls(file.text, commandsFolder(file.path), file.kind === 'yaml'));
  for (const file of commandFiles) {
    for (const command of findDeployCommands(file.text, file.kind === 'yaml', file.path.endsWith('.json'))) {
      const place = { file: file.path, offset: command.offset, line: lineAt(file.text, command.offset) };
      const calls = command.forwardsArguments ? scriptCalls.filter((call) => call.script === file.path) : [];
      if (calls.length === 0) {
        deploys.push({ ...place, command, functions: deployedFunctions(file.path, command, functions) });
        continue;
      }
      // A script that passes its arguments on deploys what each call gives it: one deploy for the calls that turn
      // verify_jwt off, one for those that leave it on, at the script's command.
      for (const noVerifyJwt of [true, false]) {
        const group = calls
          .map((call) => ({ ...command, names: [...command.names, ...call.names], noVerifyJwt: command.noVerifyJwt || call.noVerifyJwt }))
          .filter((called) => called.noVerifyJwt === noVerifyJwt);
        if (group.length === 0) continue;
        const names = group.some((called) => called.names.length === 0) ? [] : [...new Set(group.flatMap((called) => called.names))];
        const merged: DeployCommand = { ...command, names, noVerifyJwt };
        const deployed = [...new Set(group.flatMap((called) => deployedFunctions(file.path, called, functions)))];
        deploys.push({ ...place, command: merged, functions: deployed });
      }
    }
  }
  for (const fn of functions) {
    const own = deploys.filter((deploy) => deploy.functions.includes(fn));
    // A deploy flag wins over config.toml; the function is off only if every deploy turns it off.
    fn.verifyJwt = fn.configVerifyJwt && !(own.length > 0 && own.every((deploy) => deploy.command.noVerifyJwt));
  }

  for (const file of files) {
    const kind = callerKind(file);
    if (kind === undefined) continue;
    const invocations = findInvocations(file.text);
    if (invocations.length === 0) continue;
    // A call in a comment (a commented-out curl example, a TODO) calls no one.
    const inComment = commentsOf(file);
    for (const { slug, offset } of invocations) {
      if (inComment(offset)) continue;
      for (const fn of functions) {
        // A function's own files never call it: they show how to call it (a curl example) or build its own URL.
        if (fn.slug === slug && !ownFile(fn, file.path)) fn.callers.push({ file: file.path, offset, line: lineAt(file.text, offset), kind });
      }
    }
  }
  const importedModule = (importer: string, specifier: string): ModelFile | undefined => {
    const root = functionsRoot(importer);
    const target = root === undefined ? undefined : importTarget(importer, specifier, `${root}/functions/`, byPath);
    return target === undefined ? undefined : byPath.get(target);
  };
  return { functions, deploys, configs, importedModule };
}

/**
 * Who calls from a file of this kind; undefined for files that call no function (docs, env files, config). Code under a
 * supabase/functions/ folder is another Edge Function's; Python and Go are scripts or servers, Dart, Swift and Kotlin apps.
 */
function callerKind(file: ModelFile): CallerKind | undefined {
  if (file.kind === 'code' || file.kind === 'markup') return functionsRoot(file.path) === undefined ? 'app' : 'function';
  if (file.kind === 'sql') return 'sql';
  if (file.kind === 'source') return isAppSource(file.path) ? 'app' : 'script';
  if (file.kind === 'python' || holdsCommands(file.kind)) return 'script';
  return undefined;
}

/** Whether a file is one of the function's own: under its folder, or its entrypoint. */
function ownFile(fn: EdgeFunction, path: string): boolean {
  return path === fn.entrypoint || path.startsWith(`${fn.projectDir}/functions/${fn.slug}/`);
}

interface CommentSyntax {
  /** What starts a comment to the end of the line. */
  line: readonly string[];
  /** A line comment starts only at the line's start or after a blank (shell, YAML: `a#b` is a word). */
  lineAfterBlank?: true;
  block?: readonly [string, string];
  /** String quotes: a comment marker inside a string starts none. */
  quotes: string;
  /** Quotes whose strings may span lines; the others end at the line's end (a stray apostrophe in YAML or shell prose). */
  multiline: string;
  /** Quotes in which a backslash escapes the next character. */
  escapes: string;
}

const HASH_COMMENTS: CommentSyntax = { line: ['#'], lineAfterBlank: true, quotes: `'"`, multiline: '', escapes: '"' };
const SQL_COMMENTS: CommentSyntax = { line: ['--'], block: ['/*', '*/'], quotes: `'"`, multiline: `'"`, escapes: '' };
const C_COMMENTS: CommentSyntax = { line: ['//'], block: ['/*', '*/'], quotes: '\'"`', multiline: '`', escapes: `'"` };

/** A test of a caller file's offsets: whether each lies in a comment of its syntax (code and markup by their syntax tree). */
function commentsOf(file: ModelFile): (offset: number) => boolean {
  if (file.kind === 'code' || file.kind === 'markup') return commentTest(file.path, file.text, file.scripts);
  const syntax = file.kind === 'sql' ? SQL_COMMENTS : file.kind === 'source' ? C_COMMENTS : HASH_COMMENTS;
  const spans = commentSpans(file.text, syntax);
  return (offset) => spans.some((span) => offset >= span.start && offset < span.end);
}

/** The comments of a text, strings skipped, by a lexical scan of its syntax's markers. */
function commentSpans(text: string, syntax: CommentSyntax): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const lineEnd = (from: number) => (text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from));
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (syntax.quotes.includes(c)) {
      let j = i + 1;
      while (j < text.length && text[j] !== c && (text[j] !== '\n' || syntax.multiline.includes(c))) j += text[j] === '\\' && syntax.escapes.includes(c) ? 2 : 1;
      i = j + 1;
    } else if (syntax.line.some((marker) => text.startsWith(marker, i)) && (!syntax.lineAfterBlank || i === 0 || /\s/.test(text[i - 1] as string))) {
      spans.push({ start: i, end: lineEnd(i) });
      i = lineEnd(i);
    } else if (syntax.block && text.startsWith(syntax.block[0], i)) {
      const close = text.indexOf(syntax.block[1], i + syntax.block[0].length);
      const end = close < 0 ? text.length : close + syntax.block[1].length;
      spans.push({ start: i, end });
      i = end;
    } else i++;
  }
  return spans;
}

function directivesOf(text: string): Directive[] {
  return findDirectives(text, (offset) => lineAt(text, offset));
}

/** `<dir>/supabase` for a file under `<dir>/supabase/functions/`. */
function functionsRoot(path: string): string | undefined {
  const at = `/${path}`.indexOf('/supabase/functions/');
  return at < 0 ? undefined : path.slice(0, at) + (at === 0 ? 'supabase' : '/supabase');
}

function slugsOf(projectDir: string, files: readonly ModelFile[], config: ProjectConfig | undefined): Set<string> {
  const slugs = new Set<string>(config?.functions.keys() ?? []);
  const prefix = `${projectDir}/functions/`;
  for (const file of files) {
    if (!file.path.startsWith(prefix)) continue;
    const slug = file.path.slice(prefix.length).split('/')[0] as string;
    // `_shared/` and dot folders hold code for functions, not functions.
    if (file.path.slice(prefix.length).includes('/') && !slug.startsWith('_') && !slug.startsWith('.')) slugs.add(slug);
  }
  return slugs;
}

function entrypointOf(projectDir: string, slug: string, config: FunctionConfig | undefined, byPath: Map<string, ModelFile>): string | undefined {
  if (config?.entrypoint) {
    const path = posix.normalize(posix.join(projectDir, config.entrypoint));
    return byPath.has(path) ? path : undefined;
  }
  return ENTRYPOINTS.map((name) => `${projectDir}/functions/${slug}/${name}`).find((path) => byPath.has(path));
}

/**
 * The entrypoint and every module it imports, transitively, among the files that were read: relative imports, and
 * bare ones that an import map (a function's or the folder's deno.json, import_map.json) aliases to a module of the
 * project's functions folder (`functionsDir`, ending in `/`).
 */
function reachableCode(entrypoint: string, functionsDir: string, byPath: Map<string, ModelFile>): string[] {
  const seen = new Set<string>([entrypoint]);
  const queue = [entrypoint];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    for (const specifier of localImports((byPath.get(path) as ModelFile).text)) {
      const target = importTarget(path, specifier, functionsDir, byPath);
      if (target !== undefined && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}

/** The file among those read that `importer` imports as `specifier`: relative, or aliased into `functionsDir`. */
function importTarget(importer: string, specifier: string, functionsDir: string, byPath: Map<string, ModelFile>): string | undefined {
  const relative = specifier.startsWith('./') || specifier.startsWith('../');
  const target = relative ? posix.normalize(posix.join(posix.dirname(importer), specifier)) : aliased(specifier, functionsDir, byPath);
  return target !== undefined && byPath.has(target) ? target : undefined;
}

const CODE_FILE = /\.[cm]?[jt]sx?$/;

/**
 * The module of the functions folder that a bare specifier names through an import map (`@shared/auth.ts` for
 * `"@shared/": "../_shared/"`): the map itself is not among the files read, so the module is the one whose path
 * ends with what follows the alias, in a folder named like the alias (`_shared`, `shared`) when several do.
 */
function aliased(specifier: string, functionsDir: string, byPath: Map<string, ModelFile>): string | undefined {
  const slash = specifier.indexOf('/', specifier.startsWith('@') ? 1 : 0);
  if (slash <= 0 || !CODE_FILE.test(specifier)) return undefined;
  const alias = specifier.slice(0, slash).replace(/^[@~#$]+/, '').replace(/^_+/, '');
  const rest = specifier.slice(slash + 1);
  const found = [...byPath.keys()].filter((path) => path.startsWith(functionsDir) && path.endsWith(`/${rest}`));
  if (found.length <= 1) return found[0];
  const named = found.filter((path) => path.slice(functionsDir.length).split('/').some((segment) => segment.replace(/^_+/, '') === alias));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * The functions a deploy command deploys: the project in its working folder (`--workdir`, relative to
 * where the command runs: a package.json's or Makefile's folder, else the repository root), or the
 * only project there is.
 */
function deployedFunctions(file: string, command: DeployCommand, functions: readonly EdgeFunction[]): EdgeFunction[] {
  const fileDir = commandsFolder(file);
  const base = command.workdir ? posix.normalize(posix.join(fileDir, command.workdir)) : fileDir;
  const projectDir = base === '' || base === '.' ? 'supabase' : `${base}/supabase`;
  const projects = new Set(functions.map((fn) => fn.projectDir));
  const target = projects.has(projectDir) ? projectDir : projects.size === 1 ? [...projects][0] : undefined;
  return functions.filter((fn) => fn.projectDir === target && (command.names.length === 0 || command.names.includes(fn.slug)));
}

/** The folder a file's commands run in: a package.json's or Makefile's own, else the repository root (''). */
function commandsFolder(file: string): string {
  const runsInOwnFolder = /(^|\/)(package\.json|[Mm]akefile|GNUmakefile|[^/]+\.mk)$/.test(file) && posix.dirname(file) !== '.';
  return runsInOwnFolder ? posix.dirname(file) : '';
}
