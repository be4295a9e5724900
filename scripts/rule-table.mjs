// Writes the rule table of docs/rules.md from the rule registry (dist/rules/docs.js; run `npm run build` first).
// `--check`: exit 1 when the README's table is not what the registry gives.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { withRuleTable } = await import(path.join(root, 'dist/rules/docs.js'));
const readme = path.join(root, 'docs', 'rules.md');
const text = fs.readFileSync(readme, 'utf8');
const next = withRuleTable(text);
if (next === undefined) {
  console.error('docs/rules.md: no rule table markers');
  process.exit(1);
}
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('docs/rules.md: the rule table is out of date; run npm run docs:rules');
    process.exit(1);
  }
} else if (next !== text) {
  fs.writeFileSync(readme, next);
}
