#!/usr/bin/env node
// Differential oracle: evaluates FHIRPath expressions with fhirpath.js (R4 model), one JSON line per request.
// stdin:  {"file": "/path/resource.json" | "resource": {...}, "expression": "..."}   (one per line)
// stdout: {"result": [...]} or {"error": "..."}                                     (one per line, same order)
// Run once per test run with every expression batched, never once per expression.
'use strict';
const fs = require('fs');
const readline = require('readline');
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');

// trace() logs with console.log; keep stdout for answers only.
console.log = (...args) => process.stderr.write(args.join(' ') + '\n');

const files = new Map();
function load(path) {
  if (!files.has(path)) files.set(path, JSON.parse(fs.readFileSync(path, 'utf8')));
  return files.get(path);
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
rl.on('line', (line) => {
  if (!line.trim()) return;
  let response;
  try {
    const request = JSON.parse(line);
    const resource = request.resource !== undefined ? request.resource : request.file ? load(request.file) : {};
    // %resource/%rootResource as FHIR defines them for a standalone resource (fhirpath.js needs them passed).
    const env = request.resource !== undefined || request.file ? { resource, rootResource: resource } : {};
    response = { result: fhirpath.evaluate(resource, request.expression, env, r4) };
  } catch (e) {
    response = { error: String(e && e.message ? e.message : e).split('\n')[0] };
  }
  out.push(JSON.stringify(response));
});
rl.on('close', () => process.stdout.write(out.join('\n') + (out.length ? '\n' : '')));
