// sdk-key-parameter: Flutter's Supabase.initialize(anonKey: …) → publishableKey: where the nearest pubspec.lock locks
// supabase_flutter 2.13.0 or later (docs/rules/sdk-key-parameter.md).
import { ruleTester } from '../helpers/rule-tester.js';

const lock = (version: string) =>
  `packages:\n  supabase_flutter:\n    dependency: "direct main"\n    description:\n      name: supabase_flutter\n      url: "https://pub.dev"\n    source: hosted\n    version: "${version}"\n`;

const MAIN = "Future<void> main() async {\n  await Supabase.initialize(\n    url: Env.url,\n    anonKey: Env.key, // anon\n  );\n}\n";

ruleTester('sdk-key-parameter', {
  valid: [
    {
      name: 'publishableKey: already; anonKey: in a string, a comment, a nested call and another callee; SupabaseClient(url, key)',
      files: {
        'pubspec.lock': lock('2.14.0'),
        'lib/main.dart':
          "// Supabase.initialize(url: u, anonKey: k) was the old way\n" +
          "final note = 'Supabase.initialize(anonKey: k)';\n" +
          'Future<void> main() async {\n  await Supabase.initialize(url: u, publishableKey: k, authOptions: Options(anonKey: k));\n}\n' +
          'final other = MySupabase.initialize(url: u, anonKey: k);\nfinal client = SupabaseClient(u, k);\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a lockfile at or above the app that locks 2.13.0 or later: renamed, the comment and the value kept',
      files: { 'app/pubspec.lock': lock('2.13.0'), 'app/lib/main.dart': MAIN },
      findings: [{ file: 'app/lib/main.dart', line: 4, messageIncludes: '`anonKey:` is deprecated since supabase_flutter 2.13.0 (the pubspec.lock locks 2.13.0)' }],
      output: { 'app/lib/main.dart': MAIN.replace('anonKey:', 'publishableKey:') },
    },
    {
      name: 'a lockfile that locks an older release: kept, with the upgrade to make first',
      files: { 'pubspec.lock': lock('2.12.4'), 'lib/main.dart': MAIN },
      findings: [{ file: 'lib/main.dart', line: 4, messageIncludes: 'the pubspec.lock locks supabase_flutter 2.12.4, which has no `publishableKey:`' }],
    },
    {
      name: "no lockfile: an info, nothing renamed; a lockfile in a sibling folder is not this app's",
      files: { 'other/pubspec.lock': lock('2.14.0'), 'app/lib/main.dart': MAIN },
      findings: [{ file: 'app/lib/main.dart', line: 4, severity: 'info', messageIncludes: 'no pubspec.lock says which supabase_flutter this app installs' }],
    },
    {
      name: "no lockfile, a pubspec.yaml whose lowest allowed release is 2.13.0 or later: renamed",
      files: { 'app/pubspec.yaml': 'name: app\ndependencies:\n  flutter:\n    sdk: flutter\n  supabase_flutter: ^2.14.0 # auth\n', 'app/lib/main.dart': MAIN },
      findings: [{ file: 'app/lib/main.dart', line: 4, messageIncludes: '(the pubspec.yaml requires ^2.14.0): pass the key as `publishableKey:`' }],
      output: { 'app/lib/main.dart': MAIN.replace('anonKey:', 'publishableKey:') },
    },
    {
      name: 'no lockfile, a pubspec.yaml that allows older releases: an info that says so',
      files: { 'pubspec.yaml': "name: app\ndependencies:\n  supabase_flutter: '>=2.12.0 <3.0.0'\n", 'lib/main.dart': MAIN },
      findings: [
        {
          file: 'lib/main.dart',
          line: 4,
          severity: 'info',
          messageIncludes: 'and its pubspec.yaml allows releases before 2.13.0 (>=2.12.0 <3.0.0): from 2.13.0 on, pass the key as `publishableKey:`',
        },
      ],
    },
    {
      name: 'both parameters: the deprecated one is to be deleted',
      files: { 'pubspec.lock': lock('2.14.0'), 'lib/main.dart': 'void main() {\n  Supabase.initialize(url: u, publishableKey: k, anonKey: k);\n}\n' },
      findings: [{ file: 'lib/main.dart', line: 2, messageIncludes: '`anonKey:` is passed beside `publishableKey:`, which wins: delete the `anonKey:` argument' }],
    },
    {
      name: "FlutterFlow's generated setup: left as FlutterFlow writes it",
      files: {
        'pubspec.lock': lock('2.14.0'),
        'lib/backend/supabase/supabase.dart':
          "const _kSupabaseUrl = 'https://abcdefghijklmnopqrst.supabase.co';\nconst _kSupabaseAnonKey = 'your-key';\n\nclass SupaFlow {\n" +
          '  static Future initialize() => Supabase.initialize(url: _kSupabaseUrl, anonKey: _kSupabaseAnonKey);\n}\n',
      },
      findings: [{ file: 'lib/backend/supabase/supabase.dart', line: 5, severity: 'info', messageIncludes: "FlutterFlow's generated Supabase setup passes the key as `anonKey:`" }],
    },
  ],
});
