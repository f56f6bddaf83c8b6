// graphql-js served by graphql-http's Node handler on node:http: the baseline of bench/graphql-http.sh.
// Same schema and data as `ProfileHub.Bench serve-graphql` (schema.mjs).  npm ci && node server.mjs [PORT]
import http from 'node:http';
import { createHandler } from 'graphql-http/lib/use/http';
import { schema, rootValue } from './schema.mjs';

// Port 0 (the default) lets the system choose a free port; the line printed once listening names it.
const port = Number(process.argv[2] ?? 0);
const handler = createHandler({ schema, rootValue });
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/graphql')) {
    handler(req, res);
  } else {
    res.writeHead(404).end();
  }
});
server.listen(port, '127.0.0.1', () => console.log(`graphql-js listening on http://127.0.0.1:${server.address().port}/graphql`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
