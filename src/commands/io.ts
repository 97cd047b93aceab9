// What a command runs with: its folder, its environment and its two streams (the CLI's, or a test's).
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}
