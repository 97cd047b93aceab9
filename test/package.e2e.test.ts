// The package as a user gets it: `npm pack`, installed into an empty project, then its bin and its jscodeshift transform run from node_modules.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, exampleRepo, removeTempDirs, runCli, snapshot, tempDir } from './helpers/repo.js';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  files: string[];
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};
const SETUP_TIMEOUT = 180_000;

// npm itself: the same one that runs `npm test` when there is one, else `npm` on PATH.
const npmCli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : undefined;
function npm(cwd: string, args: string[]) {
  const options: SpawnSyncOptions = { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, shell: !npmCli && process.platform === 'win32' };
  const run = npmCli ? spawnSync(process.execPath, [npmCli, ...args], options) : spawnSync('npm', args, options);
  const log = `npm ${args.join(' ')} (in ${cwd}) exited ${run.status}\nstdout:\n${String(run.stdout)}\nstderr:\n${String(run.stderr)}`;
  if (run.status !== 0) throw new Error(log);
  return String(run.stdout);
}

/** The same environment as test/helpers/repo.ts's runCli: no colours, no CI, no keys from this machine. */
const cliEnv = { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', MIGRATE_KEYS_PUBLISHABLE_KEY: '', MIGRATE_KEYS_SECRET_KEY: '' };

let project: string;
let installed: string;
let bin: string;

beforeAll(() => {
  // The tarball is what `npm publish` uploads. Its prepare script (the build) is skipped here: `npm test`
  // has just built dist/, and rebuilding it would change files under the other e2e tests running now.
  expect(existsSync(join(REPO_ROOT, 'dist', 'src', 'cli.js')), 'dist/ is missing: run `npm run build` before the tests').toBe(true);
  const packed = tempDir('migrate-keys-pack-');
  const output = npm(REPO_ROOT, ['pack', '--ignore-scripts', '--json', '--pack-destination', packed]);
  const [{ filename }] = JSON.parse(output.slice(output.indexOf('['))) as [{ filename: string }];
  const tarball = join(packed, basename(filename));

  // An empty project installing the tarball, as `npm install migrate-keys` would (the npm cache is warm from `npm ci`).
  project = tempDir('migrate-keys-consumer-');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2));
  npm(project, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund']);
  installed = join(project, 'node_modules', 'migrate-keys');
  bin = join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'migrate-keys.cmd' : 'migrate-keys');
}, SETUP_TIMEOUT);

afterAll(removeTempDirs);

/** Every file under dir, as /-separated paths relative to it. */
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full, root);
    return [relative(root, full).split(sep).join('/')];
  });
}

/** The module specifiers a JavaScript file names literally: import/export from, import(), require(), require.resolve(), new URL(…, import.meta.url). */
function specifiers(file: string, source: string): string[] {
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) literal(node.moduleSpecifier);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword || callee === 'require' || callee === 'require.resolve') literal(node.arguments[0]);
    } else if (ts.isNewExpression(node) && node.expression.getText() === 'URL' && node.arguments?.[1]?.getText() === 'import.meta.url') {
      literal(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS));
  return found;
}

const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('the packed and installed package', () => {
  it('runs its bin on a copy of examples/vite-react: the preview, exit code 1, the same output as this checkout', () => {
    const repo = exampleRepo('vite-react');
    const before = snapshot(repo);
    const run = spawnSync(bin, [], { cwd: repo, encoding: 'utf8', env: cliEnv, shell: process.platform === 'win32' });
    const log = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
    expect(run.status, log).toBe(1);
    expect(run.stdout).toContain('--- a/src/lib/supabase.ts');
    expect(run.stdout).toContain('+const supabaseAnonKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY');
    expect(run.stdout).toContain('+VITE_SUPABASE_PUBLISHABLE_KEY=eyJhbGci…[legacy anon JWT]');
    expect(snapshot(repo)).toEqual(before);

    // The installed code is this checkout's code: the same report, but for the time the run took.
    const untimed = (text: string) => text.replace(/ · \d+(?:\.\d+)?m?s$/gm, ' · <time>');
    const local = runCli(repo, []);
    expect({ status: run.status, stdout: untimed(run.stdout), stderr: untimed(run.stderr) }).toEqual({ ...local, stdout: untimed(local.stdout), stderr: untimed(local.stderr) });
  });

  it("--version prints package.json's version", () => {
    const run = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8', env: cliEnv, shell: process.platform === 'win32' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(manifest.version);
  });

  it("holds what `files` names and nothing else, and every import in it resolves inside the package or to a dependency", () => {
    const files = filesUnder(installed);
    // npm adds package.json, the README and a licence file on its own; the rest comes from `files`.
    const automatic = /^(package\.json|README(\.md)?|LICEN[CS]E(\.md|\.txt)?|CHANGELOG(\.md)?)$/i;
    expect(files.filter((file) => !automatic.test(file) && !manifest.files.includes(file.split('/')[0] as string))).toEqual([]);
    for (const target of Object.values(manifest.bin)) expect(files).toContain(target.replace(/^\.\//, ''));
    expect(files).toContain('dist/src/cli.js');
    expect(files).toContain('dist/transforms/env-names.js');
    if (existsSync(join(REPO_ROOT, 'schema', 'output.schema.json'))) expect(files).toContain('schema/output.schema.json');
    expect(files.filter((file) => /\.test\.|(^|\/)(test|__testfixtures__|examples|src|transforms)\//.test(file) && !file.startsWith('dist/'))).toEqual([]);

    const scripts = files.filter((file) => /\.(m|c)?js$/.test(file));
    expect(scripts.length).toBeGreaterThan(10);
    const problems: string[] = [];
    let relativeImports = 0;
    const allowed = new Set([...Object.keys(manifest.dependencies), ...builtinModules]);
    for (const file of scripts) {
      for (const specifier of specifiers(file, readFileSync(join(installed, file), 'utf8'))) {
        if (specifier.startsWith('.')) {
          relativeImports++;
          const target = resolve(dirname(join(installed, file)), specifier);
          if (!target.startsWith(installed + sep)) problems.push(`${file}: ${specifier} points outside the package`);
          else if (!existsSync(target) || !statSync(target).isFile()) problems.push(`${file}: ${specifier} is not in the package`);
        } else if (!specifier.startsWith('node:') && !allowed.has(packageName(specifier))) {
          problems.push(`${file}: ${specifier} is not a dependency (devDependencies are not installed for users)`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The walk saw the imports (bin -> dist/src/cli.js -> ...), so an empty list means something.
    expect(relativeImports).toBeGreaterThan(scripts.length);
  });

  it("runs its jscodeshift transform from node_modules/migrate-keys/dist/transforms/env-names.js", () => {
    mkdirSync(join(project, 'src'), { recursive: true });
    const file = join(project, 'src', 'client.ts');
    writeFileSync(
      file,
      'export const url = process.env.NEXT_PUBLIC_SUPABASE_URL;\n' +
        'export const key = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;\n' +
        'export const admin = process.env.SUPABASE_SERVICE_ROLE_KEY;\n',
    );
    // This repository's jscodeshift: `npx jscodeshift --no-babel -t node_modules/migrate-keys/dist/transforms/env-names.js src/client.ts`.
    const jscodeshift = join(REPO_ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
    const run = spawnSync(process.execPath, [jscodeshift, '--no-babel', '-t', 'node_modules/migrate-keys/dist/transforms/env-names.js', 'src/client.ts'], {
      cwd: project,
      encoding: 'utf8',
    });
    // jscodeshift colours its summary when it thinks it runs in CI.
    const stdout = stripVTControlCharacters(run.stdout);
    const log = `stdout:\n${stdout}\nstderr:\n${run.stderr}`;
    expect(run.status, log).toBe(0);
    expect(stdout, log).toMatch(/^1 ok$/m);
    expect(readFileSync(file, 'utf8')).toBe(
      'export const url = process.env.NEXT_PUBLIC_SUPABASE_URL;\n' +
        'export const key = process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;\n' +
        'export const admin = process.env.SUPABASE_SECRET_KEY;\n',
    );
  });
});
