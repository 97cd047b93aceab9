// Names of Supabase secrets (the service_role key, secret keys, the legacy JWT secret), and where one
// stands behind a prefix that bundlers inline into browser code.
import { keyKindOfName } from '../bearer/key-sources.js';
import { isPublicPrefix } from '../../../keys/names.js';

/** What a variable of this name holds when it is a Supabase secret, for messages. */
export function secretOfName(name: string): string | undefined {
  const kind = keyKindOfName(name);
  if (kind === 'legacy service_role') return 'the service_role key';
  if (kind === 'secret') return 'the secret key';
  if (/(^|_)SUPABASE_JWT_SECRET$/.test(name)) return 'the legacy JWT secret';
  return undefined;
}

const SECRET_NAME_HINT = /SUPABASE_(?:SECRET_KEY|SERVICE_ROLE_KEY|SERVICE_KEY|JWT_SECRET)/;
const SECRET_NAME = /(?<![A-Za-z0-9_])((?:[A-Z0-9]+_)*)(SUPABASE_(?:SECRET_KEYS?|SERVICE_ROLE_KEY|SERVICE_KEY|JWT_SECRET))(?![A-Za-z0-9_])/g;

export interface PublicSecretName {
  name: string;
  offset: number;
  what: string;
}

/** Every secret's name in a text, whatever its prefix (`SUPABASE_SERVICE_ROLE_KEY`, `BuildConfig.SUPABASE_SECRET_KEY`). */
export function secretNames(text: string): PublicSecretName[] {
  if (!SECRET_NAME_HINT.test(text)) return [];
  return Array.from(text.matchAll(SECRET_NAME), (match) => ({ name: match[0], offset: match.index as number, what: secretOfName(match[0]) as string })).filter(
    (found) => found.what !== undefined,
  );
}

/** Every secret's name with a public prefix in a text (`NEXT_PUBLIC_SUPABASE_SECRET_KEY`, `VITE_SUPABASE_JWT_SECRET`). */
export function publicSecretNames(text: string): PublicSecretName[] {
  if (!SECRET_NAME_HINT.test(text)) return [];
  const found: PublicSecretName[] = [];
  for (const match of text.matchAll(SECRET_NAME)) {
    const prefix = match[1] as string;
    if (!prefix || !isPublicPrefix(prefix)) continue;
    found.push({ name: match[0], offset: match.index as number, what: secretOfName(match[0]) as string });
  }
  return found;
}
