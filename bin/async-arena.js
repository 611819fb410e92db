#!/usr/bin/env node
// Entry point: runs the TypeScript CLI through tsx, so there is no build step.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// After each full GC, V8 lets the heap grow to up to 4× its live size before the next one. A load of
// 10 000 requests allocates ~80 KB per request of short-lived axios and socket objects, so the heap
// reached 130–180 MB around ~25 MB of live data. Capping the growth at 25% cut the peak RSS of
// `compare --scenario scale` from 264–295 to 162–171 MB with no measured cost in time
// (docs/benchmarks.md). The benchmarks apply the same flag: bench/cli-heap-flag.ts.
setFlagsFromString('--heap-growing-percent=25');
register();
await import('../src/cli.ts');
