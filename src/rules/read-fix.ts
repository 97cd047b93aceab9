// The edit for a runtime env read: replaced outright, wrapped in a transitional `NEW ?? LEGACY`, or,
// when it stands in a fallback chain whose reads become one, collapsed to one read by the final run (SPEC §4).
import type { Occurrence } from '../file-kinds/scanned-text.js';
import type { FallbackChain } from '../file-kinds/reads.js';
import type { Edit, Report } from './rule.js';

/**
 * The text a span of the file will have once the run's renames are made in it; undefined when another rule
 * edits inside it, so that a fix spanning it would drop that edit.
 */
export type FinalText = (start: number, end: number) => string | undefined;

/** The read's source text with its name replaced, e.g. `process.env['X']` -> `process.env['Y']`. */
export function renamedRead(occurrence: Occurrence, newName: string): string {
  const read = occurrence.read as NonNullable<Occurrence['read']>;
  const at = occurrence.start - read.start;
  return read.text.slice(0, at) + newName + read.text.slice(at + (occurrence.end - occurrence.start));
}

/**
 * Undefined when there is nothing to do: a transitional run meeting a new-first fallback (its own or one
 * people wrote, with `??` or `||`). A final run drops from a `??`/`||` chain every read that reads what the
 * read before it reads once renamed (`NEW ?? LEGACY`, `LEGACY || NEW`, two legacy names of one new name):
 * never `X ?? X`. `finalText` tells what the chain's other operands become; by default they stay as they are.
 */
export function readFix(occurrence: Occurrence, newRead: string, transitional: boolean, finalText?: FinalText): Edit[] | undefined {
  const read = occurrence.read as NonNullable<Occurrence['read']>;
  const { chain } = read;
  const index = chain ? chain.operands.findIndex((operand) => operand.start === read.start && operand.end === read.end) : -1;
  if (transitional) {
    if (isNewFirstFallback(occurrence, newRead) || read.assigned) return undefined;
    // `LEGACY || NEW`, a fallback the wrong way round: the legacy read moves behind the new one (`NEW || LEGACY`).
    const reordered = chain && index >= 0 ? newFirst(chain, index, newRead) : undefined;
    if (reordered) return [reordered];
    const fallback = `${newRead} ?? ${read.text}`;
    return [{ start: read.start, end: read.end, text: read.needsParens ? `(${fallback})` : fallback }];
  }
  const { defaultOf } = read;
  // `{ NEW: key = env.LEGACY ?? '' } = env`: the default read what the key now reads; it goes (`{ NEW: key = '' }`).
  if (defaultOf?.drop && sameRead(defaultOf.read, newRead)) return [{ start: defaultOf.drop.start, end: defaultOf.drop.end, text: defaultOf.drop.text }];
  // `env.NEW ? env.NEW : env.LEGACY`: both branches would read the new key; the `then` branch stays, as written.
  const { previousArgument, ternary } = read;
  if (ternary && checksNewRead(ternary, newRead)) return [{ start: ternary.start, end: ternary.end, text: ternary.whenTrue }];
  // `first(env.NEW, env.LEGACY)`: the argument that would read the same again goes (`first(env.NEW)`).
  if (previousArgument && sameRead(previousArgument.text, newRead)) return [{ start: previousArgument.end, end: read.end, text: '' }];
  const collapsed = chain && index >= 0 ? collapse(chain, index, newRead, finalText) : undefined;
  return [collapsed ?? { start: read.start, end: read.end, text: newRead }];
}

/**
 * Whether the read is the legacy half of a new-first fallback (SPEC §4): the operand before it in a `??`/`||`
 * chain reads `newRead` (`NEW ?? LEGACY`, `NEW || LEGACY`, the Edge helper's JSON read first), or it is the
 * `else` branch of a conditional on the new read (`NEW ? NEW : LEGACY`), or the default of the new name destructured
 * from the env object (`const { NEW: key = env.LEGACY } = env`), or a helper's last resort after it named the new key
 * (`if (env.NEW) return env.NEW; return env.LEGACY`, the Edge helper that parses SUPABASE_SECRET_KEYS first), or an
 * argument after the new read (`first(env.NEW, env.LEGACY)`).
 */
export function isNewFirstFallback(occurrence: Occurrence, newRead: string): boolean {
  const read = occurrence.read;
  if (!read) return false;
  const { chain, ternary, defaultOf, lastResort, previousArgument } = read;
  // `{ NEW: key = LEGACY ?? '' } = env`: the default stands in only when the new name is undefined.
  if (defaultOf && sameRead(defaultOf.read, newRead)) return true;
  if (ternary && checksNewRead(ternary, newRead)) return true;
  // A helper whose last resort is the legacy read, after it named the new key; `first(env.NEW, env.LEGACY)`.
  if (lastResort && namesNewKey(lastResort.before, newRead)) return true;
  if (previousArgument !== undefined && sameRead(previousArgument.text, newRead)) return true;
  if (!chain) return false;
  const index = chain.operands.findIndex((operand) => operand.start === read.start && operand.end === read.end);
  const before = index > 0 ? chain.operands[index - 1] : undefined;
  return before !== undefined && sameRead(operandText(chain, before), newRead);
}

/**
 * `--transitional` on a name destructured from the env object (`{ LEGACY: key = '' } = env`): the key becomes the new
 * name and the binding's default reads the legacy one (`{ NEW: key = env.LEGACY ?? '' } = env`), so the new name is read first.
 */
export function destructuringFix(occurrence: Occurrence, newName: string): Edit[] | undefined {
  const site = occurrence.destructured;
  if (!site) return undefined;
  const legacyRead = `${site.object}.${occurrence.decision.name}`;
  const key: Edit = site.shorthand
    ? { start: occurrence.start, end: occurrence.start, text: `${newName}: ` }
    : { start: occurrence.start, end: occurrence.end, text: newName };
  const { initializer } = site;
  const fallback: Edit = initializer
    ? { start: initializer.start, end: initializer.end, text: `${legacyRead} ?? ${initializer.needsParens ? `(${initializer.text})` : initializer.text}` }
    : { start: site.nameEnd, end: site.nameEnd, text: ` = ${legacyRead}` };
  return [key, fallback];
}

/**
 * A new-first fallback under `--transitional` (SPEC §4): info, not a legacy use, since the reader runs on the new key
 * as soon as it is set; the plain run reports it as an error and collapses it to the new read.
 */
export function transitionalFallback(newName: string, legacyName: string, offset: number): Report {
  return {
    offset,
    severity: 'info',
    legacyUse: false,
    fallback: true,
    message:
      `transitional fallback: \`${newName}\` is read first and the legacy \`${legacyName}\` only when it is not set: ` +
      'delete the legacy read after the legacy keys are deactivated',
  };
}

/** The chain with the legacy read at `index` moved behind a later operand that reads `newRead`; undefined when none does. */
function newFirst(chain: FallbackChain, index: number, newRead: string): Edit | undefined {
  const texts = chain.operands.map((operand) => operandText(chain, operand));
  const later = texts.findIndex((text, i) => i > index && sameRead(text, newRead));
  if (later < 0) return undefined;
  const [legacy] = texts.splice(index, 1) as [string];
  texts.splice(later, 0, legacy);
  // The separators (operator, line break, comment) stay where they stood; the operands move.
  let text = texts[0] as string;
  for (let i = 1; i < texts.length; i++) {
    const previous = chain.operands[i - 1] as FallbackChain['operands'][number];
    const operand = chain.operands[i] as FallbackChain['operands'][number];
    text += chain.text.slice(previous.end - chain.start, operand.start - chain.start) + (texts[i] as string);
  }
  return { start: chain.start, end: chain.end, text };
}

/** `(NEW ?? NEW)`, what a transitional fallback nested in another chain becomes once renamed: the read alone. */
function selfFallback(text: string): string {
  const match = /^\(\s*([^()]*(?:\([^()]*\)[^()]*)*?)\s*(?:\?\?|\|\|)\s*([^()]*(?:\([^()]*\)[^()]*)*)\s*\)$/.exec(text);
  return match && sameRead(match[1] as string, match[2] as string) ? (match[1] as string).trim() : text;
}

/** The chain without the reads that repeat the read before them, once renamed; undefined when none repeats. */
function collapse(chain: FallbackChain, index: number, newRead: string, finalText: FinalText | undefined): Edit | undefined {
  const texts: (string | undefined)[] = chain.operands.map((operand, i) =>
    i === index ? newRead : finalText ? finalText(operand.start, operand.end) : operandText(chain, operand),
  );
  if (texts.some((text) => text === undefined)) return undefined;
  const final = (texts as string[]).map(selfFallback);
  const kept = chain.operands.flatMap((operand, i) => {
    const previous = chain.operands[i - 1];
    // Only a read is dropped (`foo() ?? foo()` may call twice for a reason); this one's new read is one.
    const repeats = previous !== undefined && (operand.read || i === index) && sameRead(final[i - 1] as string, final[i] as string);
    return repeats ? [] : [i];
  });
  if (kept.length === chain.operands.length && final.every((text, i) => text === texts[i])) return undefined;
  const [first, ...rest] = kept as [number, ...number[]];
  if (rest.length === 0) return { ...chain.outer, text: final[first] as string };
  // Each operand kept keeps the separator (operator, line break, comment) that stood before it.
  let text = final[first] as string;
  for (const i of rest) {
    const previous = chain.operands[i - 1] as FallbackChain['operands'][number];
    const operand = chain.operands[i] as FallbackChain['operands'][number];
    text += chain.text.slice(previous.end - chain.start, operand.start - chain.start) + (final[i] as string);
  }
  return { start: chain.start, end: chain.end, text };
}

function operandText(chain: FallbackChain, operand: { start: number; end: number }): string {
  return chain.text.slice(operand.start - chain.start, operand.end - chain.start);
}

/** Two reads of one name: blanks, quotes and `.X` / `['X']` aside. */
/** A conditional that tests the new key and then reads it (`NEW ? NEW : …`, `NEW !== undefined ? NEW : …`). */
function checksNewRead(ternary: { condition: string; whenTrue: string }, newRead: string): boolean {
  return sameRead(ternary.whenTrue, newRead) && namesNewKey(ternary.condition, newRead);
}

/** Whether code names the key `newRead` reads (its last upper-case name: `SUPABASE_SECRET_KEY`, `SUPABASE_SECRET_KEYS`). */
function namesNewKey(code: string, newRead: string): boolean {
  const name = newRead.match(/\b[A-Z][A-Z0-9_]{2,}\b/g)?.at(-1);
  return name !== undefined && new RegExp(`\\b${name}\\b`).test(code);
}

function sameRead(a: string, b: string): boolean {
  const normal = (text: string) =>
    text
      .replace(/\s+/g, '')
      .replace(/\?\.(?=[A-Za-z_$[])/g, '.')
      .replace(/\.?\[(['"`])([A-Za-z_$][\w$]*)\1\]/g, '.$2')
      .replace(/["`]/g, "'");
  return normal(a) === normal(b);
}
