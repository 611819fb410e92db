// Lint rules for async-arena. The pure core (streams, statistics, formatting, domain)
// must not import I/O, and no layer imports a layer above it or a sibling: these rules keep it so.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first. A folder may import only from layers below its own (never a
 * sibling): domain ← server / transport ← models / streams ← arena ← compare / ui ← analysis / cli,
 * and the entry point src/cli.ts on top. The models sit above the transport because the thread
 * executor's worker builds its own transport (a thread cannot be handed one); on the event loop a
 * model still only gets the transport it is given.
 */
export const LAYERS = [['domain'], ['server', 'transport'], ['models', 'streams'], ['arena'], ['compare', 'ui'], ['analysis', 'cli'], ['cli.ts']];

const layerZones = LAYERS.flatMap((layer, level) =>
  layer.map((folder) => ({
    target: `./src/${folder}`,
    from: [...layer.filter((other) => other !== folder), ...LAYERS.slice(level + 1).flat()].map((other) => `./src/${other}`),
    message: `Layer order: src/${folder} imports only from the layers below it (domain ← server/transport ← models/streams ← arena ← compare/ui ← analysis/cli).`,
  })),
).filter((zone) => zone.from.length > 0);

// Every Node built-in and the I/O libraries; the pure core may import none of them.
const ioPatterns = ['node:*', 'fs', 'fs/*', 'http', 'https', 'http2', 'net', 'dgram', 'os', 'child_process', 'worker_threads', 'process', 'tty', 'readline', 'axios', 'axios/*', 'ink', 'ink/*', 'ink-*', 'react', 'react/*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', 'dist/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['src/streams/**', 'src/domain/**', 'src/analysis/**', 'src/compare/stats/**', 'src/compare/report/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ioPatterns, message: 'The pure core imports no I/O.' }] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The pure core does not touch process.' }],
      'no-restricted-properties': ['error', { object: 'globalThis', property: 'process', message: 'The pure core does not touch process.' }],
    },
  },
);
