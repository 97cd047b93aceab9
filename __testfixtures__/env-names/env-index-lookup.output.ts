import { loadEnv } from './load-env';

const env: Record<string, string | undefined> = loadEnv(process.cwd());

export const publicConfig = {
  url: env['EXPO_PUBLIC_SUPABASE_URL'] ?? '',
  anonKey: env['EXPO_PUBLIC_SUPABASE_PUBLISHABLE_KEY'] ?? '',
};

export const hasServiceKey = env["SUPABASE_SECRET_KEY"] !== undefined;
