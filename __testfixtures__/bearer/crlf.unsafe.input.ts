const anonKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;

export const moved = {
  Authorization: `Bearer ${anonKey}`,
  Accept: "application/json",
};

export const dropped = {
  apikey: anonKey,
  Authorization: `Bearer ${anonKey}`,
  Accept: "application/json",
};
