// The CLI as a user runs it, but in this process (so that vi.mock of node:fs reaches it): exit code, stdout and stderr.
import { main } from '../../src/cli.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a plain terminal run: no colours, not GitHub Actions, no supplied keys. */
const PLAIN_ENV = { NO_COLOR: '1', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', MIGRATE_KEYS_PUBLISHABLE_KEY: '', MIGRATE_KEYS_SECRET_KEY: '' };

export async function runMain(cwd: string, argv: readonly string[], env: NodeJS.ProcessEnv = { ...process.env, ...PLAIN_ENV }): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const stream = (append: (text: string) => void) => ({ isTTY: false, write: (text: string) => (append(text), true) }) as unknown as NodeJS.WriteStream;
  const code = await main(argv, { cwd, env, stdout: stream((t) => (stdout += t)), stderr: stream((t) => (stderr += t)) });
  return { code, stdout, stderr };
}
