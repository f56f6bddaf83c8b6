// Runs graphql-codegen (codegen.yml) against a running ProfileHub, then compiles what it generated (schema.ts,
// operations.ts) together with consumer.ts using tsc --strict, and prints what happened as JSON for the xunit test to check:
//   node run.mjs <graphql endpoint url> <api key>
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, apiKey] = process.argv.slice(2);
if (!url || !apiKey) {
  console.error('usage: node run.mjs <graphql endpoint url> <api key>');
  process.exit(64);
}

const output = mkdtempSync(join(tmpdir(), 'profilehub-codegen-'));
try {
  const env = { ...process.env, PROFILEHUB_GRAPHQL_URL: url, PROFILEHUB_API_KEY: apiKey, PROFILEHUB_CODEGEN_OUTPUT: output };
  const codegen = run(['node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', 'codegen.yml'], env);
  const files = ['schema.ts', 'operations.ts'];
  const generated = Object.fromEntries(files.map((file) => [file, existsSync(join(output, file)) ? readFileSync(join(output, file), 'utf8') : null]));
  let tsc = null;
  if (files.every((file) => generated[file] !== null)) {
    copyFileSync('consumer.ts', join(output, 'consumer.ts'));
    tsc = run(['node_modules/typescript/bin/tsc', '--strict', '--noEmit', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
      ...[...files, 'consumer.ts'].map((file) => join(output, file))], process.env);
  }
  console.log(JSON.stringify({ codegen, tsc, generated }));
} finally {
  rmSync(output, { recursive: true, force: true });
}

function run(args, env) {
  const child = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 120_000 });
  return { exitCode: child.status, output: `${child.stdout}${child.stderr}${child.error ?? ''}` };
}
