// Seeded mutations of the corpus documents, parsed, printed and validated by graphql-js against schema.graphql,
// so the engine's parser, printer and validator can be compared with it on documents nobody wrote by hand.
// Prints a JSON array of {source, printed, errors} or {source, syntaxError}. Usage: node fuzz.mjs [count] [seed]
import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, parse, print, validate } from 'graphql';

const count = Number(process.argv[2] ?? 2000);
let state = Number(process.argv[3] ?? 20251122) >>> 0;
function random() {
  // mulberry32: small, deterministic, good enough to pick mutations.
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];

const schema = buildSchema(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
const corpus = new URL('./corpus/', import.meta.url);
const seeds = readdirSync(corpus).filter((f) => f.endsWith('.json')).sort()
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, corpus), 'utf8')).map((c) => c.query))
  .filter((q) => { try { parse(q); return true; } catch { return false; } });
const tokens = ['{', '}', '(', ')', '[', ']', ':', '...', ' on ', '@skip(if: true)', '@include(if: $v)', '$v', 'null', '1', '"s"',
  'WEB', 'Profile', 'Touchpoint', 'name', 'id', 'friends', '__typename', 'profile(id: "P1")', 'fragment F on Profile { id } ',
  ' ...F ', 'query Q($v: Boolean!) ', ' a: ', '{ id }', 'echo', 'first: 2', 'where: {vip: true}'];

const results = [];
for (let i = 0; i < count; i++) {
  let source = pick(seeds);
  for (let m = 1 + Math.floor(random() * 3); m > 0; m--) {
    const at = Math.floor(random() * (source.length + 1));
    const choice = random();
    if (choice < 0.4) {
      source = source.slice(0, at) + pick(tokens) + source.slice(at);
    } else if (choice < 0.7) {
      source = source.slice(0, at) + source.slice(at + 1 + Math.floor(random() * 2));
    } else {
      const from = Math.floor(random() * source.length);
      source = source.slice(0, at) + source.slice(from, from + 1 + Math.floor(random() * 20)) + source.slice(at);
    }
  }
  try {
    const document = parse(source);
    const errors = validate(schema, document).map((e) => ({ message: e.message, locations: e.locations ?? [] }));
    results.push({ source, printed: print(document), errors });
  } catch (error) {
    results.push({ source, syntaxError: { message: error.message, locations: error.locations ?? [] } });
  }
}
process.stdout.write(JSON.stringify(results));
