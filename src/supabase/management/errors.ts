// Errors of the Management API and the local stack: one line each, never a token or a key value.
import { maskSecrets } from '../../keys/mask.js';

/** A failure the user can act on: its message is shown as is (exit code 2). */
export class ManagementError extends Error {
  override name = 'ManagementError';
}

/** How much of a quoted text is masked and shown at most: an error body may be megabytes, of which one line is shown. */
const QUOTED_MAX = 16 * 1024;

/** One line, with every given secret (the access token) removed and every key value masked. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  return maskSecrets(removeSecrets(text, secrets));
}

function removeSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) out = out.split(secret).join('…[redacted]');
  }
  return out;
}

/**
 * The first meaningful line of a text, shortened. A cut can leave part of a key or token that the
 * masker no longer recognises: text from outside goes through `redactedLine` instead.
 */
function oneLine(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * `redact`, then `oneLine`: for messages quoted from a server or a tool (an error body of up to
 * 10 MB). Secrets go by value over the whole text; then it is masked before it is shortened, so the
 * cut falls in masked text and never leaves a piece of a value. Past QUOTED_MAX the text is dropped
 * from its last blank before that point on: the word the bound cuts could be part of a value.
 */
export function redactedLine(text: string, max: number, secrets: readonly (string | undefined)[] = []): string {
  let out = removeSecrets(text, secrets);
  if (out.length > QUOTED_MAX) {
    let end = QUOTED_MAX;
    while (end > 0 && !/\s/.test(out[end - 1] as string)) end--;
    out = out.slice(0, end);
  }
  return oneLine(maskSecrets(out), max);
}
