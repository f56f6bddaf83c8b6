// Introspects a server with graphql-js's own introspection query, rebuilds the schema from the answer, and checks
// it is valid and prints exactly as graphql-js prints the SDL it was declared from.
// Usage: node introspect.mjs http://127.0.0.1:5000/graphql schema.graphql
import { readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema, validateSchema } from 'graphql';

const [url, sdlFile] = process.argv.slice(2);
if (!url || !sdlFile) {
  console.error('usage: node introspect.mjs URL SDL_FILE');
  process.exit(2);
}

const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }) }),
});
const body = await response.json();
if (body.errors) {
  console.error('introspection failed:', JSON.stringify(body.errors, null, 2));
  process.exit(1);
}

const clientSchema = buildClientSchema(body.data);
const problems = validateSchema(clientSchema);
if (problems.length > 0) {
  console.error('the introspected schema is invalid:\n' + problems.map((p) => '- ' + p.message).join('\n'));
  process.exit(1);
}

const expected = printSchema(buildSchema(readFileSync(sdlFile, 'utf8')));
const actual = printSchema(clientSchema);
if (actual !== expected) {
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  const at = expectedLines.findIndex((line, i) => line !== actualLines[i]);
  console.error(`printSchema differs at line ${at + 1}:\n  expected: ${expectedLines[at]}\n  actual:   ${actualLines[at]}`);
  process.exit(1);
}

console.log(`introspection ok: ${expectedLines(expected)} lines of SDL match`);

function expectedLines(text) {
  return text.split('\n').length;
}
