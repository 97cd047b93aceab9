const anonKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;

export const moved = {
  apikey: anonKey,
  Accept: "application/json",
};

export const dropped = {
  apikey: anonKey,
  Accept: "application/json",
};
