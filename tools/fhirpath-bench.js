#!/usr/bin/env node
// Times one compiled FHIRPath expression with fhirpath.js on one JSON input, warm, in this one process.
// Usage: node tools/fhirpath-bench.js <input.json> <expression> [iterations] [--fact-var name]
//   --fact-var name: pass the input as %name (fact-tree conditions) instead of as the resource.
// Prints: {"expression":..., "iterations":N, "nsPerOp":mean wall, "minNsPerOp":fastest batch, "cpuNsPerOp":cpu, "result":[...]}
'use strict';
const fs = require('fs');
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');

const args = process.argv.slice(2);
const varIndex = args.indexOf('--fact-var');
const factVar = varIndex >= 0 ? args.splice(varIndex, 2)[1] : null;
const [file, expression, iterationsText] = args;
const iterations = Number(iterationsText || 200000);
const input = JSON.parse(fs.readFileSync(file, 'utf8'));
const compiled = fhirpath.compile(expression, r4);
const resource = factVar ? {} : input;
const env = factVar ? { [factVar]: input } : {};

let sink = 0;
function run(n) {
  for (let i = 0; i < n; i++) sink += compiled(resource, env).length;
}
// Warm-up: run for at least a second (and 10 % of the iterations) so V8 has optimised the hot code.
const warmStart = process.hrtime.bigint();
do run(Math.max(1000, iterations / 100)); while (process.hrtime.bigint() - warmStart < 1_000_000_000n);
// Timed in 20 batches: the mean over all, the fastest batch (the best estimate on a shared, loaded machine, and what
// BenchmarkDotNet's Min column reports for ours), and CPU time (process.cpuUsage, not inflated by waiting for a core).
const batches = 20;
const perBatch = Math.max(1, Math.floor(iterations / batches));
let minBatch = Infinity;
const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
for (let b = 0; b < batches; b++) {
  const t0 = process.hrtime.bigint();
  run(perBatch);
  minBatch = Math.min(minBatch, Number(process.hrtime.bigint() - t0) / perBatch);
}
const total = perBatch * batches;
const elapsed = Number(process.hrtime.bigint() - start);
const cpu = process.cpuUsage(cpuStart);
console.log(JSON.stringify({
  expression, iterations: total, nsPerOp: elapsed / total, minNsPerOp: minBatch, cpuNsPerOp: ((cpu.user + cpu.system) * 1000) / total,
  result: compiled(resource, env), sink,
}));
