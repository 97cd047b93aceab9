import { loadEnv } from './load-env';

const env: Record<string, string | undefined> = loadEnv(process.cwd());

export const publicConfig = {
  url: env['EXPO_PUBLIC_SUPABASE_URL'] ?? '',
  anonKey: env['EXPO_PUBLIC_SUPABASE_ANON_KEY'] ?? '',
};

export const hasServiceKey = env["SUPABASE_SERVICE_ROLE_KEY"] !== undefined;
