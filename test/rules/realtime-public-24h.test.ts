// realtime-public-24h: a Realtime channel subscribed with only an API key, which is cut after 24 hours
// (docs/rules/realtime-public-24h.md).
import { ruleTester } from '../helpers/rule-tester.js';

const CUT =
  'this Realtime channel is authenticated only by an API key (nothing in this app, the package it belongs to, signs a user in, ' +
  'guards a route with a session check, or calls realtime.setAuth): such connections are cut after 24 hours. Sign the user in ' +
  'first, or pass a user JWT with supabase.realtime.setAuth(token), and resubscribe when the channel closes';
const ROOM = "supabase.channel('room-1').on('broadcast', { event: 'message' }, (message) => console.log(message)).subscribe()\n";

ruleTester('realtime-public-24h', {
  valid: [
    {
      name: 'the module signs a user in first',
      files: { 'src/chat.ts': "import { supabase } from './supabase'\n\nawait supabase.auth.signInAnonymously()\n" + ROOM },
    },
    {
      name: 'a module it imports signs in, or it passes a user JWT with realtime.setAuth',
      files: {
        'src/chat.ts': "import { supabase } from './supabase'\n" + ROOM,
        'src/supabase.ts':
          "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient('url', 'key')\n" +
          "await supabase.auth.signInWithPassword({ email: 'a@example.com', password: 'pw' })\n",
        'src/presence.ts': "supabase.realtime.setAuth(userJwt)\nsupabase.channel('presence').subscribe()\n",
      },
    },
    {
      name: 'look-alikes: a channel never subscribed, an observable named channel, a channel in a comment',
      files: {
        'src/chat.ts':
          "import { supabase } from './supabase'\n" +
          "const ch = supabase.channel('room-1')\nawait supabase.removeChannel(ch)\n" +
          'const channel = of(1)\nchannel.subscribe()\n' +
          "// supabase.channel('room').subscribe()\n",
      },
    },
    {
      name: 'the app signs users in on another page (Login.tsx), which Chat.tsx does not import',
      files: {
        'package.json': '{ "dependencies": { "@supabase/supabase-js": "^2", "react": "^19" } }\n',
        'src/pages/Chat.tsx':
          "import { supabase } from '../lib/supabase'\nexport function Chat() {\n  useEffect(() => {\n    const ch = " + ROOM.trim() +
          '\n    return () => { supabase.removeChannel(ch) }\n  }, [])\n  return <div />\n}\n',
        'src/pages/Login.tsx':
          "import { supabase } from '../lib/supabase'\nexport function Login() {\n" +
          '  const submit = (email: string) => supabase.auth.signInWithOtp({ email })\n  return <form onSubmit={() => submit(email)} />\n}\n',
      },
    },
    {
      name: 'the app puts an auth guard in front of its pages: a session check that redirects to the login page',
      files: {
        'apps/web/package.json': '{ "dependencies": { "@supabase/supabase-js": "^2", "react-router-dom": "^7" } }\n',
        'apps/web/src/ProtectedRoute.tsx':
          "import { Navigate } from 'react-router-dom'\nimport { supabase } from './supabase'\n" +
          'export function ProtectedRoute({ children }) {\n  const session = useSession(() => supabase.auth.getSession())\n' +
          '  if (!session) return <Navigate to="/login" replace />\n  return children\n}\n',
        'apps/web/src/Chat.tsx': "import { supabase } from './supabase'\n" + ROOM,
      },
    },
    {
      name: 'a module imported by the one that signs in, in the same app (before, it was judged on its own imports alone)',
      files: {
        'src/chat.ts': "export const join = () => supabase.channel('room').subscribe()\n",
        'src/main.ts': "import { join } from './chat'\nawait supabase.auth.signInAnonymously()\njoin()\n",
      },
    },
    {
      name: 'a module that never names Supabase',
      files: { 'src/chat.ts': "import { client } from './client'\nclient.channel('room-1').subscribe()\n" },
    },
  ],
  invalid: [
    {
      name: 'a channel subscribed before anyone signs in',
      files: { 'src/chat.ts': "import { supabase } from './supabase'\n\n" + ROOM },
      findings: [{ line: 3, column: 10, message: CUT }],
    },
    {
      name: 'a channel kept in a variable and subscribed later, a multi-line chain, an explicit realtime.connect()',
      files: {
        'src/chat.ts':
          "const channel = supabase.channel('room-1')\n" +
          "channel.on('postgres_changes', { event: '*', schema: 'public' }, () => {})\n" +
          'channel.subscribe()\n' +
          "supabase\n  .channel('presence')\n  .on('presence', { event: 'sync' }, () => {})\n  .subscribe()\n" +
          'supabase.realtime.connect()\n',
      },
      findings: [
        { line: 1, column: 26, message: CUT },
        { line: 5, column: 4, message: CUT },
        { line: 8, column: 19, message: CUT },
      ],
    },
    {
      name: 'the script of a .vue component; getSession does not sign anyone in',
      files: {
        'src/Chat.vue':
          '<script setup lang="ts">\nimport { supabase } from \'./supabase\'\nconst { data } = await supabase.auth.getSession()\n' +
          "supabase.channel('room').subscribe()\n</script>\n<template><div /></template>\n",
      },
      findings: [{ line: 4, column: 10, message: CUT }],
    },
    {
      name: 'a comment that mentions a sign-in is not one (before, a text match over comments silenced the rule)',
      files: { 'src/chat.ts': "// TODO: call supabase.auth.signInWithOtp( first\n/* await supabase.auth.signInAnonymously() */\n" + ROOM },
      findings: [{ line: 3, column: 10, message: CUT }],
    },
    {
      name: "a sign-in in another package of the monorepo does not serve this app's channels",
      files: {
        'apps/web/src/Chat.tsx': "import { supabase } from './supabase'\n" + ROOM,
        'apps/web/package.json': '{ "dependencies": { "@supabase/supabase-js": "^2" } }\n',
        'apps/admin/package.json': '{ "dependencies": { "@supabase/supabase-js": "^2" } }\n',
        'apps/admin/src/Login.tsx': "import { supabase } from './supabase'\nexport const login = () => supabase.auth.signInWithPassword({ email, password })\n",
        'supabase/functions/invite/index.ts': "await supabase.auth.signInWithPassword({ email, password })\n",
      },
      findings: [{ line: 2, column: 10, message: CUT }],
    },
    {
      name: 'a session read that redirects nowhere is no guard',
      files: {
        'src/Chat.tsx': "import { supabase } from './supabase'\nconst { data } = await supabase.auth.getUser()\nif (!data.user) console.warn('signed out')\n" + ROOM,
      },
      findings: [{ line: 4, column: 10, message: CUT }],
    },
    {
      name: "another library's client named realtime",
      // Known: any `realtime.connect()` counts, here an Ably client's, in a module that mentions Supabase.
      files: { 'src/live.ts': "import { supabase } from './supabase'\nconst realtime = new Ably.Realtime(key)\nrealtime.connect()\n" },
      findings: [{ line: 3, column: 10, message: CUT }],
    },
  ],
});
