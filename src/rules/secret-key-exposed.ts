// secret-key-exposed: a secret/service_role key behind a public prefix, or read by code that ships to browsers.
import { clientRegions } from '../frameworks/browser.js';
import type { FrameworkPlugin } from '../frameworks/plugin.js';
import { isPublicPrefix } from '../keys/names.js';
import { classifyValue } from '../keys/values.js';
import type { ScannedFile } from '../file-kinds/scanned.js';
import { envReads } from './analysis/security/env-reads.js';
import { publicSecretNames, secretNames, secretOfName } from './analysis/security/secret-names.js';
import { REVOKE_LEGACY_JWT, REVOKE_LEGACY_JWT_SOURCES, REVOKE_LEGACY_JWT_WHY } from './leaks.js';
import type { Report, Rule, RuleContext, SyntaxContext, SyntaxFile } from './rule.js';
import { cite, PAGES } from './sources.js';

// Issue 20 item 7: the second sentence of a message, what to do.
const ADVICE = 'Use it only in server code under a name without the prefix (SUPABASE_SECRET_KEY), and rotate the key.';
// A legacy JWT is revoked only with the legacy JWT secret (issue 18, item 9).
const LEGACY_ADVICE = `Use a secret key only in server code under a name without the prefix (SUPABASE_SECRET_KEY), then ${REVOKE_LEGACY_JWT}.`;
// `${{ secrets.NAME }}` / `${{ vars.NAME }}`: the name of a GitHub secret or variable, not an environment variable a bundler reads.
const PLATFORM_SECRET = /\b(?:secrets|vars)\.$/;
const platformSecret = (text: string, offset: number) => PLATFORM_SECRET.test(text.slice(Math.max(0, offset - 16), offset));

/** A GitHub secret named with a public prefix: exposed only where a build step reads it under that name. */
function renameSecret(offset: number, name: string, what: string): Report {
  return {
    offset,
    severity: 'warning',
    message:
      `\`${name}\` names a GitHub secret that holds ${what} under a public prefix, which ships to browsers only where a build reads it under that name. ` +
      'Store the key with `gh secret set SUPABASE_SECRET_KEY`, use that name here, delete this secret, and rotate the key if a build bundled it.',
  };
}

const SECRET_READ_HINT = /SUPABASE_(?:SECRET_KEY|SERVICE_ROLE_KEY|SERVICE_KEY|JWT_SECRET)/;
// What becomes of a secret read in browser code of a package without a framework (or whose plugin does not say).
const SECRET_IN_CLIENT =
  'bundlers give browser code only variables under a public prefix (`VITE_`, `NEXT_PUBLIC_`, …), so the browser does not get this one, and such a prefix would publish it';

export const secretKeyExposed: Rule = {
  meta: {
    id: 'secret-key-exposed',
    severity: 'error',
    fix: 'none',
    summary: 'a secret/service_role key in a public env name or in browser code',
    description:
      'Bundlers inline variables with public prefixes (VITE_, NEXT_PUBLIC_, EXPO_PUBLIC_, PUBLIC_, …) into ' +
      'browser code, and a secret key used from a browser is refused with HTTP 401. A GitHub secret or variable named with such a prefix ' +
      '(`${{ secrets.VITE_… }}`) ships only where a build reads it under that name: a warning to rename it. The tool never renames a ' +
      'secret into another public name: move the call server-side, read the key under a name without the ' +
      'public prefix (SUPABASE_SECRET_KEY), and rotate the key, since it has been public. Found by name ' +
      '(legacy and new names, the JWT secret), by value (a service_role JWT or sb_secret_… under a public ' +
      'name in a .env file), and by where a secret is read: Next.js \'use client\' modules and what they ' +
      'import, Vite/CRA/Expo app code outside server-only files, SvelteKit modules that are not .server or ' +
      `$lib/server, the client scripts of .vue/.svelte/.astro files, and a mobile app's code and shipped build settings (Dart, ` +
      `Swift and Info.plist, Kotlin, Java and Gradle's buildConfigField), which ship to users' devices, and by value in an env file a ` +
      `Flutter app bundles (pubspec.yaml \`flutter: assets:\`, where flutter_dotenv reads its .env). ${REVOKE_LEGACY_JWT_WHY}`,
    legacyUse: false,
    blocksRotation: false,
    example:
      "NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=…  ->  SUPABASE_SECRET_KEY=… read only in server code, and the key rotated\n" +
      "'use client' … process.env.SUPABASE_SECRET_KEY  ->  the call moved to a route handler or server action",
    sources: [
      cite(
        PAGES.apiKeys,
        'Never expose service_role and secret keys publicly, nor use them in a browser; a secret key used from a browser (matched on the ' +
          '`User-Agent` header) is always answered with HTTP 401.',
      ),
      cite(PAGES.rotateLeaked, 'Replace a leaked secret key or service_role key with a new secret key, then retire the compromised key.'),
      ...REVOKE_LEGACY_JWT_SOURCES,
    ],
    examples: [
      {
        title: 'A secret behind a public prefix',
        file: '.env.local',
        before: 'NEXT_PUBLIC_SUPABASE_URL=\nNEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=\n',
        after: 'NEXT_PUBLIC_SUPABASE_URL=\nSUPABASE_SECRET_KEY=\n',
      },
      {
        title: 'A secret read in a Next.js client component, and the call moved to a server component',
        file: 'app/admin/page.tsx',
        before:
          "'use client'\n" +
          "import { createClient } from '@supabase/supabase-js'\n\n" +
          'const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SECRET_KEY!)\n',
        after: "import { createClient } from '@supabase/supabase-js'\n\n" + 'const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SECRET_KEY!)\n',
        context: { 'package.json': '{ "dependencies": { "@supabase/supabase-js": "^2.110.0", "next": "^15.0.0" } }\n' },
      },
    ],
  },
  readsSyntax: readsBrowserCode,
  check(file, context) {
    const reports: Report[] = [];
    const reported = new Set<number>();
    for (const occurrence of file.occurrences) {
      if (occurrence.decision.kind !== 'exposed') continue;
      reported.add(occurrence.start);
      reports.push(
        platformSecret(file.text, occurrence.start)
          ? renameSecret(occurrence.start, occurrence.decision.name, 'the service_role key')
          : { offset: occurrence.start, message: `\`${occurrence.decision.name}\` puts the service_role key behind a public prefix, so it ships to browsers. ${ADVICE}` },
      );
    }
    // New names and the JWT secret, and legacy names where no occurrence was scanned (CI and deploy files).
    if (file.kind !== 'text') {
      for (const found of publicSecretNames(file.text)) {
        if (reported.has(found.offset)) continue;
        reported.add(found.offset);
        reports.push(
          platformSecret(file.text, found.offset)
            ? renameSecret(found.offset, found.name, found.what)
            : { offset: found.offset, message: `\`${found.name}\` puts ${found.what} behind a public prefix, so it ships to browsers. ${ADVICE}` },
        );
      }
    }
    // By value: whatever the name says, a service_role JWT or a secret key under a public name, or in an env file a Flutter
    // app bundles (flutter_dotenv's `.env` among its pubspec.yaml assets), is exposed.
    const bundledBy = file.kind === 'env' ? context.flutterAssets.bundledBy(file.path) : undefined;
    for (const entry of file.env ?? []) {
      if (reported.has(entry.keyStart)) continue;
      const kind = classifyValue(entry.value);
      if (kind !== 'legacy-service-role' && kind !== 'secret') continue;
      if (isPublicPrefix(entry.key)) {
        const message =
          kind === 'secret'
            ? `\`${entry.key}\` holds a secret key under a public name, so it ships to browsers. ${ADVICE}`
            : `\`${entry.key}\` holds a legacy service_role JWT under a public name, so it ships to browsers and has leaked. ${LEGACY_ADVICE}`;
        reports.push({ offset: entry.keyStart, message });
      }
      if (bundledBy !== undefined) reports.push({ offset: entry.keyStart, message: bundledMessage(entry.key, kind, bundledBy) });
    }
    reports.push(...browserReads(file, context));
    reports.push(...appReads(file, reported));
    return reports;
  },
};

// Where a mobile app's code and build settings ship (issue 23): what a user's device holds, and anyone can read out of it.
const APP_PLATFORMS: readonly (readonly [RegExp, string])[] = [
  [/\.dart$/, 'a Flutter app'],
  [/\.swift$|(?:^|\/)Info\.plist$/, 'an iOS app'],
  [/\.(?:kt|java)$|\.gradle(?:\.kts)?$/, 'an Android app'],
];

/** A secret key or a service_role JWT in an env file that `pubspec` bundles into its Flutter app. */
function bundledMessage(key: string, kind: 'secret' | 'legacy-service-role', pubspec: string): string {
  const what = kind === 'secret' ? 'a secret key' : 'a legacy service_role JWT';
  return (
    `\`${key}\` holds ${what} in a file that ${pubspec} lists under \`flutter: assets:\`, so it is bundled into the app, where anyone can read it. ` +
    (kind === 'secret'
      ? 'Keep only the publishable key in the app, do what needs the secret on a server or in an Edge Function, and rotate the key.'
      : `Keep only the publishable key in the app, do what needs the secret on a server or in an Edge Function, then ${REVOKE_LEGACY_JWT}.`)
  );
}

/**
 * A secret named in a mobile app's code or in the build settings that ship inside it (Info.plist, Gradle's buildConfigField):
 * the app binary holds it, whatever the name's prefix. Xcode's .xcconfig and schemes are not the app: they reach it only
 * through Info.plist, which is reported.
 */
function appReads(file: ScannedFile, reported: ReadonlySet<number>): Report[] {
  if (file.kind !== 'source') return [];
  const platform = APP_PLATFORMS.find(([pattern]) => pattern.test(file.path))?.[1];
  if (platform === undefined) return [];
  return secretNames(file.text)
    .filter((found) => !reported.has(found.offset))
    .map((found) => ({
      offset: found.offset,
      message:
        `\`${found.name}\` (${found.what}) is read in ${platform}, which ships to users' devices, where anyone can read a key out of it. ` +
        'Use the publishable key in the app, do what needs the secret on a server or in an Edge Function, and rotate the key if a release ever included it.',
    }));
}

/** Code that runs in a browser and may read a secret: its env reads are read from its syntax tree. */
function readsBrowserCode(file: SyntaxFile, context: SyntaxContext): boolean {
  if ((file.kind !== 'code' && file.kind !== 'markup') || file.parseError || !SECRET_READ_HINT.test(file.text)) return false;
  return context.security.frameworks.browser(file.path) !== undefined;
}

/** Secrets read under names without a public prefix in code that runs in a browser (those with one are reported above). */
function browserReads(file: ScannedFile, context: RuleContext): Report[] {
  const browser = readsBrowserCode(file, context) && context.security.frameworks.browser(file.path);
  if (!browser) return [];
  const place = context.security.frameworks.serverPlace(file.path);
  const plugin = context.security.frameworks.plugin(file.path);
  const reports: Report[] = [];
  for (const region of clientRegions(file.path, file.text)) {
    const { sourceFile } = file.scripts.parse(region);
    for (const read of envReads(sourceFile)) {
      const what = secretOfName(read.name);
      if (!what || isPublicPrefix(read.name)) continue;
      reports.push({
        offset: region.start + read.offset,
        message:
          `\`${read.name}\` (${what}) is read in code that ships to the browser (${browser.reason}): ${secretInClient(plugin, read.module)}. ` +
          `Move this call to ${place}, and rotate the key if a build ever included it.`,
      });
    }
  }
  return reports;
}

/** What the framework does with a secret read in its browser code, from `module` when it is imported from an env module. */
function secretInClient(plugin: FrameworkPlugin | undefined, module: string | undefined): string {
  const rule = plugin?.secretInClient;
  if (!rule) return SECRET_IN_CLIENT;
  if (module !== undefined && rule.refused?.modules.includes(module)) return rule.refused.says.replace('%module%', module);
  const prefix = plugin.publicPrefixes[0];
  return prefix === undefined ? rule.says : `${rule.says}, and the \`${prefix}\` prefix would publish it`;
}
