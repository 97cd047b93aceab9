// The markdown kind (.md, .mdx): documentation, its names searched as text.
import type { KindModule } from './kind.js';

export const MARKDOWN_EXTENSIONS = new Set(['.md', '.mdx', '.markdown']);

export const markdownKind: KindModule<'markdown'> = {
  kind: 'markdown',
  matches: ({ extension }) => MARKDOWN_EXTENSIONS.has(extension),
  searchesNames: true,
};
