// realtime-public-24h: Realtime channels subscribed with only an API key, which are cut after 24 hours.
import { clientRegions } from '../frameworks/browser.js';
import { realtimeSubscriptions } from './analysis/security/realtime.js';
import type { Report, Rule, SyntaxFile } from './rule.js';
import { cite, PAGES } from './sources.js';

export const realtimePublic24h: Rule = {
  meta: {
    id: 'realtime-public-24h',
    severity: 'warning',
    fix: 'none',
    summary: 'Realtime subscriptions made with only an API key: cut after 24 h',
    description:
      'Public Realtime connections authenticated only by an API key are cut after 24 hours unless the connection is upgraded ' +
      'with user-level authentication. Whether users sign in is decided per app, the package a module belongs to (its nearest ' +
      'package.json): a channel subscribed in an app where no module signs a user in (auth.signIn…, auth.signUp, ' +
      'auth.setSession, auth.verifyOtp, auth.exchangeCodeForSession, a Supabase Auth UI form), guards a route with a session ' +
      'check (auth.getUser / getSession / getClaims / onAuthStateChange and a redirect to a sign-in page) or calls ' +
      'realtime.setAuth, and that imports no such module, is reported; a call named only in a comment does not count. ' +
      'Sign the user in first, or pass a user JWT with supabase.realtime.setAuth(token), and resubscribe when the channel closes.',
    legacyUse: false,
    blocksRotation: false,
    example: "supabase.channel('room').on(…).subscribe()  ->  await supabase.auth.signInWithPassword(…) first, or supabase.realtime.setAuth(userJwt)",
    sources: [
      cite(
        PAGES.migrating,
        'Known limitations: public Realtime connections are limited to 24 hours unless the connection is upgraded with user-level ' +
          'authentication through Supabase Auth or a supported third-party auth provider.',
      ),
      cite(
        PAGES.apiKeys,
        'Public Realtime connections are limited to 24 hours, unless the connection is upgraded and maintained with user-level authentication ' +
          'via Supabase Auth or a supported third-party auth provider.',
      ),
    ],
    examples: [
      {
        title: 'A channel subscribed before anyone signs in',
        file: 'src/chat.ts',
        before:
          "import { supabase } from './supabase'\n\n" +
          "supabase.channel('room-1').on('broadcast', { event: 'message' }, (message) => console.log(message)).subscribe()\n",
        after:
          "import { supabase } from './supabase'\n\n" +
          'await supabase.auth.signInAnonymously()\n' +
          "supabase.channel('room-1').on('broadcast', { event: 'message' }, (message) => console.log(message)).subscribe()\n",
      },
    ],
  },
  readsSyntax: mayHaveChannels,
  check(file, context) {
    if (!mayHaveChannels(file)) return [];
    if (context.security.signsIn(file.path)) return [];
    const reports: Report[] = [];
    for (const region of clientRegions(file.path, file.text)) {
      const { sourceFile } = file.scripts.parse(region);
      for (const offset of realtimeSubscriptions(sourceFile)) {
        reports.push({
          offset: region.start + offset,
          message:
            'this Realtime channel is authenticated only by an API key (nothing in this app, the package it belongs to, signs a user in, ' +
            'guards a route with a session check, or calls realtime.setAuth): such connections are cut after 24 hours. Sign the user in ' +
            'first, or pass a user JWT with supabase.realtime.setAuth(token), and resubscribe when the channel closes',
        });
      }
    }
    return reports;
  },
};

/** Code that may subscribe to a channel (whether it signs a user in is known once the files are scanned). */
function mayHaveChannels(file: SyntaxFile): boolean {
  if ((file.kind !== 'code' && file.kind !== 'markup') || file.parseError || !/supabase/i.test(file.text)) return false;
  return file.text.includes('channel') || file.text.includes('realtime');
}
