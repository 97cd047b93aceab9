// Hosting providers, detected from their config files: their environment variables live in their dashboards.
import type { OutsideReference } from '../result.js';
import type { Rename } from '../rules/rule.js';
import type { OutsideFile } from './finder.js';

const PROVIDERS: readonly { test: RegExp; kind: string; where: string }[] = [
  { test: /(^|\/)vercel\.json$/, kind: 'vercel', where: 'Vercel → Project → Settings → Environment Variables' },
  { test: /(^|\/)netlify\.toml$/, kind: 'netlify', where: 'Netlify → Site configuration → Environment variables' },
  { test: /(^|\/)fly\.toml$/, kind: 'fly', where: 'Fly.io: fly secrets set' },
  { test: /(^|\/)render\.ya?ml$/, kind: 'render', where: 'Render → Service → Environment' },
  { test: /(^|\/)wrangler\.toml$/, kind: 'cloudflare', where: 'Cloudflare: wrangler secret put, or the dashboard' },
];

/** One reference per renamed key name for each provider whose config file is in the repository. */
export function hostingProviders(files: readonly OutsideFile[], renames: readonly Rename[]): OutsideReference[] {
  const found: OutsideReference[] = [];
  for (const file of files) {
    const provider = PROVIDERS.find((candidate) => candidate.test.test(file.path));
    if (!provider) continue;
    for (const { from, to } of renames) {
      found.push({
        kind: provider.kind,
        name: from,
        newName: to,
        file: file.path,
        line: 1,
        action: `${provider.where}: add ${to} with the new key; delete ${from} once the new deployment is live`,
      });
    }
  }
  return found;
}
