'use strict';
// Writes a CDS Hooks patient-view request for one sample patient with FULL prefetch (every key of the
// tace-course-review discovery entry, filled from samples/<id>.json as a client would), for the load test.
// Usage: node make-request.js samples/p15.json > request.json
const fs = require('node:fs');
const bundle = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const resources = bundle.entry.map((e) => e.resource);
const patient = resources.find((r) => r.resourceType === 'Patient');
const searchset = (type) => {
  const matching = resources.filter((r) => r.resourceType === type);
  return { resourceType: 'Bundle', type: 'searchset', total: matching.length, entry: matching.map((resource) => ({ resource })) };
};
const request = {
  hook: 'patient-view',
  hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
  context: { userId: 'Practitioner/example', patientId: patient.id },
  prefetch: {
    patient,
    conditions: searchset('Condition'),
    procedures: searchset('Procedure'),
    observations: searchset('Observation'),
    imagingStudies: searchset('ImagingStudy'),
    lesions: searchset('BodyStructure'),
    medications: searchset('MedicationStatement'),
  },
};
process.stdout.write(JSON.stringify(request));
