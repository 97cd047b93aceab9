// The legacy-key uses migrate-keys handles, and decoys it must leave alone, as lines to splice into generated files.
import { fakeJwt } from './content.mjs';

/** Legacy uses by file kind; each is `(rng, style, k, ts) => lines`. */
export const LEGACY = {
  code: [
    (rng, s, k) => [`export const supabaseAnonKey${k} = import.meta.env.VITE_SUPABASE_ANON_KEY${s.semi}`],
    (rng, s, k, ts) => [`export const serviceRoleKey${k} = process.env.SUPABASE_SERVICE_ROLE_KEY${ts ? '!' : ''}${s.semi}`],
    (rng, s, k) => [`export const publicAnonKey${k} = process.env[${s.q}NEXT_PUBLIC_SUPABASE_ANON_KEY${s.q}]${s.semi}`],
    (rng, s, k) => [
      `const { VITE_SUPABASE_URL: projectUrl${k}, VITE_SUPABASE_ANON_KEY } = import.meta.env${s.semi}`,
      `export const clientConfig${k} = { url: projectUrl${k}, key: VITE_SUPABASE_ANON_KEY }${s.semi}`,
    ],
    () => ['// The admin client needs SUPABASE_SERVICE_ROLE_KEY; it must never reach the browser.'],
  ],
  types: [
    (rng, s) => ['interface ImportMetaEnv {', `${s.indent}readonly VITE_SUPABASE_URL: string${s.semi}`,
      `${s.indent}readonly VITE_SUPABASE_ANON_KEY: string${s.semi}`, '}'],
  ],
  markdown: [
    () => ['Copy `.env.example` to `.env` and set `VITE_SUPABASE_ANON_KEY` to the anon key from the dashboard.'],
    () => ['The worker reads `SUPABASE_SERVICE_ROLE_KEY`; never expose it to the browser.'],
  ],
  env: [
    (rng) => [`VITE_SUPABASE_ANON_KEY=${fakeJwt(rng, 'anon')}`],
    (rng) => [`SUPABASE_SERVICE_ROLE_KEY="${fakeJwt(rng, 'service_role')}"`],
  ],
};

/** Text that looks related but is no legacy name: it must not change. `supabase` ones only in Supabase trees. */
export const DECOYS = {
  code: [
    (rng, s, k, ts) => [`export const authHeader${k} = (token${ts ? ': string' : ''}) => ({ Authorization: \`Bearer \${token}\` })${s.semi}`],
    () => ['// A sample token for tests: eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl'],
  ],
  markdown: [() => ['Send `Authorization: Bearer <token>` with every request; tokens start with `eyJ`.']],
  env: [(rng) => [`AUTH_TEST_TOKEN=${fakeJwt(rng, 'authenticated')}`]],
  supabase: {
    code: [(rng, s, k) => [`export const rotationKeys${k} = import.meta.env.VITE_SUPABASE_ANON_KEYS${s.semi}`]],
    markdown: [() => ['`VITE_SUPABASE_ANON_KEYS` lists rotation keys; it is another variable.']],
    env: [() => ['VITE_SUPABASE_ANON_KEYS=first,second']],
  },
};
