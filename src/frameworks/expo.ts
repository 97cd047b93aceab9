// Expo and React Native: all app code ships in the bundle but API routes (`+api.ts`); react-native-dotenv's
// `@env` module binds env variables at build time.
import type { FrameworkPlugin } from './plugin.js';

export const expo: FrameworkPlugin = {
  id: 'expo',
  title: 'Expo',
  enablers: ['expo', 'react-native'],
  publicPrefixes: ['EXPO_PUBLIC_'],
  envModules: { static: ['@env'] },
  secretInClient: {
    says: 'Expo inlines only `EXPO_PUBLIC_` variables into client code, so the app does not get this one',
    sources: [
      {
        title: 'Expo docs: Environment variables (EAS Hosting)',
        url: 'https://docs.expo.dev/eas/hosting/environment-variables/',
        states:
          'Client-side environment variables are inlined at build time and must be prefixed with EXPO_PUBLIC_; API routes (+api.ts) run on the ' +
          'server and can use sensitive ones.',
      },
    ],
  },
  serverPlace: 'an API route (`+api.ts`) or an Edge Function',
  serverPaths: [/\+api\.[jt]sx?$/],
  entry: () => ({ reason: 'Expo app code', follow: true }),
};
