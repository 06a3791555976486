// The raw baseline: the least an HTTP server can do to take a file durably. It speaks just enough
// of tus for the same client to drive it: POST creates an empty file and answers 201 with a
// Location; PATCH streams the body into that file, fsyncs it and answers 204 with Upload-Offset.
// No validation, no metadata, no database. Usage: node sink.mjs PORT DIRECTORY
import http from 'node:http';
import fs from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const [port, directory] = process.argv.slice(2);
let next = 0;

const server = http.createServer(async (req, res) => {
  try {
    if (req.method === 'POST') {
      req.resume();
      const id = `${process.pid}-${++next}`;
      await fs.promises.writeFile(path.join(directory, id), '');
      res.writeHead(201, { Location: `/sink/${id}`, 'Upload-Offset': '0', 'Content-Length': '0' });
      res.end();
    } else if (req.method === 'PATCH' && req.url.startsWith('/sink/')) {
      // A numeric fd (not a FileHandle, whose close() waits forever on a stream made from it).
      const fd = await promisify(fs.open)(path.join(directory, path.basename(req.url)), 'r+');
      let written;
      try {
        const out = fs.createWriteStream(null, {
          fd, start: Number(req.headers['upload-offset'] || 0), autoClose: false, emitClose: false,
          highWaterMark: 1 << 20,
        });
        await pipeline(req, out);
        written = out.bytesWritten;
        await promisify(fs.fsync)(fd);
      } finally {
        await promisify(fs.close)(fd);
      }
      res.writeHead(204, { 'Upload-Offset': String(written), 'Content-Length': '0' });
      res.end();
    } else {
      req.resume();
      res.writeHead(404, { 'Content-Length': '0' });
      res.end();
    }
  } catch (e) {
    console.error(e);
    if (!res.headersSent) res.writeHead(500, { 'Content-Length': '0' });
    res.end();
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1', () => {
  console.log(`sink listening on http://127.0.0.1:${port}/ (files in ${directory})`);
});
