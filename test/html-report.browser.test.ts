// The HTML report in a real headless Chromium (driven by playwright-core): no errors, the findings table (what needs a person
// first, repeated messages merged), the filters by rule, severity and "needs a person".
// Without a Chromium the suite is skipped, its name saying why; with MIGRATE_KEYS_REQUIRE_BROWSER=1 (as in .ci/run) that fails instead.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../src/reporters/html.js';
import { findChromium, playwrightBrowsersDir, type ChromiumSearch } from './helpers/chromium.js';
import { removeTempDirs, tempDir } from './helpers/repo.js';
import { sampleFindings, sampleRunResult } from './helpers/run-result.js';

const found = findChromium();
const REQUIRED = process.env.MIGRATE_KEYS_REQUIRE_BROWSER === '1';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TIMEOUT = 60_000;

const remaining = sampleFindings().filter((f) => !f.fixed);
// One row per rule and message: the two open VITE_SUPABASE_ANON_KEY renames share one.
const ROWS = remaining.length - 1;
const problems: string[] = [];
const requests: string[] = [];
let browser: Browser | undefined;
let page: Page;

const visibleRules = () => page.locator('#findings tbody tr:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-rule')));

const SUITE = found.path
  ? `HTML report in a browser (Chromium from ${found.source}: ${found.path})`
  : `HTML report in a browser (${REQUIRED ? 'required by MIGRATE_KEYS_REQUIRE_BROWSER=1, but' : 'skipped:'} ${found.reason})`;

// vitest.config.ts lists skipped suites, with this name and so the reason, after the summary.

// A skip would hide a broken browser setup in CI: there (MIGRATE_KEYS_REQUIRE_BROWSER=1) the suite runs and fails.
describe.skipIf(!found.path && !REQUIRED)(SUITE, () => {
  beforeAll(async () => {
    if (!found.path) throw new Error(`MIGRATE_KEYS_REQUIRE_BROWSER=1, and ${found.reason}`);
    const file = join(tempDir('migrate-keys-html-'), 'MIGRATION.html');
    writeFileSync(file, html(sampleRunResult()));
    browser = await chromium.launch({ executablePath: found.path, args: ARGS, timeout: TIMEOUT });
    page = await browser.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    removeTempDirs();
  }, TIMEOUT);

  it('renders offline without console or page errors', async () => {
    expect(await page.title()).toBe('Supabase API key migration · migrate-keys');
    expect(await page.locator('#renames tbody tr').count()).toBe(2);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows every remaining finding, what needs a person first, and the rule filter narrows and restores them', async () => {
    const rules = await visibleRules();
    expect(rules).toHaveLength(ROWS);
    expect(rules[0]).toBe('secret-key-exposed');
    await expect(page.locator('#shown').textContent()).resolves.toBe(`${ROWS} of ${ROWS} shown`);
    await expect(page.locator('#findings tbody tr', { hasText: '2 places' }).count()).resolves.toBe(1);

    await page.selectOption('#rule-filter', 'legacy-env-name');
    const filtered = await visibleRules();
    expect(filtered).toHaveLength(remaining.filter((f) => f.ruleId === 'legacy-env-name').length - 1);
    expect(new Set(filtered)).toEqual(new Set(['legacy-env-name']));
    expect(await page.locator('#renames tbody tr:visible').count()).toBe(2);

    await page.selectOption('#rule-filter', 'all');
    expect(await visibleRules()).toHaveLength(ROWS);
    expect(problems).toEqual([]);
  });

  it('filters by severity and by "needs a person", together with the rule filter', async () => {
    await page.selectOption('#severity-filter', 'warning');
    expect(await visibleRules()).toEqual(['legacy-key-value']);
    await page.selectOption('#severity-filter', 'all');

    await page.check('#person-filter');
    const manual = await visibleRules();
    // Everything but the two rows --write fixes (the merged anon-key rename and the service_role rename in scripts/seed.ts).
    expect(manual).toHaveLength(ROWS - 2);
    await expect(page.locator('#shown').textContent()).resolves.toBe(`${ROWS - 2} of ${ROWS} shown`);
    expect(await page.locator('#findings tbody tr:visible[data-person="no"]').count()).toBe(0);

    await page.selectOption('#severity-filter', 'error');
    await page.selectOption('#rule-filter', 'legacy-env-name');
    expect(await visibleRules()).toEqual(['legacy-env-name']);
    expect(await page.locator('#findings tbody tr:visible').textContent()).toContain('supabase/migrations/20240101000000_init.sql:12');

    await page.uncheck('#person-filter');
    await page.selectOption('#severity-filter', 'all');
    await page.selectOption('#rule-filter', 'all');
    expect(await visibleRules()).toHaveLength(ROWS);
    expect(problems).toEqual([]);
  });
});

/** A machine holding exactly `files` (all executable), for the finder. */
function fakeMachine(files: string[], env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux', home = '/home/u'): ChromiumSearch {
  const sep = platform === 'win32' ? '\\' : '/';
  return {
    env,
    platform,
    home,
    isExecutable: (path) => files.includes(path),
    list: (dir) => [...new Set(files.filter((file) => file.startsWith(dir + sep)).map((file) => file.slice(dir.length + 1).split(sep)[0] as string))],
  };
}

describe('the Chromium finder', () => {
  const cache = '/home/u/.cache/ms-playwright';

  it('takes CHROMIUM_PATH, then CHROME_PATH, over everything else, and reports a missing one instead of falling back', () => {
    const files = ['/opt/c/chrome', '/opt/d/chrome', '/usr/bin/chromium'];
    expect(findChromium(fakeMachine(files, { CHROMIUM_PATH: '/opt/c/chrome', CHROME_PATH: '/opt/d/chrome' }))).toEqual({ path: '/opt/c/chrome', source: 'CHROMIUM_PATH' });
    expect(findChromium(fakeMachine(files, { CHROME_PATH: '/opt/d/chrome' }))).toEqual({ path: '/opt/d/chrome', source: 'CHROME_PATH' });
    expect(findChromium(fakeMachine(files, { CHROMIUM_PATH: '/nope' }))).toEqual({ path: undefined, reason: 'CHROMIUM_PATH=/nope is not an executable file' });
  });

  it("prefers Playwright's newest full Chromium, then its headless shell, then the system's", () => {
    const files = [
      `${cache}/chromium-1100/chrome-linux/chrome`,
      `${cache}/chromium-1255/chrome-linux64/chrome`,
      `${cache}/chromium_headless_shell-1300/chrome-headless-shell-linux64/chrome-headless-shell`,
      '/usr/bin/chromium',
    ];
    expect(findChromium(fakeMachine(files)).path).toBe(`${cache}/chromium-1255/chrome-linux64/chrome`);
    expect(findChromium(fakeMachine(files.slice(0, 1))).path).toBe(`${cache}/chromium-1100/chrome-linux/chrome`);
    expect(findChromium(fakeMachine(files.slice(2))).path).toBe(`${cache}/chromium_headless_shell-1300/chrome-headless-shell-linux64/chrome-headless-shell`);
    expect(findChromium(fakeMachine(files.slice(3)))).toEqual({ path: '/usr/bin/chromium', source: 'a system install' });
  });

  it("follows PLAYWRIGHT_BROWSERS_PATH and XDG_CACHE_HOME to Playwright's browsers", () => {
    expect(findChromium(fakeMachine(['/pw/chromium-1255/chrome-linux64/chrome'], { PLAYWRIGHT_BROWSERS_PATH: '/pw' })).path).toBe('/pw/chromium-1255/chrome-linux64/chrome');
    expect(findChromium(fakeMachine(['/xdg/ms-playwright/chromium-1255/chrome-linux64/chrome'], { XDG_CACHE_HOME: '/xdg' })).path).toBe('/xdg/ms-playwright/chromium-1255/chrome-linux64/chrome');
    expect(playwrightBrowsersDir(fakeMachine([], {}, 'darwin', '/Users/u'))).toBe('/Users/u/Library/Caches/ms-playwright');
    expect(playwrightBrowsersDir(fakeMachine([], { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u'))).toBe('C:\\Users\\u\\AppData\\Local\\ms-playwright');
  });

  it('knows the system installs of Linux, macOS and Windows', () => {
    for (const path of ['/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium']) {
      expect(findChromium(fakeMachine([path])).path).toBe(path);
    }
    expect(findChromium(fakeMachine(['/usr/local/bin/chromium'], { PATH: '/usr/local/bin:/usr/bin' })).path).toBe('/usr/local/bin/chromium');
    for (const path of ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium']) {
      expect(findChromium(fakeMachine([path], {}, 'darwin', '/Users/u')).path).toBe(path);
    }
    expect(findChromium(fakeMachine(['/Users/u/Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'], {}, 'darwin', '/Users/u')).source).toBe("Playwright's browsers");
    const windows = { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' };
    for (const path of ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Users\\u\\AppData\\Local\\Chromium\\Application\\chrome.exe']) {
      expect(findChromium(fakeMachine([path], windows, 'win32', 'C:\\Users\\u')).path).toBe(path);
    }
    expect(findChromium(fakeMachine(['C:\\Users\\u\\AppData\\Local\\ms-playwright\\chromium-1255\\chrome-win64\\chrome.exe'], windows, 'win32', 'C:\\Users\\u')).source).toBe("Playwright's browsers");
  });

  it('says why when there is none', () => {
    expect(findChromium(fakeMachine([]))).toEqual({ path: undefined, reason: 'no Chromium found — set CHROMIUM_PATH or install chromium' });
  });
});
