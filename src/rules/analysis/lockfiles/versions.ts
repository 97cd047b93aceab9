// Versions as lockfiles write them, compared: plain `x.y.z` with an optional pre-release, which sorts before its release.

export type Triple = [number, number, number, boolean];

/** `x.y.z` with an optional pre-release; undefined for anything else (PEP 440 and NuGet ranges are not judged). */
export function semver(version: string): Triple | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] !== undefined] : undefined;
}

export function compare(a: Triple, b: Triple): number {
  for (let index = 0; index < 3; index++) if (a[index] !== b[index]) return (a[index] as number) - (b[index] as number);
  return a[3] === b[3] ? 0 : a[3] ? -1 : 1;
}

/** Whether `version` is `minimum` or later; undefined when it is not a plain version. */
export function atLeast(version: string, minimum: string): boolean | undefined {
  const at = semver(version);
  return at === undefined ? undefined : compare(at, semver(minimum) as Triple) >= 0;
}
