/**
 * The V8 heap setting bin/async-arena.js applies at start (keep the two equal), so the benchmarks
 * measure the heap the CLI runs with. See docs/benchmarks.md for its effect.
 */
export const CLI_HEAP_FLAG = '--heap-growing-percent=25';
