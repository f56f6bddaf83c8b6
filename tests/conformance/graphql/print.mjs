// Parses and prints every corpus document (and corpus/sdl/*.graphql) with graphql-js, so the engine's parser and
// printer can be compared with it: prints a JSON array of {name, source, printed} or {name, source, error}.
// Usage: node print.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { parse, print } from 'graphql';

const corpus = new URL('./corpus/', import.meta.url);
const sdl = new URL('./corpus/sdl/', import.meta.url);
const sources = [
  ...readdirSync(corpus).filter((f) => f.endsWith('.json')).sort()
    .flatMap((f) => JSON.parse(readFileSync(new URL(f, corpus), 'utf8')).map((c) => ({ name: `${f} ${c.name}`, source: c.query }))),
  ...readdirSync(sdl).filter((f) => f.endsWith('.graphql')).sort()
    .map((f) => ({ name: f, source: readFileSync(new URL(f, sdl), 'utf8') })),
  { name: 'schema.graphql', source: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8') },
];

const results = sources.map(({ name, source }) => {
  try {
    return { name, source, printed: print(parse(source)) };
  } catch (error) {
    return { name, source, error: { message: error.message, locations: error.locations } };
  }
});
process.stdout.write(JSON.stringify(results));
