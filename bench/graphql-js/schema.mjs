// The bench schema and fixture data, mirrored field for field by bench/ProfileHub.Bench/GraphQL/ThroughputSchema.cs:
// 100 customers with 5 touchpoints each.
import { buildSchema } from 'graphql';

const cities = ['Lyon', 'Porto', 'Leeds', 'Graz', 'Turku'];
const customers = Array.from({ length: 100 }, (_, i) => ({
  id: 'c' + i, name: 'Customer ' + i, email: `customer${i}@example.com`, age: 20 + (i % 50), city: cities[i % cities.length],
  touchpoints: Array.from({ length: 5 }, (_, j) => ({ id: `t${i}-${j}`, channel: j % 2 === 0 ? 'EMAIL' : 'WEB', score: j * 10, online: j % 2 === 1 })),
}));

export const schema = buildSchema(`
  type Query { customers: [Customer!]! customer(id: ID!): Customer }
  type Customer { id: ID! name: String email: String age: Int city: String touchpoints: [Touchpoint!]! }
  type Touchpoint { id: ID! channel: String score: Int online: Boolean }
`);

export const rootValue = { customers: () => customers, customer: ({ id }) => customers.find((c) => c.id === id) };

// Issue 4's two queries: one object with 5 fields, and 100 objects with a nested list each.
export const queries = [
  ['small', '{ customer(id: "c1") { id name email age city } }'],
  ['list', '{ customers { id name email age touchpoints { id channel score online } } }'],
];
