// Create React App: `src/` ships to the browser, with the REACT_APP_ variables inlined.
import { appUnderSrc, type FrameworkPlugin } from './plugin.js';

export const cra: FrameworkPlugin = {
  id: 'cra',
  title: 'Create React App',
  enablers: ['react-scripts'],
  publicPrefixes: ['REACT_APP_'],
  serverPlace: 'a server or an Edge Function',
  entry: appUnderSrc('Create React App'),
};
