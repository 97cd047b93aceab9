import axios from 'axios';
import ky from 'ky';
import { createClient } from '@supabase/supabase-js';

const url = import.meta.env.VITE_SUPABASE_URL;
const publishableKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;

export const supabase = createClient(url, publishableKey, {
  global: { headers: { Authorization: `Bearer ${publishableKey}` } },
});

export const api = axios.create({
  baseURL: `${url}/rest/v1`,
  headers: {
    Authorization: `Bearer ${publishableKey}`, // sent on every request
  },
});

export const rest = ky.create({ prefixUrl: `${url}/rest/v1`, headers: { Authorization: 'Bearer ' + publishableKey } });

export const headers = new Headers({ Authorization: `Bearer ${publishableKey}` });
