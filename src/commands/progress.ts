// A one-line progress counter on stderr, for long runs in a terminal only.
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const QUIET_PROGRESS: Progress = { update() {}, finish() {} };

export function progressLine(stream: NodeJS.WriteStream, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return QUIET_PROGRESS;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      // Short runs print nothing; long ones refresh at most ten times a second.
      if (now - started < 300 || now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2Kmigrate-keys: ${done}/${total} files`);
    },
    finish() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
