#!/usr/bin/env node
// Entry point: runs the compiled CLI in dist/ (built by `npm run build`, which npm runs on install).
import process from 'node:process';
import { URL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// After each full GC, V8 lets the heap grow to up to 4× its live size before the next one. A load of
// 10 000 requests allocates ~80 KB per request of short-lived axios and socket objects, so the heap
// reached 130–180 MB around ~25 MB of live data. Capping the growth at 25% cut the peak RSS of
// `compare --scenario scale` from 264–295 to 162–171 MB with no measured cost in time
// (docs/benchmarks.md). The benchmarks apply the same flag: bench/cli-heap-flag.ts.
setFlagsFromString('--heap-growing-percent=25');
const cli = new URL('../dist/cli.js', import.meta.url);
try {
  await import(cli.href);
} catch (error) {
  // Only a missing build is explained here; any other error is the CLI's own and propagates.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || error.url !== cli.href) throw error;
  process.stderr.write('async-arena is not built: run `npm install` (or `npm run build`) in its folder\n');
  process.exitCode = 1;
}
