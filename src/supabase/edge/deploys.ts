// `supabase functions deploy` commands in scripts, workflows and Makefiles, and what they deploy: read as the shell
// reads them (issue 27 item 4): continuation lines (`\`, PowerShell's backtick, a YAML `>` block) are one command, and a
// script that passes its arguments on (`"$@"`) deploys what its callers (npm scripts, workflows, Makefiles) give it.
import { posix } from 'node:path';

export interface DeployCommand {
  offset: number;
  /** Function slugs named on the command line; empty means every function of the project. */
  names: string[];
  noVerifyJwt: boolean;
  /** `--workdir`: the folder holding the project's supabase/ folder. */
  workdir?: string;
  /** The command passes the script's own arguments on (`"$@"`, `$*`, `$1`): its callers complete it. */
  forwardsArguments?: boolean;
}

/** A call of a script file (`./scripts/deploy.sh hello --no-verify-jwt`, `bash scripts/deploy.sh`): the script, resolved, and the arguments. */
export interface ScriptCall {
  script: string;
  names: string[];
  noVerifyJwt: boolean;
}

// `supabase functions deploy`, however supabase is started (npx, pnpm dlx, bunx, a path); a quoted `"$@"` belongs to it.
const DEPLOY = /\bsupabase(?:@[\w.-]+)?\s+functions\s+deploy\b((?:[^\n\r;&|)"'`]|"\$\{?[@*\d]\}?"|'\$\{?[@*\d]\}?')*)/g;
// In a shell script or a workflow a quoted word on the line (`--project-ref "$REF"`) is part of the command; in JSON
// (package.json) a quote ends the script's string.
const DEPLOY_SHELL = /\bsupabase(?:@[\w.-]+)?\s+functions\s+deploy\b((?:[^\n\r;&|)"'`]|"[^"\n\r]*"|'[^'\n\r]*')*)/g;
const VALUE_FLAGS = new Set(['--project-ref', '--import-map', '--workdir', '--env-file', '--jobs', '-j', '--output', '-o', '--network-id']);
const FORWARDED = /^\$\{?[@*\d]\}?$/;

/**
 * The text with every line continuation blanked to spaces of the same length, so that offsets still hold: a shell or
 * Makefile `\` before the line's end, PowerShell's backtick, and, in YAML, the line breaks a `>` (folded) block turns into spaces.
 */
function joinContinuations(text: string, yaml = false): string {
  let joined = text.replace(/(?:\\|`)(\r?\n)/g, (all) => ' '.repeat(all.length));
  if (yaml) joined = foldBlocks(joined);
  return joined;
}

/** YAML `key: >` blocks: their line breaks are spaces (a blank line, a paragraph break, is kept). */
function foldBlocks(text: string): string {
  const lines = text.split('\n');
  const out = [...lines];
  // The lines whose break becomes a space.
  const joins = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const header = /^(\s*)(?:-\s+)?[^#\s][^#]*?:\s*>[-+]?\d*\s*(?:#.*)?$/.exec(lines[i] as string);
    if (!header) continue;
    const indent = (header[1] as string).length;
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      const line = (lines[j] as string).replace(/\r$/, '');
      if (line.trim() === '') continue;
      if (line.length - line.trimStart().length <= indent) break;
      last = j;
    }
    // Join the block's lines: the break after each of them but the last becomes a space (held in a marker, replaced below).
    for (let j = i + 1; j < last; j++) if ((lines[j] as string).trim() !== '' && (lines[j + 1] as string).trim() !== '') joins.add(j);
    i = last;
  }
  return out.map((line, j) => (j < out.length - 1 ? line + (joins.has(j) ? ' ' : '\n') : line)).join('');
}

function tokensOf(args: string): string[] {
  return args
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => token.replace(/^(['"])(.*)\1$/, '$2'));
}

function readArguments(tokens: readonly string[], command: { names: string[]; noVerifyJwt: boolean; workdir?: string; forwardsArguments?: boolean }): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const [flag, inlineValue] = token.split('=', 2) as [string, string | undefined];
    if (flag === '--no-verify-jwt') command.noVerifyJwt = inlineValue === undefined || inlineValue === 'true';
    else if (VALUE_FLAGS.has(flag)) {
      const value = inlineValue ?? tokens[++i];
      if (flag === '--workdir' && value) command.workdir = value.replace(/\/+$/, '');
    } else if (FORWARDED.test(token)) command.forwardsArguments = true;
    else if (!token.startsWith('-') && /^[A-Za-z0-9_-]+$/.test(token)) command.names.push(token);
  }
}

/** The deploy commands of a text; `yaml` reads `>` blocks as one line, `json` ends a command at a quote. */
export function findDeployCommands(text: string, yaml = false, json = false): DeployCommand[] {
  const commands: DeployCommand[] = [];
  for (const match of joinContinuations(text, yaml).matchAll(json ? DEPLOY : DEPLOY_SHELL)) {
    const command: DeployCommand = { offset: match.index as number, names: [], noVerifyJwt: false };
    readArguments(tokensOf(match[1] as string), command);
    commands.push(command);
  }
  return commands;
}

// A script file run by path or through a shell: `./scripts/deploy.sh`, `bash scripts/deploy.sh`, `sh ./deploy.sh`, `pwsh deploy.ps1`.
const SCRIPT_CALL = /(?:^|[\s;&|("'`])(?:(?:ba|z|da|k)?sh\s+|pwsh\s+(?:-File\s+)?|source\s+|\.\s+)?((?:\.{1,2}\/)?[\w./-]+\.(?:sh|bash|ps1))\b([^\n\r;&|)"'`]*)/g;

/** The calls of script files in a text, resolved against `cwd` (the folder the commands run in; '' for the root). */
export function findScriptCalls(text: string, cwd: string, yaml = false): ScriptCall[] {
  const calls: ScriptCall[] = [];
  for (const match of joinContinuations(text, yaml).matchAll(SCRIPT_CALL)) {
    const script = posix.normalize(posix.join(cwd || '.', match[1] as string));
    const call = { script, names: [] as string[], noVerifyJwt: false };
    readArguments(tokensOf(match[2] as string), call);
    calls.push(call);
  }
  return calls;
}
