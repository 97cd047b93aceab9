// Create React App: `src/` ships to the browser, with the REACT_APP_ variables inlined.
import { appUnderSrc, type FrameworkPlugin } from './plugin.js';

export const cra: FrameworkPlugin = {
  id: 'cra',
  title: 'Create React App',
  enablers: ['react-scripts'],
  publicPrefixes: ['REACT_APP_'],
  secretInClient: {
    says: 'Create React App embeds only `REACT_APP_` variables (and `NODE_ENV`) in the build and ignores the others, so the browser does not get this one',
    sources: [
      {
        title: 'Create React App docs: Adding Custom Environment Variables',
        url: 'https://create-react-app.dev/docs/adding-custom-environment-variables',
        states: 'Custom environment variables must begin with REACT_APP_; any other variables except NODE_ENV are ignored, and those embedded are visible in the build.',
      },
    ],
  },
  serverPlace: 'a server or an Edge Function',
  entry: appUnderSrc('Create React App'),
};
