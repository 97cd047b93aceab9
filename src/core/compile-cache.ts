// Loads a large CommonJS module with V8's code cache: TypeScript (9 MB of JavaScript) compiles in
// ≈ 250 ms on every run without it and ≈ 50 ms with it. Node 20 has no `module.enableCompileCache`
// (Node 22.1), and v8-compile-cache stores only what V8 compiles eagerly, so the parser's functions,
// compiled lazily on first use, would be compiled again on every run; this cache is written when the
// process exits, after they have run.
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Where caches live: a folder of this user's own in the temporary folder, or nowhere. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.MIGRATE_KEYS_NO_CACHE) return undefined;
  const uid = process.getuid?.() ?? 0;
  const folder = env.MIGRATE_KEYS_CACHE_DIR ?? join(tmpdir(), `migrate-keys-${uid}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // Cached code runs as this process: a folder someone else owns or can write to is not trusted.
    const stat = lstatSync(folder);
    if (!stat.isDirectory() || (process.getuid && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

/**
 * `require(path)` through a code cache kept in `folder` under `name`. V8 checks the cache against the
 * source, its own version and its flags, and rejects one that does not fit: the module then compiles
 * as usual and the cache is written again at exit. Any failure to read or write the cache only costs time.
 */
export function requireCached(path: string, folder: string | undefined, name: string): unknown {
  if (!folder) return createRequire(path)(path);
  const source = readFileSync(path, 'utf8');
  // The source's length in the name: two installs of different versions keep a cache each.
  const cacheFile = join(folder, `${name}-${source.length}-${process.version}-${process.arch}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const script = new Script(wrapper, { filename: path, cachedData });
  // Registered as the loader would: a later `require()` of the same file gets this instance.
  const module = new Module(path);
  module.filename = path;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
  createRequire(path).cache[path] = module;
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(path), module, path, dirname(path));
  module.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    if (unwritten.size === 0) process.once('exit', writeCodeCaches);
    unwritten.set(cacheFile, script);
  }
  return module.exports;
}

const unwritten = new Map<string, Script>();

/**
 * Writes the caches this thread has compiled without one. Called at exit, and by a worker thread
 * before it is stopped: a worker's `exit` handlers do not run when it is terminated.
 */
export function writeCodeCaches(): void {
  for (const [cacheFile, script] of unwritten) writeCache(cacheFile, script);
  unwritten.clear();
}

function writeCache(cacheFile: string, script: Script): void {
  const partial = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    const fd = openSync(partial, 'wx', 0o600);
    try {
      writeSync(fd, script.createCachedData());
    } finally {
      closeSync(fd);
    }
    renameSync(partial, cacheFile);
  } catch {
    // A cache that cannot be written is only a slower next run.
  }
}
