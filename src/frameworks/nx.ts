// Nx: known by its public prefix only (its bundlers inline NX_PUBLIC_ variables). Not detected (no enablers):
// an Nx workspace's apps are detected by their own framework.
import type { FrameworkPlugin } from './plugin.js';

export const nx: FrameworkPlugin = {
  id: 'nx',
  title: 'Nx',
  enablers: [],
  publicPrefixes: ['NX_PUBLIC_'],
};
