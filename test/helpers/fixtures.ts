// The fixture pairs of __testfixtures__, one naming convention for every kind (test/fixtures.test.ts states it),
// and the core run on a file's bytes as the CLI runs it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fileKind } from '../../src/file-kinds/index.js';
import { planFile, type FilePlan, type PlanFileOptions } from '../../src/core/file-plan.js';
import { namePattern } from '../../src/keys/names.js';

const ROOT = fileURLToPath(new URL('../../__testfixtures__/', import.meta.url));

/** In a kind's folder: `{ "<case>.<ext>": "<path>" }` for the cases that do not run as `src/<case>.<ext>`. */
const PATHS = 'paths.json';

/** What each flag in a case's name adds to the run. The supplied keys are fake: never real ones. */
const FLAGS: Readonly<Record<string, PlanFileOptions>> = {
  supplied: {
    supplied: { publishable: 'sb_publishable_FIXTUREfixtureFIXTURE1_abcdEFGH', secret: 'sb_secret_FIXTUREfixtureFIXTURE2_abcdEFGH' },
  },
  transitional: { transitional: true },
  unsafe: { unsafe: true },
};

/** `<case>[.<flag>]….input.<ext>` or `.output.<ext>`. */
const PAIR_FILE = /^([a-z0-9-]+)((?:\.[a-z]+)*)\.(input|output)\.([a-z0-9]+)$/;

export interface FixtureCase {
  /** `<kind>/<case>[.<flag>]….<ext>`: the test's name. */
  id: string;
  /** The folder under __testfixtures__. */
  kind: string;
  /** The case's name without its flags. */
  name: string;
  flags: string[];
  /** The repository path the file runs as. */
  path: string;
  options: PlanFileOptions;
  input: Buffer;
  output: Buffer;
}

/**
 * Every pair of every kind, and what breaks the convention (a file that is not half of a pair, an unknown
 * flag, a paths.json entry for no case, anything but kind folders at the top).
 */
export function loadFixtures(): { cases: FixtureCase[]; problems: string[] } {
  const cases: FixtureCase[] = [];
  const problems: string[] = [];
  for (const entry of readdirSync(ROOT, { withFileTypes: true })) {
    if (!entry.isDirectory()) {
      problems.push(`${entry.name}: only kind folders belong at the top of __testfixtures__`);
      continue;
    }
    const kind = entry.name;
    const dir = `${ROOT}${kind}/`;
    const paths: Record<string, string> = existsSync(`${dir}${PATHS}`) ? JSON.parse(readFileSync(`${dir}${PATHS}`, 'utf8')) : {};
    const files = readdirSync(dir, { withFileTypes: true });
    const names = new Set(files.map((file) => file.name));
    const labels = new Set<string>();
    for (const file of files) {
      if (file.name === PATHS) continue;
      const match = file.isFile() ? PAIR_FILE.exec(file.name) : null;
      if (!match) {
        problems.push(`${kind}/${file.name} is not named <case>[.<flag>]….input.<ext> or ….output.<ext>`);
        continue;
      }
      const [, name = '', flagPart = '', half, ext = ''] = match;
      const other = `${name}${flagPart}.${half === 'input' ? 'output' : 'input'}.${ext}`;
      if (!names.has(other)) problems.push(`${kind}/${file.name} has no ${other}`);
      if (half === 'output' || !names.has(other)) continue;
      const flags = flagPart.split('.').filter(Boolean);
      for (const flag of flags) if (!FLAGS[flag]) problems.push(`${kind}/${file.name}: unknown flag .${flag} (known: ${Object.keys(FLAGS).join(', ')})`);
      const label = `${name}${flagPart}.${ext}`;
      labels.add(label);
      cases.push({
        id: `${kind}/${label}`,
        kind,
        name,
        flags,
        path: paths[label] ?? (ext === 'env' ? '.env' : `src/${name}.${ext}`),
        options: Object.assign({}, ...flags.map((flag) => FLAGS[flag])),
        input: readFileSync(`${dir}${file.name}`),
        output: readFileSync(`${dir}${other}`),
      });
    }
    if (labels.size === 0) problems.push(`${kind}/ holds no pair`);
    for (const label of Object.keys(paths)) if (!labels.has(label)) problems.push(`${kind}/${PATHS} names ${label}, which is no case`);
  }
  cases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { cases, problems };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Runs the core on a file's bytes, as the CLI does: only valid UTF-8 is planned. */
export function planBytes(path: string, bytes: Buffer, options?: PlanFileOptions): FilePlan {
  const kind = fileKind(path);
  if (!kind) throw new Error(`${path} is not a file kind the tool reads`);
  return planFile({ path, kind, text: utf8.decode(bytes) }, namePattern({}), {}, options);
}
