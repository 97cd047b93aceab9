type Props = { missing: string[] };

export function MissingEnvBanner({ missing }: Props) {
  if (missing.length === 0) return null;
  return (
    <div role="alert" data-env="NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY" className="banner">
      {/* shown in development only */}
      <p>
        Set NEXT_PUBLIC_SUPABASE_URL and NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY in <code>.env.local</code>, then restart.
      </p>
      <input readOnly name='NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY' value={missing.join(', ')} />
      <code>{'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=' + '<your publishable key>'}</code>
    </div>
  );
}
