declare global {
  interface Window {
    ENV: { SUPABASE_URL: string; SUPABASE_PUBLISHABLE_KEY: string };
  }
}

function readMeta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
}

window.ENV = {
  SUPABASE_URL: readMeta('supabase-url'),
  SUPABASE_PUBLISHABLE_KEY: readMeta('supabase-anon-key'),
};

export const anonKey = window.ENV.SUPABASE_PUBLISHABLE_KEY;
