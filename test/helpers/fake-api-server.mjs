// A fake Supabase Management API for tests (api-keys endpoints, documented shapes) with fault modes; prints its port.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const TOKEN = process.env.FAKE_API_TOKEN ?? 'fake-token';
const KEY_NAME = /^[a-z_][a-z0-9_]+$/;
/** ref -> { keys: ApiKeyResponse[], legacyEnabled: boolean } */
let projects = {};
/** { method?, path? (substring), status?, delayMs?, retryAfter?, times, echo?, body?, bodyBytes?, declareLength? } */
let faults = [];
let log = [];

const send = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { unparsable: text };
  }
}

function newKey(type, name) {
  const now = new Date().toISOString();
  const apiKey = `sb_${type}_${randomBytes(24).toString('base64url')}`;
  return {
    id: randomUUID(),
    name,
    type,
    api_key: apiKey,
    prefix: apiKey.slice(0, 15),
    hash: randomBytes(16).toString('hex'),
    description: null,
    secret_jwt_template: type === 'secret' ? { role: 'service_role' } : null,
    inserted_at: now,
    updated_at: now,
  };
}

/** Without reveal=true, secret values come back shortened, as the dashboard shows them. */
function shown(key, reveal) {
  const hidden = !reveal && (key.type === 'secret' || key.name === 'service_role');
  return { ...key, api_key: hidden && key.api_key ? `${key.api_key.slice(0, 15)}••••••••` : key.api_key };
}

async function sendHuge(res, fault, entry) {
  const total = fault.bodyBytes;
  res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json', ...(fault.declareLength ? { 'Content-Length': String(total) } : {}) });
  res.on('error', () => {});
  const chunk = Buffer.alloc(64 * 1024, ' ');
  entry.sent = 0;
  const write = (buffer) => {
    entry.sent += buffer.length;
    return res.write(buffer);
  };
  const gone = () => res.destroyed || Boolean(res.socket?.destroyed);
  const drained = () =>
    new Promise((resume) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resume();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  write(Buffer.from('['));
  while (entry.sent < total - 1 && !gone()) {
    if (!write(chunk.subarray(0, Math.min(chunk.length, total - 1 - entry.sent)))) await drained();
  }
  if (!gone()) {
    entry.sent += 1;
    res.end(']');
  }
}

async function control(req, res, url) {
  if (url.pathname === '/__control/state' && req.method === 'PUT') {
    projects = (await readBody(req)) ?? {};
    faults = [];
    log = [];
    return send(res, 204);
  }
  if (url.pathname === '/__control/faults' && req.method === 'POST') {
    faults.push(...[].concat(await readBody(req)));
    return send(res, 204);
  }
  if (url.pathname === '/__control/log') return send(res, 200, log);
  if (url.pathname === '/__control/state') return send(res, 200, projects);
  return send(res, 404, { message: 'unknown control endpoint' });
}

async function api(req, res, url) {
  const body = await readBody(req);
  const authorization = req.headers.authorization ?? '';
  const entry = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body, authorized: authorization === `Bearer ${TOKEN}` };
  log.push(entry);
  const fault = faults.find((f) => f.times > 0 && (!f.method || f.method === req.method) && (!f.path || url.pathname.includes(f.path)));
  if (fault) {
    fault.times--;
    if (fault.delayMs) await sleep(fault.delayMs);
    // `body`: this exact text as the answer (an error body quoting values, say).
    if (fault.body !== undefined) {
      res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json' });
      return res.end(fault.body);
    }
    // `bodyBytes`: a valid JSON answer (an empty array padded with blanks) of that size, streamed;
    // `entry.sent` counts what the client took before it hung up.
    if (fault.bodyBytes) return sendHuge(res, fault, entry);
    if (fault.status) {
      const headers = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
      // `echo` plays a careless server that quotes the request's credentials back.
      const message = fault.echo ? `failed for ${authorization}` : `fault ${fault.status}`;
      return send(res, fault.status, { message }, headers);
    }
  }
  if (authorization !== `Bearer ${TOKEN}`) return send(res, 401, { message: `Unauthorized: ${authorization}` });
  const match = /^\/v1\/projects\/([^/]+)\/api-keys(\/legacy)?$/.exec(url.pathname);
  if (!match) return send(res, 404, { message: 'Not Found' });
  const project = projects[match[1]];
  if (!project) return send(res, 404, { message: 'Project not found' });
  if (match[2]) {
    if (req.method === 'GET') return send(res, 200, { enabled: project.legacyEnabled });
    if (req.method === 'PUT') {
      const enabled = url.searchParams.get('enabled');
      if (enabled !== 'true' && enabled !== 'false') return send(res, 400, { message: 'enabled must be true or false' });
      project.legacyEnabled = enabled === 'true';
      return send(res, 200, { enabled: project.legacyEnabled });
    }
    return send(res, 405, { message: 'Method not allowed' });
  }
  if (req.method === 'GET') return send(res, 200, project.keys.map((key) => shown(key, url.searchParams.get('reveal') === 'true')));
  if (req.method === 'POST') {
    const { type, name } = body ?? {};
    if (type !== 'publishable' && type !== 'secret') return send(res, 400, { message: 'type must be publishable or secret' });
    if (typeof name !== 'string' || !KEY_NAME.test(name) || name.length < 4 || name.length > 64) return send(res, 400, { message: 'invalid name' });
    if (project.keys.some((key) => key.type === type && key.name === name)) return send(res, 409, { message: 'name taken' });
    const key = newKey(type, name);
    project.keys.push(key);
    return send(res, 201, key);
  }
  return send(res, 405, { message: 'Method not allowed' });
}

const server = createServer((req, res) => {
  // One request per connection: a kept-alive socket the server closes while idle would fail the next call.
  res.setHeader('Connection', 'close');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const handle = url.pathname.startsWith('/__control/') ? control : api;
  handle(req, res, url).catch((error) => send(res, 500, { message: String(error) }));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
// The test owns this process through its stdin: when the test goes, so does the server.
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
process.stdin.resume();
