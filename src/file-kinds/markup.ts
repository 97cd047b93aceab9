// The markup kind (single-file components: .vue, .svelte, .astro): their script regions, `<script>` blocks and Astro
// frontmatter, each placed like code.
import { classifyRegion } from './code.js';
import type { KindModule } from './kind.js';
import { wholeScript, type ScriptDialect } from './parse.js';

export interface ScriptRegion {
  start: number;
  end: number;
  dialect: ScriptDialect;
}

// Attribute values may hold `>` (`generic="T extends Record<string, number>"`).
const SCRIPT_BLOCK = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const FRONTMATTER = /^(\uFEFF?---[^\S\r\n]*\r?\n)([\s\S]*?)\r?\n---[^\S\r\n]*(?:\r?\n|$)/;
const MARKUP_EXTENSIONS = new Set(['.vue', '.svelte', '.astro']);

/** The spans of a component's HTML comments (`<!-- … -->`). */
export function htmlComments(text: string): { start: number; end: number }[] {
  return [...text.matchAll(HTML_COMMENT)].map((m) => ({ start: m.index as number, end: (m.index as number) + m[0].length }));
}

/** The scripts of a code or markup file: the whole text of code; the `<script>` blocks and frontmatter of a component. */
export function scriptsIn(path: string, text: string): ScriptRegion[] {
  const dot = path.lastIndexOf('.');
  return MARKUP_EXTENSIONS.has(path.slice(dot).toLowerCase()) ? scriptRegions(path, text) : [wholeScript(path, text)];
}

export const markupKind: KindModule<'markup'> = {
  kind: 'markup',
  docs: {
    files: '`.vue`, `.svelte`, `.astro` components',
    changes: 'the names in their `<script>` blocks, as in code',
  },
  matches: ({ extension }) => MARKUP_EXTENSIONS.has(extension),
  searchesNames: true,
  context: 'markup',
  scan(file) {
    if (file.occurrences.length === 0) return;
    // Every script block is parsed, so a syntax error anywhere keeps the whole file as it is.
    for (const region of scriptRegions(file.path, file.text)) classifyRegion(file, region);
  },
};

export function scriptRegions(path: string, text: string): ScriptRegion[] {
  const regions: ScriptRegion[] = [];
  if (path.endsWith('.astro')) {
    const frontmatter = FRONTMATTER.exec(text);
    if (frontmatter) {
      const start = (frontmatter[1] as string).length;
      regions.push({ start, end: start + (frontmatter[2] as string).length, dialect: 'ts' });
    }
  }
  // A `<script>` inside an HTML comment or inside the frontmatter is text, not a block.
  const opaque = htmlComments(text);
  opaque.push(...regions);
  const blocks = new RegExp(SCRIPT_BLOCK.source, 'gi');
  for (let match = blocks.exec(text); match; match = blocks.exec(text)) {
    const at = match.index;
    const inside = opaque.find((range) => at >= range.start && at < range.end);
    if (inside) {
      // Resume after the comment: a `</script>` inside it must not end a real block.
      blocks.lastIndex = inside.end;
      continue;
    }
    const attributes = match[1] as string;
    const body = match[2] as string;
    // JSON, templates and other non-script blocks are markup to us.
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (type && !/^(module|text\/javascript|application\/javascript|text\/typescript)$/i.test(type)) continue;
    const start = at + '<script'.length + attributes.length + 1;
    const lang = /\blang\s*=\s*["']?(ts|tsx|typescript|jsx)\b/i.exec(attributes)?.[1]?.toLowerCase();
    const dialect: ScriptDialect = lang === 'tsx' ? 'tsx' : lang === 'jsx' ? 'jsx' : lang ? 'ts' : path.endsWith('.astro') ? 'ts' : 'js';
    regions.push({ start, end: start + body.length, dialect });
  }
  return regions;
}
