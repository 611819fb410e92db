// Lint rules for async-arena. The pure core (streams, statistics, formatting, domain)
// must not import I/O: this rule is what keeps it so.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = ['axios', 'ink', 'ink-testing-library', 'node:http', 'http', 'node:net', 'net', 'node:process', 'process', 'node:fs', 'fs', 'node:child_process'];

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
      'no-restricted-imports': ['error', { paths: ioModules.map((name) => ({ name, message: 'The pure core imports no I/O.' })) }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The pure core does not touch process.' }],
    },
  },
);
