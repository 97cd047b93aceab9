// realtime-public-24h: a Realtime channel subscribed with only an API key, which is cut after 24 hours
// (docs/rules/realtime-public-24h.md).
import { ruleTester } from '../helpers/rule-tester.js';

const CUT =
  'this Realtime channel is authenticated only by an API key (nothing here or in what this module imports signs a user in ' +
  'or calls realtime.setAuth): such connections are cut after 24 hours. Sign the user in first, or pass a user JWT with ' +
  'supabase.realtime.setAuth(token), and resubscribe when the channel closes';
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
      name: 'a comment that mentions a sign-in',
      // Known: sign-ins are found by a text match, comments included, so this comment silences the rule.
      files: { 'src/chat.ts': "// TODO: call supabase.auth.signInWithOtp( first\n" + ROOM },
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
      name: 'a module imported by the one that signs in is judged on its own imports',
      files: {
        'src/chat.ts': "export const join = () => supabase.channel('room').subscribe()\n",
        'src/main.ts': "import { join } from './chat'\nawait supabase.auth.signInAnonymously()\njoin()\n",
      },
      findings: [{ line: 1, column: 36, message: CUT }],
    },
    {
      name: "another library's client named realtime",
      // Known: any `realtime.connect()` counts, here an Ably client's, in a module that mentions Supabase.
      files: { 'src/live.ts': "import { supabase } from './supabase'\nconst realtime = new Ably.Realtime(key)\nrealtime.connect()\n" },
      findings: [{ line: 3, column: 10, message: CUT }],
    },
  ],
});
