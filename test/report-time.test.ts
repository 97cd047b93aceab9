// The report and --check's summary tell the time and reach of the migration (issue 19 §6): the deadline as SPEC §1 says it,
// a paused project restored later, and app versions already installed when the repository holds a mobile or desktop app.
import { describe, expect, it } from 'vitest';
import { html } from '../src/reporters/html.js';
import { markdown } from '../src/reporters/markdown.js';
import { appKinds, DEADLINE, PAUSED_RESTORED } from '../src/reporters/sections.js';
import { colorsFor } from '../src/reporters/colors.js';
import { stylish } from '../src/reporters/stylish.js';
import type { RunResult } from '../src/core/result.js';
import { sampleRunResult } from './helpers/run-result.js';

const plain = colorsFor(false);

function withFiles(paths: string[], result: RunResult = sampleRunResult()): RunResult {
  return { ...result, plan: { ...result.plan, discovery: { ...result.plan.discovery, files: paths.map((path) => ({ path, kind: 'other' }) as never) } } };
}

describe('the deadline and a paused project', () => {
  it('are stated as SPEC §1 does, never as a fixed day', () => {
    expect(DEADLINE).toContain('late 2026 (date to be confirmed)');
    expect(DEADLINE).toContain('projects restored after 1 November 2025 have no legacy keys');
    expect(DEADLINE).not.toMatch(/\b\d{1,2} (?:October|November|December) 2026\b/);
    expect(PAUSED_RESTORED).toContain('paused project that is restored later comes back without legacy keys');
  });

  it('the Markdown and HTML reports say both', () => {
    const md = markdown(sampleRunResult());
    expect(md).toContain('## Time and reach');
    expect(md).toContain('late 2026 (date to be confirmed)');
    expect(md).toContain('comes back without legacy keys');
    const page = html(sampleRunResult());
    expect(page).toContain('<h2>Time and reach</h2>');
    expect(page).toContain('late 2026 (date to be confirmed)');
    expect(page).toContain('comes back without legacy keys');
  });

  it('--check’s summary says them while legacy use remains, and stays quiet when the repository is clean', () => {
    const out = stylish(sampleRunResult({ mode: 'check' }), { colors: plain, quiet: false });
    expect(out).toContain('late 2026 (date to be confirmed)');
    expect(out).toContain('comes back without legacy keys');
    const clean = stylish(sampleRunResult({ mode: 'check', findings: [] }), { colors: plain, quiet: false });
    expect(clean).not.toContain('late 2026');
  });
});

describe('a mobile or desktop app in the repository', () => {
  it('is found from the files the run discovered', () => {
    expect(appKinds(withFiles(['app/pubspec.yaml', 'lib/main.dart']))).toEqual(['Flutter']);
    expect(appKinds(withFiles(['mobile/app.json', 'mobile/eas.json']))).toEqual(['Expo/React Native']);
    expect(appKinds(withFiles(['capacitor.config.ts', 'desktop/electron-builder.yml']))).toEqual(['Capacitor', 'Electron']);
    expect(appKinds(withFiles(['ios/App.xcodeproj/project.pbxproj', 'android/app/src/main/AndroidManifest.xml']))).toEqual(['Swift', 'Kotlin/Android']);
    expect(appKinds(withFiles(['Package.swift']))).toEqual(['Swift']);
    expect(appKinds(withFiles(['src/main.ts', 'package.json', 'app.json']))).toEqual([]);
  });

  it('makes the report and --check say that installed versions keep the old key, and step 5 waits for them', () => {
    const result = withFiles(['pubspec.yaml']);
    for (const text of [markdown(result), html(result), stylish(result, { colors: plain, quiet: false })]) {
      expect(text).toContain('Flutter');
      expect(text).toContain('versions already installed keep the old key');
    }
    expect(markdown(sampleRunResult())).not.toContain('versions already installed');
  });
});
