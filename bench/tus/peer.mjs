// The peer: @tus/server with @tus/file-store, set up as their README shows, on loopback.
// Usage: node peer.mjs PORT DIRECTORY
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';

const [port, directory] = process.argv.slice(2);
const server = new Server({ path: '/files', datastore: new FileStore({ directory }) });
server.listen({ host: '127.0.0.1', port: Number(port) }, () => {
  console.log(`@tus/server listening on http://127.0.0.1:${port}/files/ (store ${directory})`);
});
