// The markdown kind (.md, .mdx): documentation, its names searched as text.
import type { KindModule } from './kind.js';

export const MARKDOWN_EXTENSIONS = new Set(['.md', '.mdx', '.markdown']);

export const markdownKind: KindModule<'markdown'> = {
  kind: 'markdown',
  docs: {
    files: 'Markdown and MDX',
    changes: 'the names in setup instructions and code blocks; history and mapping tables are left alone',
  },
  matches: ({ extension }) => MARKDOWN_EXTENSIONS.has(extension),
  searchesNames: true,
};
