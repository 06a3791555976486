// The bounded load test's driver (bench/load.sh). CLIENTS clients, each a user of one of POOLS
// pools, upload a SIZE-byte file every INTERVAL ms (each one tus upload: POST, then one PATCH) for
// SECONDS seconds. Against Dropcart (--admin-password given) the pools group by PT30S windows
// sealed as they end, and dispatch each sealed group to a processor this script serves, which
// answers 202 and PUTs a small result to the callback a moment later; meanwhile one cart of five
// recent files is made, awaited, downloaded and deleted after another. Against the raw sink (no
// --admin-password) only the uploads run.
//
// Prints one JSON line: uploads done and failed, MB/s, upload latency (POST + PATCH) p50 / p99 /
// max in ms, groups that reached DONE, carts ready and their median ms from POST to ready, and,
// with --server-pid, the server's RSS (MiB) and open descriptors at the start and the end.
//
// node load.mjs --url BASE [--admin-password PW] [--clients 200] [--pools 10] [--size 1048576]
//               [--interval 10000] [--seconds 300] [--server-pid PID] [--processor-port 18095]
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    url: { type: 'string' },
    'admin-password': { type: 'string' },
    clients: { type: 'string', default: '200' },
    pools: { type: 'string', default: '10' },
    size: { type: 'string', default: String(1024 * 1024) },
    interval: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '300' },
    'server-pid': { type: 'string' },
    'processor-port': { type: 'string', default: '18095' },
  },
});
const base = new URL(opt.url.endsWith('/') ? opt.url : opt.url + '/');
const clients = Number(opt.clients);
const poolCount = Number(opt.pools);
const size = Number(opt.size);
const interval = Number(opt.interval);
const seconds = Number(opt.seconds);
const dropcart = opt['admin-password'] !== undefined;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients + 16 });
const b64 = (s) => Buffer.from(String(s)).toString('base64');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const body = crypto.randomBytes(size);

function request(method, url, headers = {}, payload) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: { ...headers, 'Content-Length': payload ? payload.length : 0 } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
    req.setTimeout(120000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}
async function json(method, path, value, token) {
  const r = await request(method, new URL(path, base), {
    'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}),
  }, value === undefined ? undefined : Buffer.from(JSON.stringify(value)));
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.body}`);
  return r.body.length ? JSON.parse(r.body) : null;
}

function serverState() {
  const pid = opt['server-pid'];
  if (!pid) return null;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  return { rssMiB: Math.round(rss / 1024), fds: fs.readdirSync(`/proc/${pid}/fd`).length };
}

// ---- set-up: pools with a processor, users in them ----
const users = []; // {token, pool}
let admin;
let groupsDone = 0;
let processorCalls = 0;
let processor;
if (dropcart) {
  processor = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      processorCalls++;
      res.writeHead(202).end();
      const manifest = JSON.parse(Buffer.concat(chunks));
      setTimeout(async () => {
        try {
          const r = await request('PUT', new URL(manifest.callbackUrl + '&name=result.txt'),
            { 'Content-Type': 'text/plain' }, Buffer.from(`${manifest.files.length} files\n`));
          if (r.status < 300) groupsDone++;
        } catch { /* counted as not done */ }
      }, 500);
    });
  }).listen(Number(opt['processor-port']), '127.0.0.1');
  admin = (await json('PUT', 'api/auth/login/admin', { password: opt['admin-password'] })).access_token;
  const pools = [];
  for (let p = 0; p < poolCount; p++) {
    const pool = await json('POST', 'api/pools', {
      name: `load-${p}-${Date.now()}`, groupingWindow: 'PT30S', lateness: 'PT0S', latePolicy: 'next',
    }, admin);
    await json('PUT', `api/pools/${pool.id}/processor`, {
      url: `http://127.0.0.1:${opt['processor-port']}/groups`, secret: 'load-test-shared-secret', trigger: 'on-seal',
    }, admin);
    pools.push(pool.id);
  }
  // Sign-ups hash a password each (PBKDF2, 210,000 rounds): a few at a time.
  for (let c = 0; c < clients; c += 8) {
    await Promise.all(Array.from({ length: Math.min(8, clients - c) }, async (_, k) => {
      const name = `load-${c + k}-${Date.now()}`;
      const token = (await json('POST', 'api/auth/signup', { username: name, password: 'load-password-1' })).access_token;
      const pool = pools[(c + k) % poolCount];
      await json('POST', `api/pools/${pool}/members`, { username: name }, admin);
      users.push({ token, pool });
    }));
  }
} else {
  for (let c = 0; c < clients; c++) users.push({ token: null, pool: 'sink' });
}

// ---- the run ----
const latencies = [];
let uploads = 0;
let failures = 0;
const errors = {};
const start = serverState();
const t0 = Date.now();
const end = t0 + seconds * 1000;

async function client(u, k) {
  await sleep((interval * k) / clients); // spread the clients over one interval
  let n = 0;
  while (Date.now() < end) {
    const begun = Date.now();
    const auth = u.token ? { Authorization: `Bearer ${u.token}` } : {};
    try {
      const created = await request('POST', new URL('api/upload/', base), {
        ...auth, 'Tus-Resumable': '1.0.0', 'Upload-Length': String(size),
        'Upload-Metadata': `filename ${b64(`c${k}-${n++}.bin`)},pool ${b64(u.pool)}`,
      });
      if (created.status !== 201) throw new Error(`POST ${created.status}`);
      const patched = await request('PATCH', new URL(created.headers.location, base), {
        ...auth, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream',
      }, body);
      if (patched.status !== 204) throw new Error(`PATCH ${patched.status}`);
      uploads++;
      latencies.push(Date.now() - begun);
    } catch (e) {
      failures++;
      errors[e.message] = (errors[e.message] || 0) + 1;
    }
    await sleep(Math.max(0, interval - (Date.now() - begun)));
  }
}

const cartTimes = [];
let cartFailures = 0;
async function carts() {
  if (!dropcart) return;
  let i = 0;
  while (Date.now() < end) {
    const u = users[i++ % users.length];
    try {
      const files = await json('GET', `api/pools/${u.pool}/files?size=5`, undefined, u.token);
      if (files.items.length > 0) {
        const uid = `load-cart-${i}-${Date.now()}`;
        const begun = Date.now();
        await json('POST', `api/carts/${uid}`, {
          fileids: files.items.map((f, k) => ({ id: f.fileName, path: `f${k}.bin`, hashtype: '', hashsum: '' })),
        }, u.token);
        let status;
        do {
          await sleep(200);
          status = (await request('HEAD', new URL(`api/carts/${uid}`, base), { Authorization: `Bearer ${u.token}` }))
            .headers['x-pacifica-status'];
        } while (status !== 'ready' && status !== 'error' && Date.now() < end + 60000);
        if (status !== 'ready') throw new Error(`cart ${status}`);
        const tar = await request('GET', new URL(`api/carts/${uid}`, base), { Authorization: `Bearer ${u.token}` });
        if (tar.status !== 200) throw new Error(`cart GET ${tar.status}`);
        cartTimes.push(Date.now() - begun);
        await request('DELETE', new URL(`api/carts/${uid}`, base), { Authorization: `Bearer ${u.token}` });
      }
    } catch (e) {
      cartFailures++;
      errors[e.message] = (errors[e.message] || 0) + 1;
    }
    await sleep(1000);
  }
}

await Promise.all([...users.map((u, k) => client(u, k)), carts()]);
const wall = (Date.now() - t0) / 1000;
// Groups whose window was still open at the end are sealed and answered within the next minute.
if (dropcart) await sleep(Math.min(60000, 35000 + 5000));
const finish = serverState();
if (processor) processor.close();
agent.destroy();

const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null);
const cartSorted = [...cartTimes].sort((a, b) => a - b);
console.log(JSON.stringify({
  target: dropcart ? 'dropcart' : 'sink', clients, pools: dropcart ? poolCount : 0, size, interval, seconds: wall,
  uploads, failures, mbps: (uploads * size) / 1e6 / wall,
  p50: pct(50), p99: pct(99), max: sorted.length ? sorted[sorted.length - 1] : null,
  processorCalls, groupsDone, carts: cartTimes.length, cartFailures,
  cartMedianMs: cartSorted.length ? cartSorted[Math.floor(cartSorted.length / 2)] : null,
  start, finish, errors,
}));
