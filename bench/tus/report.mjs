// Turns the tus benchmark's measurements (one JSON line each, as client.mjs prints them plus
// "target" and "run") into the "tus ingest throughput" section of BENCHMARKS.md, on stdout.
// Usage: node report.mjs RESULTS.jsonl (environment: MACHINE, PEER, FILES, SIZE, RUNS, WARMUP, JAVA_OPTS)
import fs from 'node:fs';

const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const env = process.env;
const targets = [
  ['dropcart', 'Dropcart'],
  ['peer', '@tus/server + sync'],
  ['sink', 'raw fsync sink'],
];
const clientCounts = [...new Set(rows.map((r) => r.clients))].sort((a, b) => a - b);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const of = (target, clients) => rows.filter((r) => r.target === target && r.clients === clients);
const mbps = (target, clients) => {
  const r = of(target, clients);
  return r.length ? median(r.map((x) => x.mbps)) : NaN;
};
const cpuPerGB = (target, clients) => {
  const r = of(target, clients).filter((x) => x.serverCpuSeconds !== null);
  return r.length ? median(r.map((x) => x.serverCpuSeconds / (x.bytes / 1e9))) : NaN;
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const pct = (x) => (Number.isFinite(x) ? `${Math.round(x * 100)} %` : '–');

const size = Number(env.SIZE);
const out = [];
out.push('## tus ingest throughput', '');
out.push(`${env.MACHINE}, Payara Micro 6.2025.10 (Dropcart JVM \`${env.JAVA_OPTS}\`), ${env.PEER};`
  + ` median of ${env.RUNS} run${env.RUNS === '1' ? '' : 's'}.`);
out.push('');
out.push(`Each measurement sends ${env.FILES} files of ${size} bytes (${(size / 1048576).toFixed(0)} MiB) from`
  + ' `bench/tus/client.mjs`, the same client, files and disk for every target: N clients, each on its own'
  + ' keep-alive connection, take the next file until all are sent; a file is one tus upload, a `POST`'
  + ' (`Upload-Length`, `Upload-Metadata`) then the whole file in one `PATCH` at offset 0. MB/s ='
  + ' 10^6 bytes per second of wall time from the first request to the last `204`. Each target is'
  + ` measured warm (${env.WARMUP} uploads of 64 KiB and 16 big ones first, not counted), the three take`
  + ' turns within a run, and the disk is `sync`ed before each measurement. Targets, all on'
  + ' loopback with their storage under `bench/target/tus/` (one file system):');
out.push('');
out.push('- **Dropcart**: `/api/upload/` as a pool member (JWT), bytes forced to disk before each `204`, with its'
  + ' defaults, as in production: every complete upload then goes through the store pipeline (validated and'
  + ' copied into GridFS, the embedded Mongo-wire store on the same disk), which steps aside while bytes are'
  + ' arriving (`dropcart.upload.store-defer`, `PT30S`). The bench waits until the pipeline has drained before'
  + ' measuring the next target, and reports that time too (below).');
out.push('- **@tus/server + sync**: the peer with `@tus/file-store`, which never fsyncs; its time runs until'
  + ' a `sync` after its last upload has returned, so that all three have the bytes on disk.');
out.push('- **raw fsync sink**: `bench/tus/sink.mjs`, a plain Node HTTP server that streams each `PATCH` body'
  + ' into a new file and fsyncs it before answering (its `POST` only creates the empty file): the'
  + ' most a server can do on this disk.');
out.push('');
out.push('| clients | Dropcart (MB/s) | @tus/server + sync (MB/s) | raw fsync sink (MB/s) | Dropcart / @tus/server | Dropcart / sink | @tus/server / sink |');
out.push('|---:|---:|---:|---:|---:|---:|---:|');
for (const c of clientCounts) {
  const [d, p, s] = targets.map(([t]) => mbps(t, c));
  out.push(`| ${c} | ${f1(d)} | ${f1(p)} | ${f1(s)} | ${f2(d / p)}× | ${pct(d / s)} | ${pct(p / s)} |`);
}
out.push('');
if (clientCounts.includes(8)) {
  const d = mbps('dropcart', 8);
  const p = mbps('peer', 8);
  const s = mbps('sink', 8);
  const vsPeer = d / p >= 1.2 ? 'met' : 'not met';
  const vsSink = d / s >= 0.8 ? 'met' : 'not met';
  out.push(`Targets at 8 clients: Dropcart ≥ 1.2 × @tus/server — ${f2(d / p)}×, **${vsPeer}**;`
    + ` Dropcart ≥ 80 % of the raw fsync sink — ${pct(d / s)}, **${vsSink}**.`);
  out.push('');
}
out.push('Dropcart until stored: from the first request until the store pipeline has put the last upload'
  + ' into GridFS and freed its bytes on the volume (medians), and the CPU seconds per GB the server used in'
  + ' that time, pipeline included.');
out.push('');
out.push('| clients | acknowledged (MB/s) | stored (MB/s) | until stored (s) | server CPU s/GB, pipeline included |');
out.push('|---:|---:|---:|---:|---:|');
for (const c of clientCounts) {
  const r = of('dropcart', c).filter((x) => Number.isFinite(x.storedSeconds));
  if (!r.length) continue;
  out.push(`| ${c} | ${f1(mbps('dropcart', c))} | ${f1(median(r.map((x) => x.bytes / x.storedSeconds / 1e6)))}`
    + ` | ${f1(median(r.map((x) => x.storedSeconds)))}`
    + ` | ${f2(median(r.map((x) => x.storedCpuSeconds / (x.bytes / 1e9))))} |`);
}
out.push('');
out.push('Every run in MB/s, then medians over the runs: CPU seconds the server process used per GB'
  + ' written; milliseconds of a `POST`, of a `PATCH`, and of a `PATCH` from its last byte handed to'
  + ' the client\'s socket until its answer (the server draining the socket buffers, forcing the file,'
  + ' recording the offset); for @tus/server, the closing `sync` in seconds.');
out.push('');
out.push('| target | clients | runs (MB/s) | server CPU s/GB | POST (ms) | PATCH (ms) | PATCH after last byte (ms) | sync (s) |');
out.push('|---|---:|---|---:|---:|---:|---:|---:|');
for (const [t, name] of targets) {
  for (const c of clientCounts) {
    const r = of(t, c);
    if (!r.length) continue;
    const med = (k) => f1(median(r.map((x) => x[k])));
    const sync = t === 'peer' ? f2(median(r.map((x) => x.syncSeconds))) : '–';
    out.push(`| ${name} | ${c} | ${r.map((x) => f1(x.mbps)).join(' ')} | ${f2(cpuPerGB(t, c))}`
      + ` | ${med('postMs')} | ${med('patchMs')} | ${med('afterBodyMs')} | ${sync} |`);
  }
}
console.log(out.join('\n'));
