// The source kind: other languages' source files (Go, Dart), their names searched as text.
import type { KindModule } from './kind.js';

export const sourceKind: KindModule<'source'> = {
  kind: 'source',
  matches: ({ extension }) => extension === '.go' || extension === '.dart',
  searchesNames: true,
};
