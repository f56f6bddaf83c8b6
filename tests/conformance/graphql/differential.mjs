// Differential run: every document of corpus/*.json goes through graphql-js (over schema.graphql and fixtures.mjs)
// and through the server at URL (the same schema and fixtures declared in C#); parse, validation and execution
// results must agree: data key for key and in order, errors by message, locations and path.
// Usage: node differential.mjs URL [--verbose]
import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, graphql } from 'graphql';
import { rootValue } from './fixtures.mjs';

const [url, ...flags] = process.argv.slice(2);
if (!url) {
  console.error('usage: node differential.mjs URL [--verbose]');
  process.exit(2);
}
const verbose = flags.includes('--verbose');

const schema = buildSchema(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
const corpusDirectory = new URL('./corpus/', import.meta.url);
const cases = readdirSync(corpusDirectory)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .flatMap((file) => JSON.parse(readFileSync(new URL(file, corpusDirectory), 'utf8')).map((c) => ({ ...c, file })));

function normalize(result) {
  const normalized = {};
  if (result.errors !== undefined) {
    normalized.errors = result.errors.map((error) => {
      const json = typeof error.toJSON === 'function' ? error.toJSON() : error;
      const shape = { message: json.message };
      if (json.locations !== undefined) shape.locations = json.locations;
      if (json.path !== undefined) shape.path = json.path;
      return shape;
    });
  }
  if ('data' in result) {
    normalized.data = result.data;
  }
  return JSON.stringify(normalized);
}

async function viaServer(testCase) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: testCase.query, variables: testCase.variables, operationName: testCase.operationName }),
  });
  return response.json();
}

let failures = 0;
let agreedErrors = 0;
for (const testCase of cases) {
  const expected = normalize(await graphql({
    schema,
    source: testCase.query,
    rootValue,
    variableValues: testCase.variables,
    operationName: testCase.operationName,
  }));
  const actual = normalize(await viaServer(testCase));
  if (expected !== actual) {
    failures++;
    console.error(`MISMATCH ${testCase.file} ${testCase.name}\n  query:    ${testCase.query}\n  graphql-js: ${expected}\n  server:     ${actual}`);
  } else {
    if (expected.includes('"errors"')) agreedErrors++;
    if (verbose) console.log(`ok ${testCase.file} ${testCase.name}`);
  }
}

console.log(`${cases.length - failures}/${cases.length} documents agree (${agreedErrors} of them with errors), ${failures} mismatches`);
process.exit(failures === 0 ? 0 : 1);
