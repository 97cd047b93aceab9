// Storybook: known by its public prefix only (its builders inline STORYBOOK_ variables into stories). Not
// detected (no enablers): a package with stories is an app or a library of its own framework.
import type { FrameworkPlugin } from './plugin.js';

export const storybook: FrameworkPlugin = {
  id: 'storybook',
  title: 'Storybook',
  enablers: [],
  publicPrefixes: ['STORYBOOK_'],
};
