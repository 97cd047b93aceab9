declare global {
  interface Window {
    ENV: { SUPABASE_URL: string; SUPABASE_ANON_KEY: string };
  }
}

function readMeta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
}

window.ENV = {
  SUPABASE_URL: readMeta('supabase-url'),
  SUPABASE_ANON_KEY: readMeta('supabase-anon-key'),
};

export const anonKey = window.ENV.SUPABASE_ANON_KEY;
