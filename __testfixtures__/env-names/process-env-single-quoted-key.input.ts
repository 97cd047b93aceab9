const serviceKey = process.env['SUPABASE_SERVICE_ROLE_KEY'];

if (!serviceKey) {
  throw new Error('Missing env');
}

export default serviceKey;
