const key = process.env.SUPABASE_SECRET_KEY!;

export const withoutTrailingComma = {
  apikey: key,
  Authorization: `Bearer ${key}`
};

export const withTrailingComma = {
  apikey: key,
  Authorization: `Bearer ${key}`,
};
