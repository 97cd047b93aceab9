declare global {
  namespace NodeJS {
    interface ProcessEnv {
      NEXT_PUBLIC_SUPABASE_URL: string;
      NEXT_PUBLIC_SUPABASE_ANON_KEY: string;
      'SUPABASE_SERVICE_ROLE_KEY'?: string;
    }
  }
}

declare namespace NodeJS {
  interface ProcessEnv {
    readonly "STAGING_SUPABASE_SERVICE_KEY"?: string;
  }
}

export {};
