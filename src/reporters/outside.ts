// The steps outside the repository, grouped by place, one line per action: written once, for the terminal, the step summary and the reports.
import type { Colors } from './colors.js';
import { maskSecrets } from '../keys/mask.js';
import { printable } from '../core/printable.js';
import type { OutsideReference } from '../outside/reference.js';

/** One action at a place (ending with the command that does it, if any), and whether the configuration records it done. */
interface OutsideStep {
  text: string;
  done: boolean;
  file: string;
  line: number;
}

/** The steps by place, in the order the places first appear (the outside list is sorted by file). */
function outsideByPlace(outside: readonly OutsideReference[]): [string, OutsideStep[]][] {
  const places = new Map<string, OutsideStep[]>();
  for (const reference of outside) {
    const place = reference.place ?? reference.kind;
    const action = maskSecrets(reference.action);
    const text = action.startsWith(`${place}: `) ? action.slice(place.length + 2) : action;
    const steps = places.get(place) ?? [];
    const step: OutsideStep = { text, done: reference.done === true, file: reference.file, line: reference.line };
    // The same action at the same place (two workflows naming one secret) is one step.
    if (!steps.some((other) => other.text === step.text)) steps.push(step);
    places.set(place, steps);
  }
  return [...places.entries()];
}

/** The count of steps left to do, once each. */
export function outsideStepsLeft(outside: readonly OutsideReference[]): number {
  return outsideByPlace(outside).reduce((sum, [, steps]) => sum + steps.filter((step) => !step.done).length, 0);
}

/** The terminal block: a heading, then each place and its actions; empty when there is nothing outside. */
export function outsideBlock(outside: readonly OutsideReference[], c: Colors): string {
  const places = outsideByPlace(outside);
  if (places.length === 0) return '';
  const left = outsideStepsLeft(outside);
  const lines = [c.bold(`Outside the repository: ${left === 0 ? 'every step recorded done' : `${left} step${left === 1 ? '' : 's'} to do by hand`}`) +
    c.dim(' (migrate-keys cannot see these; record them in outsideDone of the configuration once done)')];
  for (const [place, steps] of places) {
    lines.push(`  ${printable(place)}`);
    for (const step of steps) {
      const mark = step.done ? c.green('✔') : '☐';
      lines.push(`    ${mark} ${printable(step.text)}  ${c.dim(`${printable(step.file)}:${step.line}`)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The same block in Markdown (the step summary, the reports): a list per place, a task-list item per action. */
export function outsideMarkdown(outside: readonly OutsideReference[], text: (plain: string) => string): string[] {
  const out: string[] = [];
  for (const [place, steps] of outsideByPlace(outside)) {
    out.push(`- **${text(place)}**`);
    for (const step of steps) {
      out.push(`  - [${step.done ? 'x' : ' '}] ${text(step.text)} (${text(`${step.file}:${step.line}`)})`);
    }
  }
  return out;
}
