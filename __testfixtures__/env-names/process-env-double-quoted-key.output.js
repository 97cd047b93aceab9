"use strict";

const anonKey = process.env["SUPABASE_PUBLISHABLE_KEY"] ?? "";
const url = process.env["SUPABASE_URL"] ?? "http://127.0.0.1:54321";

export const config = { url, anonKey };
