// Writes graphql-js's introspection query, as the standard clients ask for it, to one .graphql file per variant:
// the engine's tests run each against the limits of a production API (tests/ProfileHub.GraphQL.Tests/Introspection).
// Usage: node introspection-queries.mjs OUTPUT_DIRECTORY
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';

const [output] = process.argv.slice(2);
if (!output) {
  console.error('usage: node introspection-queries.mjs OUTPUT_DIRECTORY');
  process.exit(2);
}

const variants = {
  // Insomnia, Postman, Apollo's tools and graphql-js's own buildClientSchema round trip.
  'default': {},
  'no-descriptions': { descriptions: false },
  // GraphiQL's docs explorer and autocomplete.
  'graphiql': { inputValueDeprecation: true, schemaDescription: true },
  // graphql-codegen's URL loader (@graphql-tools/url-loader), and everything graphql-js can ask for.
  'every-option': { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true },
};

mkdirSync(output, { recursive: true });
for (const [name, options] of Object.entries(variants)) {
  writeFileSync(join(output, `${name}.graphql`), getIntrospectionQuery(options));
}
console.log(`wrote ${Object.keys(variants).length} introspection queries to ${output}`);
