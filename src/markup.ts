// Script regions of single-file components: `<script>` blocks of .vue/.svelte/.astro and Astro frontmatter.
import type { ScriptDialect } from './parse.js';

export interface ScriptRegion {
  start: number;
  end: number;
  dialect: ScriptDialect;
}

const SCRIPT_BLOCK = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const FRONTMATTER = /^(\uFEFF?---[^\S\r\n]*\r?\n)([\s\S]*?)\r?\n---[^\S\r\n]*(?:\r?\n|$)/;

export function scriptRegions(path: string, text: string): ScriptRegion[] {
  const regions: ScriptRegion[] = [];
  if (path.endsWith('.astro')) {
    const frontmatter = FRONTMATTER.exec(text);
    if (frontmatter) {
      const start = (frontmatter[1] as string).length;
      regions.push({ start, end: start + (frontmatter[2] as string).length, dialect: 'ts' });
    }
  }
  for (const match of text.matchAll(SCRIPT_BLOCK)) {
    const attributes = match[1] as string;
    const body = match[2] as string;
    // JSON, templates and other non-script blocks are markup to us.
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (type && !/^(module|text\/javascript|application\/javascript|text\/typescript)$/i.test(type)) continue;
    const start = (match.index as number) + match[0].indexOf('>') + 1;
    const lang = /\blang\s*=\s*["']?(ts|tsx|typescript|jsx)\b/i.exec(attributes)?.[1]?.toLowerCase();
    const dialect: ScriptDialect = lang === 'tsx' ? 'tsx' : lang === 'jsx' ? 'jsx' : lang ? 'ts' : path.endsWith('.astro') ? 'ts' : 'js';
    regions.push({ start, end: start + body.length, dialect });
  }
  return regions;
}
