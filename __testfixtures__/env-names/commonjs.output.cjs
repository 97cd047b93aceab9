'use strict';

require('dotenv').config();

module.exports = {
  url: process.env.SUPABASE_URL,
  key: process.env.SUPABASE_SECRET_KEY,
  anonKey: process.env.SUPABASE_PUBLISHABLE_KEY || '',
};
