#!/usr/bin/env node
// Mints JWTs with jose (an implementation independent of TaceCds.Security) for the security tests.
// One run per test class: reads ONE JSON request on stdin, prints ONE JSON answer on stdout.
//
// Request:
//   { "keys":   [ { "kid": "k1", "alg": "ES384" } ],          generated fresh, private halves never leave
//     "import": [ { "kid": "spec", "jwk": { ...private JWK } } ] optional: use a given private key
//     "tokens": [ { "kid": "k1", "alg": "ES384",              alg defaults to the key's alg
//                   "header": { ...extra protected header },   e.g. typ, jku; kid is set from "kid"
//                   "payload": { ...claims },
//                   "omit": [ "kid", "typ" ],                  header members to leave out
//                   "mode": "sign" | "none" | "hmac-public-key" } ] }
//   mode "none": an unsecured JWS (alg none, empty signature).
//   mode "hmac-public-key": HS256 keyed with the UTF-8 bytes of the key's PUBLIC JWK JSON (the classic
//   algorithm-confusion attack against verifiers that accept any alg with the key on record).
// Answer: { "jwks": { "keys": [ ...public JWKs with kid, alg, use ] }, "tokens": [ "..." ] }
'use strict';

async function main() {
  const jose = await import('jose');
  const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const privateKeys = new Map();
  const publicJwks = [];

  for (const k of input.keys || []) {
    const options = { extractable: true };
    if (k.alg.startsWith('RS') || k.alg.startsWith('PS')) options.modulusLength = k.modulusLength || 2048;
    const { publicKey, privateKey } = await jose.generateKeyPair(k.alg, options);
    const pub = await jose.exportJWK(publicKey);
    Object.assign(pub, { kid: k.kid, alg: k.alg, use: 'sig' });
    privateKeys.set(k.kid, { key: privateKey, alg: k.alg, publicJwk: pub });
    publicJwks.push(pub);
  }
  for (const k of input.import || []) {
    const key = await jose.importJWK(k.jwk, k.jwk.alg);
    const { d, p, q, dp, dq, qi, ...pub } = k.jwk;
    privateKeys.set(k.kid, { key, alg: k.jwk.alg, publicJwk: pub });
  }

  const tokens = [];
  for (const t of input.tokens || []) {
    const entry = privateKeys.get(t.kid);
    if (!entry && t.mode !== 'none') throw new Error(`unknown kid ${t.kid}`);
    const header = { typ: 'JWT', kid: t.kid, ...(t.header || {}) };
    for (const name of t.omit || []) delete header[name];
    const mode = t.mode || 'sign';
    if (mode === 'none') {
      tokens.push(new jose.UnsecuredJWT(t.payload).encode().replace(/^[^.]+/,
        Buffer.from(JSON.stringify({ alg: 'none', ...header })).toString('base64url')));
    } else if (mode === 'hmac-public-key') {
      const secret = new TextEncoder().encode(JSON.stringify(entry.publicJwk));
      tokens.push(await new jose.SignJWT(t.payload).setProtectedHeader({ ...header, alg: 'HS256' }).sign(secret));
    } else {
      const alg = t.alg || entry.alg;
      // A "crit" header must be declared to jose as understood, or it refuses to sign.
      const crit = Object.fromEntries((header.crit || []).map(name => [name, true]));
      tokens.push(await new jose.SignJWT(t.payload).setProtectedHeader({ ...header, alg }).sign(entry.key, { crit }));
    }
  }
  process.stdout.write(JSON.stringify({ jwks: { keys: publicJwks }, tokens }));
}

main().catch(e => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
