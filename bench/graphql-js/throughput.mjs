// The graphql-js side of `ProfileHub.Bench graphql`: same schema, data and queries (schema.mjs); document parsed
// and validated once, then execute() + JSON.stringify in a loop.  npm ci && node throughput.mjs [seconds]
import { parse, validate, execute } from 'graphql';
import { schema, rootValue, queries } from './schema.mjs';

const seconds = Number(process.argv[2] ?? 5);
for (const [name, query] of queries) {
  const document = parse(query);
  if (validate(schema, document).length) throw new Error('invalid');
  for (let i = 0; i < 200; i++) JSON.stringify(await execute({ schema, document, rootValue }));
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < seconds * 1000) {
    JSON.stringify(await execute({ schema, document, rootValue }));
    count++;
  }
  console.log(`${name}: ${(count / ((performance.now() - start) / 1000)).toFixed(0)} ops/s`);
}
