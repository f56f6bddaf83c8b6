// graphql-js served by graphql-http's Node handler on node:http: the baseline of bench/graphql-http.sh.
// Same schema and data as `ProfileHub.Bench serve-graphql` (schema.mjs).  npm ci && node server.mjs [PORT] [--cache]
// --cache keeps parsed, validated documents by query text (graphql-http's onSubscribe hook), as ProfileHub's
// executor does; without it, graphql-http parses and validates every request.
import http from 'node:http';
import { parse, validate } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';
import { schema, rootValue } from './schema.mjs';

// Port 0 (the default) lets the system choose a free port; the line printed once listening names it.
const port = Number(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 0);
const cache = process.argv.includes('--cache') ? new Map() : null;

// Returning execution args from onSubscribe makes graphql-http skip its own parse and validate.
function onSubscribe(_req, params) {
  let entry = cache.get(params.query);
  if (!entry) {
    try {
      const document = parse(params.query);
      const errors = validate(schema, document);
      entry = errors.length ? { errors } : { document };
    } catch (error) {
      entry = { errors: [error] };
    }
    if (cache.size >= 1000) cache.delete(cache.keys().next().value);
    cache.set(params.query, entry);
  }
  return entry.errors ?? { schema, document: entry.document, operationName: params.operationName, variableValues: params.variables, rootValue };
}

const handler = createHandler({ schema, rootValue, onSubscribe: cache ? onSubscribe : undefined });
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/graphql')) {
    handler(req, res);
  } else {
    res.writeHead(404).end();
  }
});
server.listen(port, '127.0.0.1', () =>
  console.log(`graphql-js${cache ? ' (document cache)' : ''} listening on http://127.0.0.1:${server.address().port}/graphql`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
