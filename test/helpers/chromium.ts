// Finds a Chromium for the browser tests: CHROMIUM_PATH/CHROME_PATH, Playwright's downloaded browsers, then the usual system installs.
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, posix, resolve, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the search looks at: the real machine by default, a fake one in tests of the finder. */
export interface ChromiumSearch {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  /** Whether `path` is a file this process may run. */
  isExecutable: (path: string) => boolean;
  /** The names in a folder; [] when it is missing. */
  list: (dir: string) => string[];
}

export type ChromiumFound = { path: string; source: string; reason?: undefined } | { path: undefined; source?: undefined; reason: string };

const PLAYWRIGHT_CORE = fileURLToPath(new URL('../../node_modules/playwright-core', import.meta.url));

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const realMachine = (): ChromiumSearch => ({ env: process.env, platform: process.platform, home: homedir(), isExecutable, list });

/** Where Playwright keeps the browsers it downloads (see playwright-core's registry). */
export function playwrightBrowsersDir(search: ChromiumSearch): string {
  const path = search.platform === 'win32' ? win32 : posix;
  const configured = search.env.PLAYWRIGHT_BROWSERS_PATH;
  if (configured === '0') return join(PLAYWRIGHT_CORE, '.local-browsers');
  if (configured) return isAbsolute(configured) ? configured : resolve(configured);
  if (search.platform === 'darwin') return path.join(search.home, 'Library', 'Caches', 'ms-playwright');
  if (search.platform === 'win32') return path.join(search.env.LOCALAPPDATA || path.join(search.home, 'AppData', 'Local'), 'ms-playwright');
  return path.join(search.env.XDG_CACHE_HOME || path.join(search.home, '.cache'), 'ms-playwright');
}

/** The executable inside one of Playwright's browser folders, current layouts first, then older ones. */
const PLAYWRIGHT_LAYOUTS: Record<string, Partial<Record<NodeJS.Platform, string[][]>>> = {
  chromium: {
    linux: [['chrome-linux64', 'chrome'], ['chrome-linux-arm64', 'chrome'], ['chrome-linux', 'chrome']],
    darwin: [
      ['chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
      ['chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
      ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
    ],
    win32: [['chrome-win64', 'chrome.exe'], ['chrome-win', 'chrome.exe']],
  },
  chromium_headless_shell: {
    linux: [
      ['chrome-headless-shell-linux64', 'chrome-headless-shell'],
      ['chrome-headless-shell-linux-arm64', 'chrome-headless-shell'],
      ['chrome-linux', 'headless_shell'],
    ],
    darwin: [
      ['chrome-headless-shell-mac-arm64', 'chrome-headless-shell'],
      ['chrome-headless-shell-mac-x64', 'chrome-headless-shell'],
      ['chrome-mac', 'headless_shell'],
    ],
    win32: [['chrome-headless-shell-win64', 'chrome-headless-shell.exe'], ['chrome-win', 'headless_shell.exe']],
  },
};

function playwrightCandidates(search: ChromiumSearch): string[] {
  const path = search.platform === 'win32' ? win32 : posix;
  const root = playwrightBrowsersDir(search);
  const revision = (name: string) => Number(name.slice(name.lastIndexOf('-') + 1)) || 0;
  const candidates: string[] = [];
  // The full browser before the headless shell; the newest revision of each first.
  for (const [kind, layouts] of Object.entries(PLAYWRIGHT_LAYOUTS)) {
    const dirs = search
      .list(root)
      .filter((name) => new RegExp(`^${kind}-\\d+$`).test(name))
      .sort((a, b) => revision(b) - revision(a));
    for (const dir of dirs) for (const layout of layouts[search.platform] ?? []) candidates.push(path.join(root, dir, ...layout));
  }
  return candidates;
}

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function systemCandidates(search: ChromiumSearch): string[] {
  if (search.platform === 'darwin') {
    const apps = [
      ['Google Chrome.app', 'Google Chrome'],
      ['Chromium.app', 'Chromium'],
    ];
    return [
      ...apps.map(([app, exe]) => posix.join('/Applications', app as string, 'Contents', 'MacOS', exe as string)),
      ...apps.map(([app, exe]) => posix.join(search.home, 'Applications', app as string, 'Contents', 'MacOS', exe as string)),
    ];
  }
  if (search.platform === 'win32') {
    const roots = [search.env.PROGRAMFILES, search.env['PROGRAMFILES(X86)'], search.env.LOCALAPPDATA, 'C:\\Program Files', 'C:\\Program Files (x86)'];
    const seen = new Set<string>();
    const candidates: string[] = [];
    for (const root of roots) {
      if (!root || seen.has(root.toLowerCase())) continue;
      seen.add(root.toLowerCase());
      candidates.push(win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), win32.join(root, 'Chromium', 'Application', 'chrome.exe'));
    }
    return candidates;
  }
  const fixed = [...SYSTEM_NAMES.map((name) => posix.join('/usr/bin', name)), '/snap/bin/chromium'];
  // Then the same names anywhere on PATH (e.g. /usr/local/bin, a Nix profile).
  const onPath = (search.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '' && isAbsolute(dir))
    .flatMap((dir) => SYSTEM_NAMES.map((name) => posix.join(dir, name)));
  return [...new Set([...fixed, ...onPath])];
}

/** The first Chromium that exists, and where it came from; or why there is none. */
export function findChromium(search: ChromiumSearch = realMachine()): ChromiumFound {
  for (const variable of ['CHROMIUM_PATH', 'CHROME_PATH']) {
    const value = search.env[variable];
    if (!value) continue;
    // An explicit choice is never silently replaced by another browser.
    if (search.isExecutable(value)) return { path: value, source: variable };
    return { path: undefined, reason: `${variable}=${value} is not an executable file` };
  }
  for (const path of playwrightCandidates(search)) if (search.isExecutable(path)) return { path, source: "Playwright's browsers" };
  for (const path of systemCandidates(search)) if (search.isExecutable(path)) return { path, source: 'a system install' };
  return { path: undefined, reason: 'no Chromium found — set CHROMIUM_PATH or install chromium' };
}
