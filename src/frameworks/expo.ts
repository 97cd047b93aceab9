// Expo and React Native: all app code ships in the bundle but API routes (`+api.ts`); react-native-dotenv's
// `@env` module binds env variables at build time.
import type { FrameworkPlugin } from './plugin.js';

export const expo: FrameworkPlugin = {
  id: 'expo',
  title: 'Expo',
  enablers: ['expo', 'react-native'],
  publicPrefixes: ['EXPO_PUBLIC_'],
  envModules: { static: ['@env'] },
  serverPlace: 'an API route (`+api.ts`) or an Edge Function',
  serverPaths: [/\+api\.[jt]sx?$/],
  entry: () => ({ reason: 'Expo app code', follow: true }),
};
