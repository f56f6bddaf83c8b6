// Runs graphql-http's GraphQL-over-HTTP audit against a server; exits non-zero unless every MUST and SHOULD passes.
// Usage: node audit.mjs http://127.0.0.1:5000/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}

const results = await auditServer({ url });
let failures = 0;
for (const result of results) {
  const level = result.name.split(' ')[0];
  const required = level === 'MUST' || level === 'SHOULD';
  if (result.status !== 'ok') {
    const line = `${result.status.toUpperCase()} ${result.name}: ${result.reason}`;
    if (required) {
      failures++;
      console.error(line);
    } else {
      console.log(line);
    }
  }
}

const ok = results.filter((r) => r.status === 'ok').length;
console.log(`${ok}/${results.length} audits ok, ${failures} MUST/SHOULD failures`);
process.exit(failures === 0 ? 0 : 1);
