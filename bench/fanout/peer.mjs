// The baseline for the fan-out benchmark: a plain WebSocket server (the `ws` package) that says
// {"type":"connected"} to each client and, on POST /broadcast, sends the request's JSON body to
// every client at once. Usage: node peer.mjs PORT
import http from 'node:http';
import { WebSocketServer } from 'ws';

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    for (const client of wss.clients) client.send(body);
    res.writeHead(204).end();
  });
});
const wss = new WebSocketServer({ server, path: '/ws' });
wss.on('connection', (socket) => socket.send(JSON.stringify({ type: 'connected' })));
server.listen(Number(process.argv[2]), '127.0.0.1');
