// The dockerfile kind: Dockerfiles, whose build arguments can carry keys into an image.
import type { KindModule } from './kind.js';

export const dockerfileKind: KindModule<'dockerfile'> = {
  kind: 'dockerfile',
  docs: {
    files: 'Dockerfiles',
    changes: '`ENV`/`ARG` names and `$X` references',
  },
  matches: ({ basename, extension }) => basename === 'Dockerfile' || basename.startsWith('Dockerfile.') || extension === '.dockerfile',
  searchesNames: true,
};
