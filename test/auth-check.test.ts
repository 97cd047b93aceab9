// src/supabase/edge/auth-check.ts: whether a function's code checks its caller (issue 19 §1). A compare of a request
// header with a secret from the environment is a guard, in the handler or in a module it imports; a compare with the
// anon or publishable key (public) is none, and so is a lone 'apikey' string.
import { describe, expect, it } from 'vitest';
import { checksCaller } from '../src/supabase/edge/auth-check.js';

const INDEX = 'supabase/functions/job/index.ts';
const mod = (text: string, path = INDEX) => ({ path, text });

describe('checksCaller', () => {
  it('a custom header compared with a secret env var in an imported helper is a shared-secret guard', () => {
    const internal =
      'export function requireInternalJob(req: Request): Response | null {\n' +
      '  const expected = Deno.env.get("INTERNAL_JOB_TOKEN") ?? "";\n' +
      '  const provided = req.headers.get("x-job-token") ?? "";\n' +
      '  if (!expected || !provided || expected !== provided) return new Response("Unauthorized", { status: 401 });\n' +
      '  return null;\n}\n';
    const index = 'import { requireInternalJob } from "../_shared/internal.ts";\nDeno.serve((req) => requireInternalJob(req) ?? new Response("ok"));\n';
    expect(checksCaller([mod(index), mod(internal, 'supabase/functions/_shared/internal.ts')])).toBe(true);
  });

  it('an inline compare, the secret read through a config object built in another module', () => {
    const config = 'export function getConfig() {\n  return { internalJobToken: Deno.env.get("INTERNAL_JOB_TOKEN") ?? "", url: Deno.env.get("SUPABASE_URL") };\n}\n';
    const index =
      'import { getConfig } from "../_shared/config.ts";\n' +
      'Deno.serve((req) => {\n' +
      '  const cfg = getConfig();\n' +
      '  const internalToken = String(cfg.internalJobToken ?? "").trim();\n' +
      '  const provided = String(req.headers.get("x-job-token") ?? "").trim();\n' +
      '  if (!internalToken || provided !== internalToken) return new Response("Unauthorized", { status: 401 });\n' +
      '  return new Response("ok");\n})\n';
    expect(checksCaller([mod(index), mod(config, 'supabase/functions/_shared/config.ts')])).toBe(true);
  });

  it('a Bearer built from a cron secret, compared with Authorization, is a guard', () => {
    const index =
      "Deno.serve((req) => {\n  if (req.headers.get('Authorization') !== `Bearer ${Deno.env.get('CRON_SECRET')}`) return new Response('no', { status: 401 })\n  return new Response('ok')\n})\n";
    expect(checksCaller([mod(index)])).toBe(true);
  });

  it('the apikey header compared with an entry of SUPABASE_SECRET_KEYS is a guard', () => {
    const index =
      "Deno.serve((req) => {\n  const keys = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}')\n" +
      "  if (req.headers.get('apikey') !== keys.default) return new Response('no', { status: 401 })\n  return new Response('ok')\n})\n";
    expect(checksCaller([mod(index)])).toBe(true);
  });

  it('a compare with the anon or publishable key authenticates no one', () => {
    const index =
      'Deno.serve((req) => {\n' +
      '  const anonKey = Deno.env.get("SUPABASE_ANON_KEY") ?? "";\n' +
      '  const authHeader = req.headers.get("Authorization") ?? "";\n' +
      '  const bearerToken = authHeader.startsWith("Bearer ") ? authHeader.slice(7) : "";\n' +
      '  const apiKeyHeader = req.headers.get("apikey") ?? "";\n' +
      '  const publishable = JSON.parse(Deno.env.get("SUPABASE_PUBLISHABLE_KEYS") ?? "{}").default;\n' +
      '  if (!(bearerToken === anonKey || apiKeyHeader === anonKey || apiKeyHeader === publishable)) return new Response("no", { status: 401 });\n' +
      '  return new Response("ok");\n})\n';
    expect(checksCaller([mod(index)])).toBe(false);
  });

  it("a lone 'apikey' string (a header set on an outgoing request, a CORS list) is no guard", () => {
    const index =
      "const cors = { 'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type' }\n" +
      "Deno.serve(async () => {\n  await fetch(url, { headers: { 'apikey': key } })\n  const k = new Headers().get('apikey')\n  return new Response('ok', { headers: cors })\n})\n";
    expect(checksCaller([mod(index)])).toBe(false);
  });

  it('a secret compared with a literal, or only checked for presence, is no guard', () => {
    const index =
      "Deno.serve(() => {\n  const token = Deno.env.get('INTERNAL_JOB_TOKEN')\n  if (!token || token === '') return new Response('misconfigured', { status: 500 })\n  return new Response('ok')\n})\n";
    expect(checksCaller([mod(index)])).toBe(false);
  });

  it('a compare only written in a comment is none', () => {
    const index = "// if (req.headers.get('x-job-token') !== Deno.env.get('INTERNAL_JOB_TOKEN')) return deny()\nDeno.serve(() => new Response('ok'))\n";
    expect(checksCaller([mod(index)])).toBe(false);
  });

  it('a helper taking the header as a parameter compares it with the secret', () => {
    const shared = "export const isInternal = (provided: string | null) => provided === Deno.env.get('JOB_SECRET')\n";
    const index = "import { isInternal } from '../_shared/jobs.ts'\nDeno.serve((req) => isInternal(req.headers.get('x-job')) ? new Response('ok') : new Response('no', { status: 401 }))\n";
    expect(checksCaller([mod(index), mod(shared, 'supabase/functions/_shared/jobs.ts')])).toBe(true);
  });
});
