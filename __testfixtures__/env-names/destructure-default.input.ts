const { SUPABASE_URL = 'http://127.0.0.1:54321', SUPABASE_SERVICE_ROLE_KEY = '' } = process.env;

export function assertServerEnv(): void {
  if (SUPABASE_SERVICE_ROLE_KEY === '') {
    throw new Error('The service key is not configured');
  }
}

export { SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY };
