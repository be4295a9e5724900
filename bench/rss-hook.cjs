// Preloaded (NODE_OPTIONS=--require) into every benchmarked node process: at exit, appends the
// process's peak resident set size (process.resourceUsage().maxRSS, KiB) and CPU time (user +
// system, µs; worker threads included, since they share the process) to BENCH_RSS_FILE.
'use strict';
const fs = require('node:fs');
const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      fs.appendFileSync(target, `${process.pid} ${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}\n`);
    } catch {
      // measuring must never change what is measured
    }
  });
}
