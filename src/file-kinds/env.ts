// The env kind (.env files and the other names people give them, dotenv syntax): which files are env files, and whether each name is a key, a reference or text.
import type { Namespace } from './declarations.js';
import { envEntries } from './env-entries.js';
import type { KindModule } from './kind.js';
import { MARKDOWN_EXTENSIONS } from './markdown.js';
import type { ScannedText } from './scanned-text.js';

/**
 * The words that name an environment or a template (`env.local`, `app.env.example`): after `env.` and after `<name>.env.`
 * a word must be one of these, since `env.<extension>` is more often a module of some language (`env.go`, `env.dart`).
 */
const ENVIRONMENTS = new Set(['local', 'dev', 'development', 'prod', 'production', 'staging', 'stage', 'test', 'testing', 'ci', 'preview', 'qa', 'uat', 'demo', 'docker']);
/** Words that make an env file a template people copy and fill in (`.env.example`, `.env_sample`, `example.env`). */
const TEMPLATES = new Set(['example', 'sample', 'template', 'tpl', 'dist', 'default', 'defaults']);
// `.env.schema.json` and friends are data files named after env files, not env files (code, `.env.server.ts`, is code's).
const NOT_ENV_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.toml', '.sh', '.py', ...MARKDOWN_EXTENSIONS]);

/** `<name>` alone or followed by `.<anything>`. */
const named = (basename: string, name: string): boolean => basename === name || basename.startsWith(`${name}.`);
/** The first word of a dotted rest (`local` of `local.example`) names an environment or a template. */
const environmentWord = (rest: string): boolean => {
  const word = (rest.split('.')[0] as string).toLowerCase();
  return ENVIRONMENTS.has(word) || TEMPLATES.has(word);
};

/** A file's name without the suffix of a template copied into place by hand (`local.properties.example`, `Secrets.xcconfig.sample`). */
export function withoutTemplateSuffix(basename: string): string {
  return basename.replace(/\.(?:example|sample|template|tpl|dist)$/i, '');
}

const ANDROID_PROPERTIES = new Set(['local.properties', 'gradle.properties', 'secrets.properties', 'local.defaults.properties', 'secrets.defaults.properties']);

/** The families of env file names (SPEC §3), all in dotenv syntax; each basename is tested by every family. */
const ENV_FAMILIES: readonly ((basename: string) => boolean)[] = [
  // `.env`, `.env.local`, `.env.production.local`, `.env.example`: dotenv's own names.
  (basename) => named(basename, '.env'),
  // `.env-template`, `.env-example`, `.env_sample`, `.env_local`: the same with another separator. env-cmd's `.env-cmdrc`
  // is JSON or JavaScript, not dotenv.
  (basename) => /^\.env[-_]./.test(basename) && !basename.startsWith('.env-cmdrc'),
  // `env.example`, `env.local`, `env.list` (Docker's docs name their `--env-file` so), `env.local.example`.
  (basename) => basename.startsWith('env.') && (environmentWord(basename.slice(4)) || named(basename, 'env.list')),
  // `example.env`, `sample.env`, `config/dev.env`, `app.env` (Compose `env_file:` targets), and `app.env.example`.
  (basename) => {
    const at = basename.indexOf('.env');
    if (at <= 0) return false;
    const rest = basename.slice(at + 4);
    return rest === '' || (rest.startsWith('.') && environmentWord(rest.slice(1)));
  },
  // direnv's `.envrc`: shell, but what it sets is `export NAME=value` lines, which dotenv's grammar reads (it skips
  // `export `); its other lines (`dotenv`, `source_up`, `PATH_add bin`, `if …; then`) are no entry and stay as written.
  // https://direnv.net/man/direnv-stdlib.1.html
  (basename) => named(basename, '.envrc'),
  // Cloudflare Workers' local secrets (`wrangler dev`, the Cloudflare Vite plugin), dotenv syntax; `.dev.vars.<environment>`
  // per environment: https://developers.cloudflare.com/workers/local-development/environment-variables/
  (basename) => named(basename, '.dev.vars'),
  // Android's property files, `KEY=value` lines that dotenv's grammar reads (it takes `key: value` too): `local.properties`
  // (untracked, the machine's own values), `gradle.properties`, and the Secrets Gradle Plugin's `secrets.properties` and
  // `local.defaults.properties` (https://github.com/google/secrets-gradle-plugin). Build scripts read them into
  // `buildConfigField`s (issue 23).
  (basename) => ANDROID_PROPERTIES.has(withoutTemplateSuffix(basename)),
];

/** Whether an env file is a template (`.env.example`, `.env_sample`, `example.env`): placeholders, not a project's values. */
export function isEnvTemplate(path: string): boolean {
  const basename = path.slice(path.lastIndexOf('/') + 1);
  return basename
    .toLowerCase()
    .split(/[._-]/)
    .some((word) => TEMPLATES.has(word));
}

/** A name that says env: the word `env` in it (`env.txt`, `supabase-env`, `ENV_VARS`, `local.env.bak`), not `environment` or `envoy`. */
const SAYS_ENV = /(?:^|[^a-z0-9])env(?:s|vars?)?(?:[^a-z0-9]|$)/i;
/** A dotenv line: `NAME=value`, with direnv's `export ` or not; blank lines and `#` comments are the others an env file holds. */
const ENV_LINE = /^[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_.]*[ \t]*=[^\n]*$/;
const COMMENT_OR_BLANK = /^[ \t]*(?:#[^\n]*)?$/;

/**
 * An env file by content (issue 26): a file no kind claims but text (`env.txt`, `env`, `local.env.bak`), whose name says env
 * and whose lines are all `NAME=value`, comments or blank, with at least one `NAME=value`. Asked once the text is read, only of
 * such names, so that the wider discovery costs nothing elsewhere.
 */
export function isEnvByContent(path: string, text: string): boolean {
  if (!SAYS_ENV.test(path.slice(path.lastIndexOf('/') + 1))) return false;
  let entries = 0;
  for (const line of text.split(/\r?\n/)) {
    if (ENV_LINE.test(line)) entries++;
    else if (!COMMENT_OR_BLANK.test(line)) return false;
  }
  return entries > 0;
}

/**
 * Streamlit's secrets (`.streamlit/secrets.toml`, kept out of git): TOML, but its `NAME = "value"` lines are what dotenv's
 * grammar reads, and `st.secrets["NAME"]` reads them as a Python app reads its environment (issue 23). Its `[section]`
 * headers are no entry and stay as written.
 */
const isStreamlitSecrets = (path: string): boolean => path === '.streamlit/secrets.toml' || path.endsWith('/.streamlit/secrets.toml');

export const envKind: KindModule<'env'> = {
  kind: 'env',
  docs: {
    files: "env files (`.env*`, `*.env`, `.envrc`, `.dev.vars`), Android's `local.properties`, `gradle.properties`, `secrets.properties`, Streamlit's `.streamlit/secrets.toml`; gitignored ones too",
    changes: 'keys renamed, values kept (replaced with supplied new keys); `$VAR` references',
  },
  matches: ({ basename, extension, path }) =>
    isStreamlitSecrets(path) || (!NOT_ENV_EXTENSIONS.has(extension) && ENV_FAMILIES.some((family) => family(basename))),
  searchesNames: true,
  // Parsed even with no name in it: the plan and the outside list read every env file's entries.
  scan: classifyEnv,
};

/**
 * Keys, `$VAR`/`${VAR}` references inside values, other text inside values, and comments. A name
 * that is only part of a key (`SUPABASE_ANON_KEY.bak`) is another name. References are what
 * dotenv-expand expands: not an escaped `\$`, and nothing inside a single-quoted value.
 */
function classifyEnv(file: ScannedText): void {
  const entries = envEntries(file.text);
  file.env = entries;
  const keys: Namespace = { id: 'env-keys', kind: 'merge', names: entries.map((entry) => entry.key), binds: true };
  file.occurrences = file.occurrences.filter((occurrence) => {
    const entry = entries.find((e) => occurrence.start >= e.lineStart && occurrence.start < e.lineEnd && occurrence.start < e.valueEnd);
    if (entry && occurrence.start >= entry.keyStart && occurrence.end <= entry.keyEnd) {
      if (occurrence.start !== entry.keyStart || occurrence.end !== entry.keyEnd) return false;
      occurrence.context = 'env-key';
      occurrence.namespaces = [keys];
      occurrence.retireSpan = { start: entry.lineStart, end: entry.lineEnd };
    } else if (entry && occurrence.start >= entry.valueStart) {
      const before = file.text.slice(Math.max(entry.valueStart, occurrence.start - 3), occurrence.start);
      const reference = /(?<!\\)\$\{?$/.test(before) && entry.quote !== "'";
      occurrence.context = reference ? 'env-ref' : 'env-value';
    } else {
      occurrence.context = 'comment';
    }
    return true;
  });
}
