// `supabase functions deploy` commands in scripts, workflows and Makefiles, and what they deploy.

export interface DeployCommand {
  offset: number;
  /** Function slugs named on the command line; empty means every function of the project. */
  names: string[];
  noVerifyJwt: boolean;
  /** `--workdir`: the folder holding the project's supabase/ folder. */
  workdir?: string;
}

// `supabase functions deploy`, however supabase is started (npx, pnpm dlx, bunx, a path).
const DEPLOY = /\bsupabase(?:@[\w.-]+)?\s+functions\s+deploy\b([^\n\r;&|)"'`]*)/g;
const VALUE_FLAGS = new Set(['--project-ref', '--import-map', '--workdir', '--env-file', '--jobs', '-j', '--output', '-o', '--network-id']);

export function findDeployCommands(text: string): DeployCommand[] {
  const commands: DeployCommand[] = [];
  for (const match of text.matchAll(DEPLOY)) {
    const tokens = (match[1] as string).trim().split(/\s+/).filter(Boolean);
    const command: DeployCommand = { offset: match.index as number, names: [], noVerifyJwt: false };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      const [flag, inlineValue] = token.split('=', 2) as [string, string | undefined];
      if (flag === '--no-verify-jwt') command.noVerifyJwt = inlineValue === undefined || inlineValue === 'true';
      else if (VALUE_FLAGS.has(flag)) {
        const value = inlineValue ?? tokens[++i];
        if (flag === '--workdir' && value) command.workdir = value.replace(/\/+$/, '');
      } else if (!token.startsWith('-') && /^[A-Za-z0-9_-]+$/.test(token)) command.names.push(token);
    }
    commands.push(command);
  }
  return commands;
}
