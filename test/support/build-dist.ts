import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Vitest global setup: compiles src/ to dist/ (`npm run build`, ~1 s) before any test runs, so the
 * tests that spawn the real CLI (bin/async-arena.js runs dist/) and the worker threads (which always
 * run compiled JavaScript) test the current source, never a stale build.
 */
export default async function buildDist(): Promise<void> {
  await promisify(execFile)(process.execPath, ['scripts/build.js']);
}
