'use strict';
// TEST SERVER ONLY — never a FHIR server for real data. The FHIR Bulk Data Access async pattern
// (https://hl7.org/fhir/uv/bulkdata/export.html) over the resources of the given Bundle files, for the tests of
// `tacecds bulk-export`. Loopback only, no persistence, every job in memory.
//
//   node bulk.js [options] bundle.json...        standalone: prints `listening http://127.0.0.1:PORT/fhir`
//   TACECDS_TEST_BULK="--polls 2" node server.js bundle.json...   the same URLs in front of the router server
//
// Kick-off  GET [base]/Patient/$export or [base]/Group/[id]/$export (_type, _since), `Prefer: respond-async`
//           required → 202 + Content-Location [base]/$bulk-status/[job]
// Status    GET → 202 + Retry-After + X-Progress while in progress (--polls N answers), then 200 + manifest;
//           DELETE → 202, the job is gone (404 after)
// Files     GET [base]/$bulk-file/[job]/[Type].ndjson → application/fhir+ndjson
// Auth      --token T: every request needs `Authorization: Bearer T`. --client-id C --public-key FILE.pem: SMART
//           Backend Services; POST [base]/auth/token (client_credentials, private_key_jwt assertion verified
//           with jose against the PEM public key) issues the bearer token.
// Errors    --kickoff-status S, --status-status S (4xx/5xx with an OperationOutcome), --fail-file-once Type (500 on
//           the first download of that file), --retry-after SECONDS.
// Test log  GET /_test/log → what was asked: kick-offs, status polls, deletes, downloads per file, token requests.
const http = require('node:http');
const fs = require('node:fs');
const crypto = require('node:crypto');

function parseArgs(argv) {
  const o = { port: 0, polls: 1, retryAfter: 1, kickoffStatus: 0, statusStatus: 0, failFileOnce: null, token: null,
    clientId: null, publicKey: null, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') o.port = Number(argv[++i]);
    else if (a === '--polls') o.polls = Number(argv[++i]);
    else if (a === '--retry-after') o.retryAfter = Number(argv[++i]);
    else if (a === '--kickoff-status') o.kickoffStatus = Number(argv[++i]);
    else if (a === '--status-status') o.statusStatus = Number(argv[++i]);
    else if (a === '--fail-file-once') o.failFileOnce = argv[++i];
    else if (a === '--token') o.token = argv[++i];
    else if (a === '--client-id') o.clientId = argv[++i];
    else if (a === '--public-key') o.publicKey = argv[++i];
    else if (a === '--bulk' || a === '--page-size') { if (a === '--page-size') i++; }
    else o.files.push(a);
  }
  return o;
}

function outcome(code, diagnostics) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/fhir+json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function loadResources(files) {
  const resources = [];
  for (const file of files) {
    const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const entry of bundle.entry || []) if (entry.resource) resources.push(entry.resource);
  }
  return resources;
}

function create(options) {
  const resources = loadResources(options.files);
  const jobs = new Map();
  const issued = new Set(options.token ? [options.token] : []);
  const log = { kickoffs: [], polls: 0, deletes: 0, downloads: {}, tokenRequests: 0, unauthorized: 0 };
  let failedOnce = false;

  function authorized(req) {
    if (issued.size === 0 && !options.clientId) return true;
    const m = /^Bearer (.+)$/.exec(req.headers.authorization || '');
    return m !== null && issued.has(m[1]);
  }

  async function token(req, res, body) {
    log.tokenRequests++;
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials'
      || form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      return sendJson(res, 400, { error: 'invalid_request' });
    try {
      const jose = await import('jose');
      const key = crypto.createPublicKey(fs.readFileSync(options.publicKey, 'utf8'));
      const { payload } = await jose.jwtVerify(form.get('client_assertion'), key,
        { issuer: options.clientId, subject: options.clientId, audience: `http://${req.headers.host}/fhir/auth/token` });
      if (!payload.jti || !payload.exp) throw new Error('jti and exp are required');
    } catch (e) {
      return sendJson(res, 401, { error: 'invalid_client', error_description: String(e && e.message) });
    }
    const access = crypto.randomBytes(16).toString('hex');
    issued.add(access);
    sendJson(res, 200, { access_token: access, token_type: 'bearer', expires_in: 300, scope: form.get('scope') || '' });
  }

  function kickoff(req, res, url, base, groupId) {
    log.kickoffs.push(url.pathname + url.search);
    if ((req.headers.prefer || '') !== 'respond-async') return sendJson(res, 400, outcome('invalid', 'Prefer: respond-async is required'));
    if (options.kickoffStatus) return sendJson(res, options.kickoffStatus, outcome('exception', `kick-off refused (test status ${options.kickoffStatus})`));
    const types = url.searchParams.get('_type') ? url.searchParams.get('_type').split(',') : null;
    const since = url.searchParams.get('_since');
    const chosen = resources.filter((r) => (!types || types.includes(r.resourceType))
      && (!since || !(r.meta && r.meta.lastUpdated) || r.meta.lastUpdated >= since));
    const byType = new Map();
    for (const r of chosen) {
      if (!byType.has(r.resourceType)) byType.set(r.resourceType, []);
      byType.get(r.resourceType).push(JSON.stringify(r));
    }
    const id = crypto.randomBytes(8).toString('hex');
    jobs.set(id, { polls: 0, byType, request: `${base}${url.pathname.substring('/fhir/'.length)}${url.search}`, groupId });
    res.writeHead(202, { 'Content-Location': `${base}$bulk-status/${id}`, 'Content-Length': 0 });
    res.end();
  }

  function status(req, res, id, base) {
    const job = jobs.get(id);
    if (req.method === 'DELETE') {
      log.deletes++;
      if (!job) return sendJson(res, 404, outcome('not-found', 'no such job'));
      jobs.delete(id);
      res.writeHead(202, { 'Content-Length': 0 });
      return res.end();
    }
    log.polls++;
    if (!job) return sendJson(res, 404, outcome('not-found', 'no such job'));
    if (options.statusStatus) return sendJson(res, options.statusStatus, outcome('exception', `export failed (test status ${options.statusStatus})`));
    if (job.polls < options.polls) {
      job.polls++;
      res.writeHead(202, { 'Retry-After': String(options.retryAfter), 'X-Progress': `in progress (${job.polls}/${options.polls})`, 'Content-Length': 0 });
      return res.end();
    }
    const output = [...job.byType.entries()].map(([type, lines]) => ({ type, url: `${base}$bulk-file/${id}/${type}.ndjson`, count: lines.length }));
    sendJson(res, 200, { transactionTime: '2025-06-01T00:00:00Z', request: job.request, requiresAccessToken: issued.size > 0 || !!options.clientId, output, error: [] }, { 'Content-Type': 'application/json' });
  }

  function file(req, res, id, type) {
    const job = jobs.get(id);
    if (!job || !job.byType.has(type)) return sendJson(res, 404, outcome('not-found', 'no such file'));
    log.downloads[type] = (log.downloads[type] || 0) + 1;
    if (options.failFileOnce === type && !failedOnce) {
      failedOnce = true;
      return sendJson(res, 500, outcome('transient', 'download failed (test)'));
    }
    const text = job.byType.get(type).join('\n') + '\n';
    res.writeHead(200, { 'Content-Type': 'application/fhir+ndjson', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  // True when the request was a Bulk Data one (and is answered), false to let the caller handle it.
  function handle(req, res, body) {
    const url = new URL(req.url, `http://${req.headers.host}`);
    const base = `http://${req.headers.host}/fhir/`;
    const path = url.pathname;
    if (path === '/_test/log') { sendJson(res, 200, log); return true; }
    if (path === '/fhir/auth/token' && req.method === 'POST') { token(req, res, body); return true; }
    const kick = /^\/fhir\/(?:Patient|Group\/([A-Za-z0-9\-.]+))\/\$export$/.exec(path);
    const stat = /^\/fhir\/\$bulk-status\/([0-9a-f]+)$/.exec(path);
    const down = /^\/fhir\/\$bulk-file\/([0-9a-f]+)\/([A-Za-z]+)\.ndjson$/.exec(path);
    if (!kick && !stat && !down) return false;
    if (!authorized(req)) { log.unauthorized++; sendJson(res, 401, outcome('login', 'a bearer token is required')); return true; }
    if (kick) kickoff(req, res, url, base, kick[1]);
    else if (stat) status(req, res, stat[1], base);
    else file(req, res, down[1], down[2]);
    return true;
  }

  // Puts the Bulk Data URLs in front of a server's own request listeners (the hook of server.js).
  function attach(server) {
    const others = server.listeners('request');
    server.removeAllListeners('request');
    server.on('request', (req, res) => {
      if (!isBulkUrl(req.url)) return others.forEach((listener) => listener.call(server, req, res));
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
  }

  return { handle, attach };
}

function isBulkUrl(url) {
  return /^\/(_test\/log|fhir\/auth\/token|fhir\/\$bulk-|fhir\/(Patient|Group\/[^/]+)\/\$export)/.test(url);
}

module.exports = { create, parseArgs };

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  const bulk = create(options);
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (!bulk.handle(req, res, Buffer.concat(chunks).toString('utf8'))) sendJson(res, 404, outcome('not-found', 'not a Bulk Data URL'));
    });
  });
  server.listen(options.port, '127.0.0.1', () => process.stdout.write(`listening http://127.0.0.1:${server.address().port}/fhir\n`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}
