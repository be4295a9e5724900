// The floors: what no YAML linter in Node can go below. `read` reads every YAML file of a folder
// (discovery included); `parse` also parses each with the yaml package, as plans' full parser does.
import fs from 'node:fs';
import path from 'node:path';

const [mode, root] = process.argv.slice(2);

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) walk(abs, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(abs);
  }
  return out;
}

const files = walk(root, []);
let bytes = 0;
if (mode === 'read') {
  for (const f of files) bytes += fs.readFileSync(f, 'utf8').length;
} else if (mode === 'parse') {
  const { parseAllDocuments } = await import('yaml');
  for (const f of files) {
    const docs = parseAllDocuments(fs.readFileSync(f, 'utf8'), { uniqueKeys: true, strict: true, prettyErrors: false });
    for (const d of docs) bytes += d.errors.length;
  }
} else {
  throw new Error(`usage: floor.mjs read|parse DIR`);
}
process.stdout.write(`${files.length} files ${bytes}\n`);
