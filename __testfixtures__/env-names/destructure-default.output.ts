const { SUPABASE_URL = 'http://127.0.0.1:54321', SUPABASE_SECRET_KEY = '' } = process.env;

export function assertServerEnv(): void {
  if (SUPABASE_SECRET_KEY === '') {
    throw new Error('The service key is not configured');
  }
}

export { SUPABASE_URL, SUPABASE_SECRET_KEY };
