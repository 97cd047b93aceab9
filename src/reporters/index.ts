// Output formats by name, and report files by extension; each reporter turns a run result into one string.
import type { Colors } from './colors.js';
import type { RunResult } from '../core/result.js';
import type { Format } from './format-names.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

interface ReporterOptions {
  colors: Colors;
  quiet: boolean;
}

type Reporter = (result: RunResult, options: ReporterOptions) => string;

/** `--format` values: what goes to stdout. */
export const FORMATS: Readonly<Record<Format, Reporter>> = {
  stylish: (result, options) => stylish(result, options),
  json: (result) => json(result),
  sarif: (result) => sarif(result),
  github: (result) => github(result),
};

export function isFormat(name: string): name is Format {
  return Object.hasOwn(FORMATS, name);
}

type Env = Readonly<Record<string, string | undefined>>;

/** `--report <file>`: the reporter its extension names; the Markdown report reads GitHub Actions' variables for its links. */
const REPORT_EXTENSIONS: Readonly<Record<string, (result: RunResult, env: Env) => string>> = {
  '.md': (result, env) => markdown(result, { env }),
  '.json': (result) => json(result),
  '.sarif': (result) => sarif(result),
  '.html': (result) => html(result),
};

/** The reporter of a report file, given the environment of the run (never read from process.env here). */
export function reportFor(path: string, env: Env = {}): ((result: RunResult) => string) | undefined {
  const extension = path.slice(path.lastIndexOf('.')).toLowerCase();
  const reporter = Object.hasOwn(REPORT_EXTENSIONS, extension) ? REPORT_EXTENSIONS[extension] : undefined;
  return reporter && ((result) => reporter(result, env));
}
