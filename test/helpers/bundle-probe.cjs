// Preloaded by test/cache-replay.test.ts (NODE_OPTIONS=--require): writes to PLANS_PROBE_OUT whether
// the process loaded plans' bundle ("plans") or answered without it ("replay"). bin/plans.js runs the
// tsc build instead when it is newer: that is "unknown" (an ES module import this hook cannot see).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const read = fs.readFileSync;
const dist = path.join(__dirname, '..', '..', 'dist');
let loaded = false;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && path.resolve(file) === path.join(dist, 'plans.cjs')) loaded = true;
  return read.call(this, file, ...rest);
};
const mtime = (f) => {
  try {
    return fs.statSync(f).mtimeMs;
  } catch {
    return -1;
  }
};
process.on('exit', () => {
  const bundled = mtime(path.join(dist, 'plans.cjs')) >= mtime(path.join(dist, 'cli', 'main.js'));
  fs.writeFileSync(process.env.PLANS_PROBE_OUT, !bundled ? 'unknown' : loaded ? 'plans' : 'replay');
});
