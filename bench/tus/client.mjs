// The one client that drives every target of the tus ingest benchmark, the same way each time:
// CLIENTS workers, each with its own keep-alive connection, take the next of FILES files until all
// are sent. A file is one tus upload: POST (Upload-Length, Upload-Metadata, no body) -> 201 with a
// Location, then the whole file in one PATCH (Upload-Offset: 0) -> 204 with Upload-Offset = size.
// The files' bytes are pseudo-random (AES-CTR of zeros, fixed key), the same on every run and for
// every target, and are held in memory so that the client spends as little CPU as possible.
//
// Prints one JSON line: bytes, wall time from the first request to the last response (plus, with
// --sync, the time of a `sync` run after it), MB/s (10^6 bytes per second), the CPU seconds the
// server process (--server-pid) and the client used meanwhile, and the median milliseconds of a
// POST, of a PATCH, and of a PATCH's wait from its last byte handed to the socket to the answer.
//
// With several comma-separated --url values, worker k sends to the (k mod n)-th: the nodes of a
// cluster share the clients between them (bench/cluster.sh).
//
// node client.mjs --url http://127.0.0.1:18082/sink/ --clients 8 --files 64 --size 20971520
//                 [--token JWT] [--pool ID] [--sync] [--server-pid PID] [--label NAME]
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    url: { type: 'string' },
    clients: { type: 'string', default: '1' },
    files: { type: 'string', default: '64' },
    size: { type: 'string', default: String(20 * 1024 * 1024) },
    token: { type: 'string' },
    pool: { type: 'string', default: 'bench' },
    sync: { type: 'boolean', default: false },
    'server-pid': { type: 'string' },
    label: { type: 'string', default: '' },
    distinct: { type: 'string', default: '4' },
  },
});
const endpoints = opt.url.split(',').map((u) => new URL(u));
const clients = Number(opt.clients);
const files = Number(opt.files);
const size = Number(opt.size);

// DISTINCT different file contents, file i carries content i % DISTINCT.
function content(i) {
  const key = Buffer.alloc(16, 0x5a);
  const iv = Buffer.alloc(16, 0);
  iv.writeUInt32BE(i, 0);
  const cipher = crypto.createCipheriv('aes-128-ctr', key, iv);
  return Buffer.concat([cipher.update(Buffer.alloc(size)), cipher.final()]);
}
const contents = Array.from({ length: Math.min(Number(opt.distinct), files) }, (_, i) => content(i));
const b64 = (s) => Buffer.from(String(s)).toString('base64');

// Resolves with the response once read, and when the request began, its body was handed to the
// socket (all of it written into the kernel), and the response's head arrived (hrtime ns).
// (Under load the answer may be read before the event of the body's last write: then the body
// counts as sent when the answer came.)
function request(agent, method, url, headers, body) {
  return new Promise((resolve, reject) => {
    const t = { start: process.hrtime.bigint() };
    let pending = 2;
    let res;
    const done = () => { if (--pending === 0) resolve({ res, t }); };
    const req = http.request(url, { method, agent, headers }, (r) => {
      res = r;
      t.head = process.hrtime.bigint();
      r.resume();
      r.on('end', done);
      r.on('error', reject);
    });
    req.on('finish', () => {
      t.sent = process.hrtime.bigint();
      if (t.head !== undefined && t.head < t.sent) t.sent = t.head;
      done();
    });
    req.on('error', reject);
    req.end(body);
  });
}
const ms = (a, b) => Number(b - a) / 1e6;
const timings = { post: [], patch: [], tail: [] };

async function upload(agent, endpoint, i) {
  const auth = opt.token ? { Authorization: `Bearer ${opt.token}` } : {};
  const { res: created, t: tPost } = await request(agent, 'POST', endpoint, {
    ...auth,
    'Tus-Resumable': '1.0.0',
    'Upload-Length': String(size),
    'Upload-Metadata': `filename ${b64(`bench-${String(i).padStart(4, '0')}.bin`)},pool ${b64(opt.pool)}`,
    'Content-Length': '0',
  });
  if (created.statusCode !== 201 || !created.headers.location) {
    throw new Error(`POST ${endpoint}: ${created.statusCode}, Location ${created.headers.location}`);
  }
  const location = new URL(created.headers.location, endpoint);
  const body = contents[i % contents.length];
  const { res: patched, t: tPatch } = await request(agent, 'PATCH', location, {
    ...auth,
    'Tus-Resumable': '1.0.0',
    'Upload-Offset': '0',
    'Content-Type': 'application/offset+octet-stream',
    'Content-Length': String(body.length),
  }, body);
  if (patched.statusCode !== 204 || patched.headers['upload-offset'] !== String(size)) {
    throw new Error(`PATCH ${location}: ${patched.statusCode}, Upload-Offset ${patched.headers['upload-offset']}`);
  }
  timings.post.push(ms(tPost.start, tPost.head));
  timings.patch.push(ms(tPatch.start, tPatch.head));
  timings.tail.push(ms(tPatch.sent, tPatch.head));
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function cpuSeconds(pid) {
  if (!pid) return null;
  // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks (100 per second on Linux).
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const serverCpu0 = cpuSeconds(opt['server-pid']);
const clientCpu0 = process.cpuUsage();
let nextFile = 0;
const start = process.hrtime.bigint();
await Promise.all(Array.from({ length: clients }, async (_, k) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = nextFile++; i < files; i = nextFile++) {
      await upload(agent, endpoints[k % endpoints.length], i);
    }
  } finally {
    agent.destroy();
  }
}));
const uploaded = process.hrtime.bigint();
if (opt.sync) execFileSync('sync');
const end = process.hrtime.bigint();

const seconds = Number(end - start) / 1e9;
const clientCpu = process.cpuUsage(clientCpu0);
const serverCpu1 = cpuSeconds(opt['server-pid']);
const bytes = files * size;
console.log(JSON.stringify({
  label: opt.label,
  clients,
  files,
  size,
  bytes,
  seconds: Number(seconds.toFixed(3)),
  syncSeconds: Number((Number(end - uploaded) / 1e9).toFixed(3)),
  mbps: Number((bytes / seconds / 1e6).toFixed(1)),
  serverCpuSeconds: serverCpu0 === null ? null : Number((serverCpu1 - serverCpu0).toFixed(2)),
  clientCpuSeconds: Number(((clientCpu.user + clientCpu.system) / 1e6).toFixed(2)),
  postMs: Number(median(timings.post).toFixed(1)),
  patchMs: Number(median(timings.patch).toFixed(1)),
  afterBodyMs: Number(median(timings.tail).toFixed(1)),
}));
