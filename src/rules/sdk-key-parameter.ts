// sdk-key-parameter: an SDK call that passes the key under the parameter its SDK renamed for the new keys —
// `Supabase.initialize(anonKey: …)` in a Flutter app (supabase_flutter 2.13.0 added `publishableKey:` and deprecated `anonKey:`).
import { dartCalls } from './analysis/dart/calls.js';
import { generatorOf } from '../file-kinds/tool-exports.js';
import { atLeast } from './analysis/lockfiles/versions.js';
import type { Report, Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

const FLUTTER = 'supabase_flutter';
const SINCE = '2.13.0';

export const sdkKeyParameter: Rule = {
  meta: {
    id: 'sdk-key-parameter',
    severity: 'warning',
    fix: 'safe',
    summary: 'an SDK call passes the key under a parameter its SDK renamed: `Supabase.initialize(anonKey:)` in Flutter',
    description:
      `\`supabase_flutter\` ${SINCE} added \`publishableKey:\` to \`Supabase.initialize()\` and deprecated \`anonKey:\`, which the 3.0 development ` +
      'line removes. Where the nearest `pubspec.lock` locks 2.13.0 or later, `anonKey:` is renamed `publishableKey:` (the value is ' +
      'the same key: the parameter only names what the key is). Where it locks an older release, the call keeps `anonKey:`, which ' +
      'takes a publishable key too, and the finding asks for the upgrade first. With no `pubspec.lock`, the `pubspec.yaml` decides: ' +
      'a constraint whose lowest release is 2.13.0 or later (`^2.13.0`) renames it, any other leaves it with an info. The ' +
      "other SDKs kept their parameter: Dart's `SupabaseClient(url, key)`, Swift's `supabaseKey:`, Kotlin's `supabaseKey`, " +
      "Python's `create_client(url, key)`.",
    legacyUse: false,
    blocksRotation: false,
    example: 'Supabase.initialize(url: url, anonKey: key)  ->  Supabase.initialize(url: url, publishableKey: key)',
    sources: [
      cite(PAGES.supabaseFlutterInitialize, 'Supabase.initialize takes `String? publishableKey` and a deprecated `String? anonKey`; publishableKey wins when both are given.'),
      cite(PAGES.supabaseFlutterPublishableKeyPr, 'supabase_flutter renames the anon key to the publishable key, keeping `anonKey` as deprecated.'),
      cite(PAGES.flutterPublishableKeyVersion, 'review (2026-06-08): publishable keys were introduced in supabase_flutter 2.13.0, and `anonKey` is deprecated.'),
    ],
    examples: [
      {
        title: 'A Flutter app whose pubspec.lock locks supabase_flutter 2.14.0',
        file: 'lib/main.dart',
        context: { 'pubspec.lock': `packages:\n  ${FLUTTER}:\n    dependency: "direct main"\n    source: hosted\n    version: "2.14.0"\n` },
        before: "await Supabase.initialize(\n  url: Env.supabaseUrl,\n  anonKey: Env.supabaseKey,\n);\n",
        after: "await Supabase.initialize(\n  url: Env.supabaseUrl,\n  publishableKey: Env.supabaseKey,\n);\n",
      },
    ],
  },
  check(file, context) {
    if (file.kind !== 'source' || !file.path.endsWith('.dart') || !file.text.includes('anonKey')) return [];
    const reports: Report[] = [];
    const generator = generatorOf(file.path, file.text);
    for (const call of dartCalls(file.text, 'Supabase.initialize')) {
      const anonKey = call.named.find((argument) => argument.name === 'anonKey');
      if (anonKey === undefined) continue;
      if (call.named.some((argument) => argument.name === 'publishableKey')) {
        reports.push({ offset: anonKey.offset, message: '`anonKey:` is passed beside `publishableKey:`, which wins: delete the `anonKey:` argument' });
        continue;
      }
      if (generator !== undefined) {
        // FlutterFlow writes this call and would undo an edit at its next push.
        reports.push({ offset: anonKey.offset, severity: 'info', message: `${generator.what} passes the key as \`anonKey:\`; FlutterFlow rewrites this file, so the call stays as FlutterFlow writes it` });
        continue;
      }
      const version = context.packages.version(file.path, 'pub', FLUTTER);
      const current = version === undefined ? undefined : atLeast(version, SINCE);
      // Without a lockfile, the manifest's lower bound decides when every release it allows has the parameter.
      const allowed = version === undefined ? context.packages.allowed(file.path, FLUTTER) : undefined;
      if (current === true || (allowed !== undefined && atLeast(allowed.minimum, SINCE) === true)) {
        const why = current === true ? `the pubspec.lock locks ${version ?? ''}` : `the pubspec.yaml requires ${allowed?.constraint ?? ''}`;
        reports.push({
          offset: anonKey.offset,
          message: `\`anonKey:\` is deprecated since ${FLUTTER} ${SINCE} (${why}): pass the key as \`publishableKey:\``,
          fix: [{ start: anonKey.offset, end: anonKey.offset + 'anonKey'.length, text: 'publishableKey' }],
        });
      } else if (current === false) {
        reports.push({
          offset: anonKey.offset,
          message:
            `the pubspec.lock locks ${FLUTTER} ${version ?? ''}, which has no \`publishableKey:\`: \`anonKey:\` takes the publishable key until ` +
            `you update to ${SINCE} or later; then rename it \`publishableKey:\` (migrate-keys does it on the next run)`,
        });
      } else {
        const allows = allowed === undefined ? '' : ` and its pubspec.yaml allows releases before ${SINCE} (${allowed.constraint})`;
        reports.push({
          offset: anonKey.offset,
          severity: 'info',
          message:
            `no pubspec.lock says which ${FLUTTER} this app installs${allows}: from ${SINCE} on, pass the key as \`publishableKey:\` ` +
            `(\`anonKey:\` is deprecated); require ^${SINCE} in pubspec.yaml and migrate-keys renames it`,
        });
      }
    }
    return reports;
  },
};
