declare global {
  namespace NodeJS {
    interface ProcessEnv {
      NEXT_PUBLIC_SUPABASE_URL: string;
      NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: string;
      'SUPABASE_SECRET_KEY'?: string;
    }
  }
}

declare namespace NodeJS {
  interface ProcessEnv {
    readonly "STAGING_SUPABASE_SECRET_KEY"?: string;
  }
}

export {};
