// Build: compiles src/ (TypeScript and TSX) to plain JavaScript in dist/, one file per source file,
// with esbuild (transpile only: types are checked by `npm run typecheck`, part of `npm test`).
// npm runs it on install (`prepare`), so `npm install && npm start` still does all the set-up.
// The CLI and the worker threads run dist/: a worker that loads TypeScript through tsx costs ~15×
// the start-up time and ~5× the memory of one that runs JavaScript (issue 14).
import { rmSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist`;
rmSync(outdir, { recursive: true, force: true }); // no stale module outlives its deleted source
await build({
  absWorkingDir: root,
  entryPoints: ['src/**/*.ts', 'src/**/*.tsx'],
  outdir,
  outbase: 'src',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
// The worker threads' entry, bundled: every worker loads its own copy of the transport (axios or
// undici, and zod), and reading a few files instead of some hundreds of modules is a good part of a
// thread's start-up (bench:threads measures it). Split into chunks, so a worker loads only the client
// it uses (`importTransport`): a worker running axios never loads undici, nor the reverse.
await build({
  absWorkingDir: root,
  entryPoints: ['src/models/runtime/request-worker.ts'],
  outdir: `${outdir}/models/runtime`,
  entryNames: '[name]',
  chunkNames: 'worker-chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  minify: true,
  allowOverwrite: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // axios's CommonJS dependencies call require(): give the ES module bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
