import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled JavaScript file of a module next to `importMetaUrl`, e.g. `./request-worker.js`. From
 * dist/ that is the sibling itself; from the TypeScript source (tests, benchmarks, run through tsx) it
 * is the same path under dist/ instead of the last src/, built by `npm run build` (run on install and
 * before the tests). Worker threads always run compiled code, so a thread costs what a thread costs,
 * not what loading TypeScript costs. Throws one clear line when the file is not built.
 */
export const compiledModulePath = (relative: string, importMetaUrl: string): string => {
  const sibling = fileURLToPath(new URL(relative, importMetaUrl));
  const path = importMetaUrl.endsWith('.ts') ? sibling.replace(/([\\/])src([\\/])(?!.*[\\/]src[\\/])/, '$1dist$2') : sibling;
  if (!existsSync(path)) throw new Error(`${path} is not built: run \`npm run build\``);
  return path;
};
