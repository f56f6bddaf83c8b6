// The graphql-js side of bench/ProfileHub.Bench: same schema, data and queries; document parsed and validated
// once, then execute() + JSON.stringify in a loop.  npm install graphql@17.1.0 && node throughput.mjs [seconds]
import { buildSchema, parse, validate, execute } from 'graphql';

const seconds = Number(process.argv[2] ?? 5);
const customers = Array.from({ length: 100 }, (_, i) => ({
  id: 'c' + i, name: 'Customer ' + i, email: `customer${i}@example.com`, age: 20 + (i % 50),
  touchpoints: Array.from({ length: 5 }, (_, j) => ({ id: `t${i}-${j}`, channel: j % 2 === 0 ? 'EMAIL' : 'WEB', score: j * 10, online: j % 2 === 1 })),
}));
const schema = buildSchema(`
  type Query { customers: [Customer!]! customer(id: ID!): Customer }
  type Customer { id: ID! name: String email: String age: Int touchpoints: [Touchpoint!]! }
  type Touchpoint { id: ID! channel: String score: Int online: Boolean }
`);
const rootValue = { customers: () => customers, customer: ({ id }) => customers.find((c) => c.id === id) };
const queries = [
  ['one customer by id', '{ customer(id: "c1") { id name email } }'],
  ['100 customers x 5 touchpoints', '{ customers { id name email age touchpoints { id channel score online } } }'],
];
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
