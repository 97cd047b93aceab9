// The HTML report in a real headless Chromium (Debian's, driven by playwright-core): no errors, the findings table, the rule filter.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../src/reporters/html.js';
import { removeTempDirs, tempDir } from './helpers/repo.js';
import { sampleFindings, sampleRunResult } from './helpers/run-result.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TIMEOUT = 60_000;

const remaining = sampleFindings().filter((f) => !f.fixed);
const problems: string[] = [];
const requests: string[] = [];
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium), as .ci/run does`);
  const file = join(tempDir('migrate-keys-html-'), 'MIGRATION.html');
  writeFileSync(file, html(sampleRunResult()));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: TIMEOUT });
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

const visibleRules = () => page.locator('#findings tbody tr:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-rule')));

describe('the HTML report in Chromium', () => {
  it('renders offline without console or page errors', async () => {
    expect(await page.title()).toBe('Supabase API key migration · migrate-keys');
    expect(await page.locator('#renames tbody tr').count()).toBe(2);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows every remaining finding, and the rule filter narrows and restores them', async () => {
    expect(await visibleRules()).toHaveLength(remaining.length);
    await expect(page.locator('#shown').textContent()).resolves.toBe(`${remaining.length} of ${remaining.length} shown`);

    await page.selectOption('#rule-filter', 'legacy-env-name');
    const filtered = await visibleRules();
    expect(filtered).toHaveLength(remaining.filter((f) => f.ruleId === 'legacy-env-name').length);
    expect(new Set(filtered)).toEqual(new Set(['legacy-env-name']));
    expect(await page.locator('#renames tbody tr:visible').count()).toBe(2);

    await page.selectOption('#rule-filter', 'all');
    expect(await visibleRules()).toHaveLength(remaining.length);
    expect(problems).toEqual([]);
  });
});
