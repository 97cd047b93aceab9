// Runs one command with its output in a file and measures wall time and peak RSS (/usr/bin/time, else /proc polling).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';

const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);

export const RSS_METHOD = HAS_TIME
  ? "`/usr/bin/time -f '%e %M %U %S'`: the maximum RSS of the largest single process in the tree (not a sum); " +
    'CPU time is user + system of the process and its children'
  : '`/proc/<pid>/status` VmHWM polled every 5 ms: the top process only, not its children; no CPU time';

/** Runs `command args` in `cwd` with stdout and stderr to `out`; resolves to { wall (s), cpu (s), rssMb, code }. */
export async function measure(command, args, { cwd, out }) {
  const fd = openSync(out, 'w');
  const timeFile = `${out}.time`;
  const [file, argv] = HAS_TIME ? [TIME, ['-f', '%e %M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd, stdio: ['ignore', fd, fd] });
  let hwmKb = 0;
  const poll = HAS_TIME ? undefined : setInterval(() => (hwmKb = Math.max(hwmKb, vmHwmKb(child.pid))), 5);
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? `signal ${signal}`));
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(poll);
  closeSync(fd);
  // time(1) prefixes "Command exited with non-zero status N" when the command fails: the numbers are the last line.
  if (!HAS_TIME) return { wall, cpu: NaN, rssMb: hwmKb / 1024, code };
  const [, rssKb, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, cpu: user + system, rssMb: rssKb / 1024, code };
}

function vmHwmKb(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
