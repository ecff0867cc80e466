'use strict';
// The audit trail under load and under kill -9 (issue 13 row 4): drives `tacecds serve` with patient-view calls that
// each carry a unique hookInstance, remembers every call answered 200, stops the service (SIGTERM = clean stop, or
// SIGKILL = crash) and compares the answered calls with what the store holds.
//
// Usage: node audit-trail.js <stop|kill> <store> <seconds> <connections> <server-pid-file> <port> <request.json>
// (bench/cds-hooks/audit-trail.sh starts the server and calls this.) Prints one JSON line:
//   answered, refused503, otherStatus, stored, answeredNotStored, crash window (ms between the oldest answered-but-lost
//   call and the kill), throughput and latency percentiles, the server's peak RSS (VmHWM) before it was stopped.
const fs = require('node:fs');
const http = require('node:http');
const { execFileSync } = require('node:child_process');

const [mode, store, seconds, connections, pidFile, port, requestFile] = process.argv.slice(2);
const template = fs.readFileSync(requestFile, 'utf8');
const marker = '"hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"';
if (!template.includes(marker)) throw new Error('request has no hookInstance to replace');
const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });

const answered = new Map(); // hookInstance -> time answered (ms, monotonic)
const latencies = [];
let refused503 = 0;
let otherStatus = 0;
let sent = 0;
let running = true;

function post(hookInstance) {
  const body = template.replace(marker, `"hookInstance":"${hookInstance}"`);
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path: '/cds-services/tace-course-review', method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => {
        const now = performance.now();
        if (res.statusCode === 200) { answered.set(hookInstance, now); latencies.push(now - started); }
        else if (res.statusCode === 503) refused503++;
        else otherStatus++;
        resolve();
      });
    });
    req.on('error', () => resolve()); // the server went away: this call was not answered
    req.end(body);
  });
}

async function worker(w) {
  for (let i = 0; running; i++) {
    sent++;
    await post(`bench-${w}-${i}-${process.pid}`);
  }
}

function peakRssMb() {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
  } catch { return null; }
}

function storedInstances() {
  if (store.startsWith('sqlite:')) {
    const out = execFileSync('sqlite3', [store.slice('sqlite:'.length), 'select hook_instance from hook_call where http_status = 200'], { maxBuffer: 1 << 28 });
    return new Set(out.toString().split('\n').filter(Boolean));
  }
  const conn = Object.fromEntries(store.slice('postgres:'.length).split(';').filter(Boolean).map((kv) => kv.split('=')));
  const out = execFileSync('psql', ['-h', conn.Host, '-p', conn.Port, '-U', conn.Username, '-d', conn.Database, '-At', '-c',
    `set search_path to ${conn['Search Path'] || 'public'}; select hook_instance from hook_call where http_status = 200`],
    { env: { ...process.env, PGPASSWORD: conn.Password }, maxBuffer: 1 << 28 });
  return new Set(out.toString().split('\n').filter((l) => l && l !== 'SET'));
}

function waitExit() {
  for (let i = 0; i < 600; i++) {
    try { process.kill(pid, 0); } catch { return; }
    execFileSync('sleep', ['0.1']);
  }
  throw new Error('server did not exit');
}

(async () => {
  const workers = Array.from({ length: Number(connections) }, (_, w) => worker(w));
  const start = performance.now();
  await new Promise((r) => setTimeout(r, Number(seconds) * 1000));
  const rss = peakRssMb();
  const stoppedAt = performance.now();
  process.kill(pid, mode === 'kill' ? 'SIGKILL' : 'SIGTERM');
  running = false;
  await Promise.all(workers);
  agent.destroy();
  waitExit();
  const stored = storedInstances();
  const lost = [...answered].filter(([id]) => !stored.has(id));
  const window = lost.length ? Math.max(...lost.map(([, at]) => stoppedAt - at)) : 0;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10 : null;
  console.log(JSON.stringify({
    mode, store: store.split(':')[0], seconds: Number(seconds), connections: Number(connections),
    sent, answered: answered.size, refused503, otherStatus, stored: stored.size,
    answeredNotStored: lost.length, crashWindowMs: Math.round(window),
    callsPerSecond: Math.round(answered.size / ((stoppedAt - start) / 1000)),
    latencyMs: { p50: pct(0.5), p99: pct(0.99), max: pct(1) }, peakRssMb: rss && Math.round(rss),
  }));
})();
