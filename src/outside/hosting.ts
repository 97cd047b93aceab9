// Hosting providers, detected from what the repository shows (config files, folders, dependencies, scripts): their
// environment variables live in their dashboards, so every key name the app reads is a step there.
import type { OutsideReference } from './reference.js';
import type { OutsideFile } from './finder.js';

/** A key env name the app reads (renamed by this run, or held in its env files), with its new name when it is renamed. */
export interface KeyName {
  name: string;
  newName?: string;
  /** Which key it holds: the step says which one to paste. */
  role?: string;
}

/** What the repository shows beyond the files scanned: every path discovered, and the dependencies of its package.json files. */
export interface HostingEvidence {
  paths: readonly string[];
  manifests: readonly { path: string; dependencies: ReadonlySet<string> }[];
}

interface Provider {
  kind: string;
  place: string;
  /** A path that shows the app is deployed there. */
  test: RegExp;
  /** Where its variables are set, for the step. */
  where?: string;
  environments?: string;
  /** The CLI command that sets one (never with a value: a placeholder stands for it). */
  command?: (name: string, role: string) => string;
}

const PROVIDERS: readonly Provider[] = [
  {
    kind: 'vercel',
    place: 'Vercel',
    test: /(^|\/)(vercel\.json|\.vercel\/.*)$/,
    where: 'Project → Settings → Environment Variables',
    environments: 'Production, Preview, Development',
    command: (name) => `vercel env add ${name} production`,
  },
  {
    kind: 'netlify',
    place: 'Netlify',
    test: /(^|\/)(netlify\.toml|_redirects)$/,
    where: 'Site configuration → Environment variables',
    environments: 'all deploy contexts',
    command: (name, role) => `netlify env:set ${name} <${role} key>`,
  },
  {
    kind: 'cloudflare',
    place: 'Cloudflare',
    test: /(^|\/)(wrangler\.(toml|json|jsonc)|\.dev\.vars)$/,
    where: 'Workers & Pages → Settings → Variables and Secrets',
    command: (name) => `wrangler secret put ${name}`,
  },
  { kind: 'fly', place: 'Fly.io', test: /(^|\/)fly\.toml$/, command: (name, role) => `fly secrets set ${name}=<${role} key>` },
  { kind: 'render', place: 'Render', test: /(^|\/)render\.ya?ml$/, where: 'Service → Environment' },
  {
    kind: 'railway',
    place: 'Railway',
    test: /(^|\/)railway\.(json|toml)$/,
    where: 'Service → Variables',
    command: (name, role) => `railway variable set ${name}=<${role} key>`,
  },
  { kind: 'app-engine', place: 'Google App Engine', test: /(^|\/)app\.ya?ml$/, where: "app.yaml's env_variables, or the secret store the deploy reads" },
  { kind: 'heroku', place: 'Heroku', test: /(^|\/)Procfile$/, where: 'Settings → Config Vars', command: (name, role) => `heroku config:set ${name}=<${role} key>` },
  {
    kind: 'docker',
    place: 'Docker',
    test: /(^|\/)(Dockerfile(\.[^/]*)?|[^/]*\.Dockerfile|(docker-)?compose(\.[^/]*)?\.ya?ml)$/,
    where: 'the environment the container runs with (docker run -e, compose environment:, or the platform that runs it)',
  },
  {
    kind: 'eas',
    place: 'Expo EAS',
    test: /(^|\/)eas\.json$/,
    where: 'Project settings → Environment variables',
    environments: 'production, preview, development',
    command: (name, role) => `eas env:create --name ${name} --value <${role} key> --environment production`,
  },
];

/** A host the repository shows, with the first file that shows it. */
export interface Host {
  provider: Provider;
  file: string;
}

const VERCEL_SCRIPT = /"[^"]*"\s*:\s*"[^"]*\bvercel\b/;

/** The hosts the repository shows, once each, in PROVIDERS order. */
export function detectHosts(evidence: HostingEvidence, files: readonly OutsideFile[]): Host[] {
  const hosts = new Map<string, Host>();
  const add = (provider: Provider | undefined, file: string) => {
    if (provider && !hosts.has(provider.kind)) hosts.set(provider.kind, { provider, file });
  };
  const paths = [...evidence.paths, ...files.map((file) => file.path)].sort();
  for (const path of paths) add(PROVIDERS.find((provider) => provider.test.test(path)), path);
  const vercel = PROVIDERS.find((provider) => provider.kind === 'vercel');
  for (const manifest of evidence.manifests) {
    if ([...manifest.dependencies].some((name) => name === 'vercel' || name.startsWith('@vercel/'))) add(vercel, manifest.path);
  }
  // `vercel` in a package.json script (vercel deploy, vercel build), when the file was scanned.
  for (const file of files) if (/(^|\/)package\.json$/.test(file.path) && VERCEL_SCRIPT.test(scriptsOf(file.text))) add(vercel, file.path);
  return PROVIDERS.flatMap((provider) => hosts.get(provider.kind) ?? []);
}

function scriptsOf(text: string): string {
  const start = text.indexOf('"scripts"');
  return start < 0 ? '' : text.slice(start, text.indexOf('}', start) + 1);
}

/** One step per key name, for each host the repository shows. */
export function hostingProviders(hosts: readonly Host[], names: readonly KeyName[]): OutsideReference[] {
  return hosts.flatMap(({ provider, file }) => names.map((name) => step(provider, file, 1, name)));
}

/** The place the app's environment is set when the repository shows no host: one step per renamed name, where it is read. */
const ANYWHERE: Provider = {
  kind: 'environment',
  place: "Wherever this app's environment is configured (hosting dashboard, CI, teammates' .env files)",
  test: /$^/,
};

/** The action, ending with the command that does it: every reader of `action` (JSON, reports) shows it. */
export function withCommand(action: string, command: string | undefined): string {
  return command ? `${action}: \`${command}\`` : action;
}

export function environmentStep(name: KeyName, file: string, line: number): OutsideReference {
  return step(ANYWHERE, file, line, name);
}

function step(provider: Provider, file: string, line: number, { name, newName, role = 'new' }: KeyName): OutsideReference {
  const environments = provider.environments ? ` (${provider.environments})` : '';
  const key = `the ${role} key`;
  // A name the code already reads (a migrated tree, an env file's new name) is to confirm there, not to add and remove.
  const what = newName
    ? `add ${newName}${environments} with ${key}; remove ${name} after the deploy`
    : `make sure ${provider === ANYWHERE ? 'it' : provider.place} defines ${name} (${key}) for every environment${environments}`;
  const command = provider.command?.(newName ?? name, role);
  const place = `${provider.place}${provider.where ? ` (${provider.where})` : ''}`;
  return { kind: provider.kind, name, ...(newName && { newName }), file, line, place, action: withCommand(`${place}: ${what}`, command), ...(command && { command }) };
}
