// Where in a Supabase repository a file lives, for the places with rules of their own (SPEC §2).

/** Names the Edge Functions runtime injects itself; inside a function a bare rename breaks the read. */
export const EDGE_RUNTIME_NAMES: Readonly<Record<string, string>> = {
  SUPABASE_ANON_KEY: 'SUPABASE_PUBLISHABLE_KEYS',
  SUPABASE_SERVICE_ROLE_KEY: 'SUPABASE_SECRET_KEYS',
};

function segments(path: string): string[] {
  return path.split('/');
}

function hasSegments(path: string, ...wanted: string[]): boolean {
  const parts = segments(path);
  for (let i = 0; i + wanted.length <= parts.length - 1; i++) {
    if (wanted.every((w, j) => parts[i + j] === w)) return true;
  }
  return false;
}

/** Files under `supabase/functions/`: Edge Function code, run by the Deno runtime. */
export function isEdgeFunctionFile(path: string): boolean {
  // Asked of every code file read: the literal test spares splitting the path of nearly all of them.
  return path.includes('supabase/functions/') && hasSegments(path, 'supabase', 'functions');
}

/**
 * Edge Function code the Deno runtime runs: under `supabase/functions/`, but not the tests, which
 * run outside the runtime and load their own env (`*.test.ts`, `tests/`, `__tests__/`).
 */
export function isEdgeRuntimeFile(path: string): boolean {
  if (!isEdgeFunctionFile(path)) return false;
  return !/[._-]test\.[cm]?[jt]sx?$|(^|\/)(tests?|__tests__)\//.test(path);
}

/** Files under `supabase/migrations/`: applied SQL is history and never edited. */
export function isMigrationFile(path: string): boolean {
  return hasSegments(path, 'supabase', 'migrations');
}
