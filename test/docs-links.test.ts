// The documentation stands on its own: every relative link in README.md and docs/ resolves (file and
// heading anchor), and nothing points outside the repository's own files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/repo.js';

/** README.md, the other top-level Markdown files and everything under docs/. */
function documents(): string[] {
  const out = ['README.md', 'RELIABILITY.md', 'BENCHMARKS.md', 'CHANGELOG.md', 'examples/ci/README.md'].filter((path) => existsSync(join(REPO_ROOT, path)));
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) out.push(path);
    }
  };
  if (existsSync(join(REPO_ROOT, 'docs'))) walk('docs');
  return out;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const match of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const base = (match[1] as string)
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  return out;
}

/** Inline links and images outside code: `[text](target)`. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1] as string);
}

describe('documentation links', () => {
  const docs = documents();

  it('finds the documents', () => {
    expect(docs).toContain('README.md');
    expect(docs.some((path) => path.startsWith('docs/'))).toBe(true);
  });

  it.each(docs)('%s: every relative link resolves, its anchor too', (path) => {
    const text = readFileSync(join(REPO_ROOT, path), 'utf8');
    const broken: string[] = [];
    for (const link of links(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
      const [file = '', anchor] = link.split('#') as [string, string | undefined];
      const target = file === '' ? join(REPO_ROOT, path) : join(REPO_ROOT, dirname(path), decodeURIComponent(file));
      if (relative(REPO_ROOT, target).startsWith('..')) {
        broken.push(`${link}: outside the repository`);
        continue;
      }
      if (!existsSync(target)) {
        broken.push(`${link}: no such file`);
        continue;
      }
      if (anchor !== undefined && statSync(target).isFile() && target.endsWith('.md') && !anchors(readFileSync(target, 'utf8')).has(anchor)) {
        broken.push(`${link}: no heading #${anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('nothing points at the steering folder (../shared) that a user does not have', () => {
    const texts = [...docs, 'package.json'].map((path) => [path, readFileSync(join(REPO_ROOT, path), 'utf8')] as const);
    expect(texts.filter(([, text]) => text.includes('../shared')).map(([path]) => path)).toEqual([]);
  });
});
