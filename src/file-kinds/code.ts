// The code kind (TypeScript and JavaScript): each name's syntax, from the script's tree (parse.ts).
import type { KindModule } from './kind.js';
import { siteAt, wholeScript, type ScriptDialect } from './parse.js';
import type { ScannedText } from './scanned-text.js';

const CODE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']);

export const codeKind: KindModule<'code'> = {
  kind: 'code',
  docs: {
    files: 'JavaScript and TypeScript (`.ts`, `.tsx`, `.js`, `.jsx`, `.mjs`, `.cjs`)',
    changes: "env reads (`process.env.X`, `import.meta.env.X`, `env['X']`, destructuring), type declarations, env schemas, `$env/*` imports; Edge Functions read `SUPABASE_SECRET_KEYS` / `SUPABASE_PUBLISHABLE_KEYS`",
  },
  matches: ({ extension }) => CODE_EXTENSIONS.has(extension),
  searchesNames: true,
  context: 'identifier',
  scan(file) {
    if (file.occurrences.length === 0) return;
    classifyRegion(file, wholeScript(file.path, file.text));
  },
};

/**
 * Places the names inside one script of the file (the whole file for code, a block of a component
 * for markup) by its tree; the script's first syntax error becomes the file's, unless one came first.
 */
export function classifyRegion(file: ScannedText, region: { start: number; end: number; dialect: ScriptDialect }): void {
  const parsed = file.scripts.parse(region);
  if (parsed.error && !file.parseError) {
    file.parseError = { offset: region.start + parsed.error.offset, message: parsed.error.message };
  }
  const move = (span: { start: number; end: number }) => ({ start: span.start + region.start, end: span.end + region.start });
  const shift = (span: { start: number; end: number } | undefined) => span && move(span);
  for (const occurrence of file.occurrences) {
    if (occurrence.start < region.start || occurrence.end > region.end) continue;
    const site = siteAt(parsed.sourceFile, occurrence.start - region.start);
    occurrence.context = site.context;
    occurrence.runtimeRead = site.runtimeRead;
    occurrence.namespaces = site.namespaces.map((namespace) => ({ ...namespace, id: `${region.start}:${namespace.id}` }));
    occurrence.retireSpan = shift(site.retireSpan);
    if (site.read) {
      const { chain, defaultOf, previousArgument, ternary } = site.read;
      occurrence.read = {
        ...site.read,
        ...move(site.read),
        chain: chain && { ...chain, ...move(chain), outer: move(chain.outer), operands: chain.operands.map((operand) => ({ ...operand, ...move(operand) })) },
        defaultOf: defaultOf && { ...defaultOf, drop: defaultOf.drop && { ...defaultOf.drop, ...move(defaultOf.drop) } },
        previousArgument: previousArgument && { ...previousArgument, end: previousArgument.end + region.start },
        ternary: ternary && { ...ternary, ...move(ternary) },
      };
    }
    if (site.staticImport) occurrence.staticImport = { start: site.staticImport.start + region.start };
    if (site.rebinding) occurrence.rebinding = { ...site.rebinding, ...move(site.rebinding) };
    if (site.typeMember) {
      const { typeMember } = site;
      const siblings = typeMember.siblings.map((sibling) => ({ ...sibling, removal: move(sibling.removal) }));
      occurrence.typeMember = { ...typeMember, ...move(typeMember), removal: move(typeMember.removal), siblings };
    }
    if (site.destructured) {
      const { initializer } = site.destructured;
      occurrence.destructured = { ...site.destructured, nameEnd: site.destructured.nameEnd + region.start, initializer: initializer && { ...initializer, ...move(initializer) } };
    }
  }
}
