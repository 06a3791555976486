// The fan-out benchmark's clients: opens N WebSocket connections (tokens round-robin), waits until
// every one is connected, then triggers the result once (one HTTP request) and times, per socket,
// how long after the trigger was sent its `result-ready` for that group arrived.
// Prints {clients, received, p50Ms, p99Ms, maxMs, connectSeconds} as one JSON line.
// Usage: node clients.mjs --ws URL --clients N --tokens t1,t2,… --trigger METHOD URL [--body FILE]
//        [--group GROUP_ID] [--header 'Name: value']…
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

const args = process.argv.slice(2);
const opt = { header: [] };
for (let i = 0; i < args.length; i++) {
  const k = args[i].replace(/^--/, '');
  if (k === 'trigger') { opt.method = args[++i]; opt.url = args[++i]; continue; }
  if (k === 'header') { opt.header.push(args[++i]); continue; }
  opt[k] = args[++i];
}
const n = Number(opt.clients);
const tokens = (opt.tokens || '').split(',').filter(Boolean);
const group = opt.group;
const arrivals = new Array(n).fill(null);
let t0 = null;
let connected = 0;
let received = 0;

function open(i) {
  return new Promise((resolve, reject) => {
    const url = tokens.length ? `${opt.ws}?access_token=${tokens[i % tokens.length]}` : opt.ws;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      if (m.type === 'connected') { connected++; resolve(ws); return; }
      if (m.type === 'result-ready' && t0 !== null && arrivals[i] === null && (!group || m.groupId === group)) {
        arrivals[i] = performance.now() - t0;
        received++;
      }
    });
    ws.on('error', reject);
  });
}

const c0 = performance.now();
const sockets = [];
for (let i = 0; i < n; i += 200) { // connect in waves, as clients come online
  const wave = [];
  for (let j = i; j < Math.min(n, i + 200); j++) wave.push(open(j));
  sockets.push(...(await Promise.all(wave)));
}
const connectSeconds = (performance.now() - c0) / 1000;
if (connected !== n) throw new Error(`${connected} of ${n} connected`);
await new Promise((r) => setTimeout(r, 1000)); // pending pushes of earlier runs settle

const headers = {};
for (const h of opt.header) { const at = h.indexOf(':'); headers[h.slice(0, at).trim()] = h.slice(at + 1).trim(); }
const body = opt.body ? fs.readFileSync(opt.body) : undefined;
t0 = performance.now();
const res = await fetch(opt.url, { method: opt.method, headers, body });
if (!res.ok) throw new Error(`trigger: ${res.status} ${await res.text()}`);
const deadline = performance.now() + 60_000;
while (received < n && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const got = arrivals.filter((x) => x !== null).sort((a, b) => a - b);
const pct = (p) => (got.length ? got[Math.min(got.length - 1, Math.ceil((p / 100) * got.length) - 1)] : NaN);
console.log(JSON.stringify({ clients: n, received: got.length, p50Ms: Number(pct(50).toFixed(1)),
  p99Ms: Number(pct(99).toFixed(1)), maxMs: Number((got.at(-1) ?? NaN).toFixed(1)),
  connectSeconds: Number(connectSeconds.toFixed(1)) }));
for (const s of sockets) s.terminate();
process.exit(0);
