// hardcoded-key: a key literal in a file the repository keeps, judged by its value; the value is never shown.
import { isHostedLegacyKey } from '../keys/values.js';
import { generatorOf, toolExportOf } from '../file-kinds/tool-exports.js';
import { keyLiterals, shownLiteral, type KeyLiteral } from '../keys/literals.js';
import { REVOKE_LEGACY_JWT, REVOKE_LEGACY_JWT_SOURCES, REVOKE_LEGACY_JWT_WHY } from './leaks.js';
import type { Report, Rule, Severity } from './rule.js';
import { cite, PAGES } from './sources.js';

const FROM_ENV = 'read it from the environment in server code instead';
/** For the local stack's own keys: `supabase status -o env` prints them, so code can read them like the hosted ones. */
const LOCAL_FROM_ENV = 'Read it from the environment (`supabase status -o env` prints it) if this code may run against a hosted project.';

export const hardcodedKey: Rule = {
  meta: {
    id: 'hardcoded-key',
    severity: 'error',
    fix: 'none',
    summary: 'a key literal in source; the value is never shown',
    description:
      'A key written into any text file the repository keeps (code, JSON, YAML, HTML, notebooks, docs, CI files, ' +
      'PowerShell and batch scripts, Swift/Kotlin/Java sources, .xcconfig, .plist, CSV…; lockfiles and binaries excepted; ' +
      'base64-wrapped too, as in a Kubernetes Secret), classified by its value: a service_role JWT or an sb_secret_… key is an error, ' +
      'since it has leaked and must be rotated; a legacy anon JWT is a warning, since it stops working when ' +
      'the legacy keys are deactivated; the local CLI\'s demo JWTs (iss: supabase-demo), its default local ' +
      'secret key and any sb_publishable_… key are info. .env files, where keys belong, are left to ' +
      'legacy-key-value and secret-key-exposed, and SQL to sql-legacy-key, so that no value is reported twice. ' +
      `Messages show a masked prefix and the role, never the key. ${REVOKE_LEGACY_JWT_WHY}`,
    legacyUse: true,
    blocksRotation: true,
    example: "createClient(url, 'eyJhbGci…[legacy anon JWT]')  ->  createClient(url, import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY)",
    sources: [
      cite(
        PAGES.apiKeys,
        'Do not add service_role or secret keys to source code or source control; the publishable key is safe to expose, source code included.',
      ),
      cite(PAGES.rotateLeaked, 'Replace a leaked secret key or service_role key with a new secret key, then retire the compromised key.'),
      cite(PAGES.migrating, 'The legacy keys will be deprecated by the end of 2026; use the publishable and secret keys instead.'),
      ...REVOKE_LEGACY_JWT_SOURCES,
    ],
    examples: [
      {
        title: 'A legacy anon JWT in code (shown masked)',
        file: 'src/lib/supabase.ts',
        before:
          "import { createClient } from '@supabase/supabase-js'\n\n" +
          "export const supabase = createClient('https://abcdefghijklmnopqrst.supabase.co', 'eyJhbGci…[legacy anon JWT]')\n",
        after:
          "import { createClient } from '@supabase/supabase-js'\n\n" +
          'export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY)\n',
      },
    ],
  },
  check(file) {
    // .env files hold keys by design (legacy-key-value and secret-key-exposed judge their values); SQL is sql-legacy-key's, lockfiles
    // sdk-version's (their integrity hashes are no keys).
    if (file.kind === 'env' || file.kind === 'sql' || file.kind === 'lockfile') return [];
    // Another tool's export: tool-export-key reports its keys with where to change them in that tool.
    if (file.kind === 'text' && toolExportOf(file.path, file.text) !== undefined) return [];
    const anonPlace = placeOfAnon(file);
    return keyLiterals(file.text).map((literal): Report => {
      const { message, severity } = anonPlace && literal.kind === 'legacy-anon' ? replacedAnon(literal, anonPlace) : describe(literal);
      // Only a hosted legacy JWT is legacy use; a new key literal is a leak or a habit, not a blocker.
      const legacy = isHostedLegacyKey(literal.kind);
      return { offset: literal.offset, message, legacyUse: legacy, blocksRotation: legacy, ...(severity !== 'error' && { severity }) };
    });
  },
};

/**
 * A file of build settings, which is where an app's key belongs (issue 23): Xcode's `.xcconfig`, a JSON file of
 * `--dart-define-from-file` defines, VS Code's launch configurations. The legacy anon key there is replaced, not moved.
 */
function holdsSettings(file: { path: string; kind: string }): boolean {
  return /\.xcconfig(?:\.\w+)?$/.test(file.path) || (file.kind === 'config' && file.path.endsWith('.json'));
}

/** Where a legacy anon key is replaced rather than moved to the environment: `at` says where it is, `where` where the publishable key goes. */
interface AnonPlace {
  at: string;
  where: string;
}

/** A file where an app's key belongs — code a tool generates (FlutterFlow: changed in the tool, or its next push undoes it), or a settings file. */
function placeOfAnon(file: { path: string; kind: string; text: string }): AnonPlace | undefined {
  const generator = file.kind === 'source' ? generatorOf(file.path, file.text) : undefined;
  if (generator !== undefined) return { at: `is in ${generator.what}`, where: generator.where };
  return holdsSettings(file) ? { at: 'is set here', where: '(Project Settings → API Keys)' } : undefined;
}

function replacedAnon(literal: KeyLiteral, { at, where }: AnonPlace): { message: string; severity: Severity } {
  return {
    severity: 'warning',
    message: `the legacy anon key (${shownLiteral(literal)}) ${at} and stops working when the legacy keys are deactivated: replace it with the publishable key ${where}.`,
  };
}

function describe(literal: KeyLiteral): { message: string; severity: Severity } {
  const shown = shownLiteral(literal);
  switch (literal.kind) {
    case 'legacy-service-role':
      return {
        severity: 'error',
        message: `the legacy service_role key (${shown}) is hard-coded here, so it has leaked. Read a secret key (SUPABASE_SECRET_KEY) from the environment in server code instead, then ${REVOKE_LEGACY_JWT}.`,
      };
    case 'legacy-anon':
      return {
        severity: 'warning',
        message: `the legacy anon key (${shown}) is hard-coded here and stops working when the legacy keys are deactivated. Read the publishable key from the environment instead.`,
      };
    case 'legacy-demo':
      return {
        severity: 'info',
        message: `the local CLI's demo ${literal.role ? `${literal.role} ` : ''}JWT (${shown}, iss supabase-demo) is hard-coded here and only works against a local stack. ${LOCAL_FROM_ENV}`,
      };
    case 'secret':
      return literal.localDefault
        ? { severity: 'info', message: `the Supabase CLI's local default secret key is hard-coded here and only works against a local stack. ${LOCAL_FROM_ENV}` }
        : {
            severity: 'error',
            message: `a secret key (${shown}) is hard-coded here, so it has leaked. Delete it under Project Settings → API Keys, create a new one, and ${FROM_ENV}.`,
          };
    case 'publishable':
      return {
        severity: 'info',
        message: literal.localDefault
          ? `the Supabase CLI's local default publishable key is hard-coded here and only works against a local stack. ${LOCAL_FROM_ENV}`
          : `a publishable key (${shown}) is hard-coded here: public by design, but rotating it takes a code change. Read it from the environment instead.`,
      };
  }
}
