// Hosting providers, detected from their config files: their environment variables live in their dashboards.
import type { OutsideReference } from './reference.js';
import type { OutsideFile } from './finder.js';

/** A key env name the repository's env files hold, with its new name when this migration renames it. */
export interface KeyName {
  name: string;
  newName?: string;
}

const PROVIDERS: readonly { test: RegExp; kind: string; where: string }[] = [
  { test: /(^|\/)vercel\.json$/, kind: 'vercel', where: 'Vercel → Project → Settings → Environment Variables' },
  { test: /(^|\/)netlify\.toml$/, kind: 'netlify', where: 'Netlify → Site configuration → Environment variables' },
  { test: /(^|\/)fly\.toml$/, kind: 'fly', where: 'Fly.io: fly secrets set' },
  { test: /(^|\/)render\.ya?ml$/, kind: 'render', where: 'Render → Service → Environment' },
  { test: /(^|\/)wrangler\.toml$/, kind: 'cloudflare', where: 'Cloudflare: wrangler secret put, or the dashboard' },
];

/** One reference per key name of the env files, for each provider whose config file is in the repository. */
export function hostingProviders(files: readonly OutsideFile[], names: readonly KeyName[]): OutsideReference[] {
  const found: OutsideReference[] = [];
  for (const file of files) {
    const provider = PROVIDERS.find((candidate) => candidate.test.test(file.path));
    if (!provider) continue;
    for (const { name, newName } of names) {
      found.push({
        kind: provider.kind,
        name,
        ...(newName && { newName }),
        file: file.path,
        line: 1,
        action: newName
          ? `${provider.where}: add ${newName} with the new key; delete ${name} once the new deployment is live`
          : `${provider.where}: make sure ${name} holds the new key`,
      });
    }
  }
  return found;
}
