// In code, `$` belongs to the identifier: the two names below are other names.
const foo$SUPABASE_ANON_KEY = 1;
const SUPABASE_ANON_KEY$ = 2;
const shell = 'echo $SUPABASE_ANON_KEY';
module.exports = { foo$SUPABASE_ANON_KEY, SUPABASE_ANON_KEY$, shell };
