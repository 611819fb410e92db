// Lint rules for async-arena. The pure core (streams, statistics, formatting, domain)
// must not import I/O: this rule is what keeps it so.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    files: ['src/streams/**', 'src/domain/**', 'src/analysis/**', 'src/compare/stats/**', 'src/compare/report/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ioPatterns, message: 'The pure core imports no I/O.' }] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The pure core does not touch process.' }],
      'no-restricted-properties': ['error', { object: 'globalThis', property: 'process', message: 'The pure core does not touch process.' }],
    },
  },
);
