// Local signing keys: `[auth] signing_keys_path` in config.toml, and what the file it names must be — a
// JSON array of private JWKs that git neither tracks nor could pick up. The private part `d` is never shown.
import type { parseTOML } from 'toml-eslint-parser';
import { loadTomlParser } from '../../../core/libraries.js';
import type { Severity } from '../../../core/types.js';

export interface SigningKeysSetting {
  value: string;
  /** Where the value is written in config.toml. */
  offset: number;
}

export interface SigningKeyProblem {
  message: string;
  severity?: Severity;
}

type Node = { type: string; range: [number, number] };
type KeyValue = Node & { key: { keys: { name?: string; value?: string }[] }; value: Node & { value?: unknown } };
type Table = Node & { resolvedKey: (string | number)[]; body: KeyValue[] };

/** `signing_keys_path` under `[auth]` (or as `auth.signing_keys_path`), when it is set to a string. */
export function signingKeysSetting(text: string): SigningKeysSetting | undefined {
  if (!text.includes('signing_keys_path')) return undefined;
  let ast: ReturnType<typeof parseTOML>;
  try {
    ast = loadTomlParser().parseTOML(text);
  } catch {
    return undefined;
  }
  const top = ast.body[0] as unknown as { body: (KeyValue | Table)[] };
  const pick = (path: readonly string[], keyValue: KeyValue): SigningKeysSetting | undefined => {
    const full = [...path, ...keyValue.key.keys.map((k) => String(k.name ?? k.value))];
    const value = keyValue.value.value;
    return full.join('.') === 'auth.signing_keys_path' && typeof value === 'string' ? { value, offset: keyValue.value.range[0] } : undefined;
  };
  for (const node of top.body) {
    if (node.type === 'TOMLKeyValue') {
      const found = pick([], node as KeyValue);
      if (found) return found;
    } else if (node.type === 'TOMLTable') {
      const table = node as Table;
      for (const keyValue of table.body) {
        const found = pick(table.resolvedKey.map(String), keyValue);
        if (found) return found;
      }
    }
  }
  return undefined;
}

const CURVE_TYPES = new Set(['EC', 'OKP']);

/**
 * What is wrong with the text of a signing keys file for the local CLI: not JSON, a bare JWK instead of
 * an array, keys without `kty`/`kid`/`crv`/`d`; and, as info, `key_ops` listing `verify` on a private key.
 */
export function signingKeysProblems(path: string, text: string): SigningKeyProblem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [{ message: `\`${path}\` is not valid JSON, and the local CLI needs a JSON array of JWKs: generate a key with \`supabase gen signing-key --algorithm ES256\` and wrap it in [ … ]` }];
  }
  if (!Array.isArray(value)) {
    const bare = value !== null && typeof value === 'object' && 'kty' in value;
    return [
      {
        message: bare
          ? `\`${path}\` holds a single JWK object, but the local CLI needs a JSON array of JWKs (only the hosted dashboard takes the bare object): wrap it in [ … ]`
          : `\`${path}\` is not the JSON array of JWKs the local CLI needs: generate a key with \`supabase gen signing-key --algorithm ES256\` and wrap it in [ … ]`,
      },
    ];
  }
  if (value.length === 0) return [{ message: `\`${path}\` holds an empty array: generate a key with \`supabase gen signing-key --algorithm ES256\`` }];
  const problems: SigningKeyProblem[] = [];
  value.forEach((key: unknown, index) => {
    const label = `key ${index + 1} of \`${path}\``;
    if (key === null || typeof key !== 'object' || Array.isArray(key)) {
      problems.push({ message: `${label} is not a JWK object: replace it with a key from \`supabase gen signing-key --algorithm ES256\`` });
      return;
    }
    const jwk = key as Record<string, unknown>;
    const missing = ['kty', 'kid'].filter((field) => typeof jwk[field] !== 'string');
    if (typeof jwk.kty === 'string' && CURVE_TYPES.has(jwk.kty) && typeof jwk.crv !== 'string') missing.push('crv');
    if (typeof jwk.d !== 'string') missing.push('d');
    if (missing.length > 0) {
      const needsPrivate = missing.includes('d') ? ' (`d` is the private part: the local auth server signs with it)' : '';
      problems.push({ message: `${label} has no ${missing.map((field) => `\`${field}\``).join(', ')}${needsPrivate}: replace it with a key from \`supabase gen signing-key --algorithm ES256\`` });
    }
    // `supabase gen signing-key` itself writes key_ops ["sign", "verify"] and ext true, which the local stack loads: no note
    // on the CLI's own output (issue 27).
    const cliOutput = Array.isArray(jwk.key_ops) && jwk.key_ops.join(',') === 'sign,verify' && jwk.ext === true;
    if (Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify') && typeof jwk.d === 'string' && !cliOutput) {
      problems.push({
        message: `${label} lists \`verify\` in \`key_ops\`: some libraries, such as jose, refuse to sign with such a private key; use \`"key_ops": ["sign"]\` where you load it yourself`,
        severity: 'info',
      });
    }
  });
  return problems;
}

/** Whether a parsed signing keys file holds a private key anywhere (`d` on any JWK). */
export function holdsPrivateKey(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    const keys = Array.isArray(value) ? value : [value];
    return keys.some((key) => key !== null && typeof key === 'object' && typeof (key as Record<string, unknown>).d === 'string');
  } catch {
    return /"d"\s*:/.test(text);
  }
}
