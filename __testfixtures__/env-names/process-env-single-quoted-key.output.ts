const serviceKey = process.env['SUPABASE_SECRET_KEY'];

if (!serviceKey) {
  throw new Error('Missing env');
}

export default serviceKey;
