import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

// A module-loader hook that names on stderr every file the CLI imports (ES modules; the hooks run in their own thread).
const HOOKS = `export async function load(url, context, next) { if (url.startsWith('file:')) process.stderr.write('imported ' + url + '\\n'); return next(url, context); }`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

/** The files the real CLI imports for `args`, and its stdout. */
const importsOf = async (...args: string[]): Promise<{ files: string[]; stdout: string }> => {
  const { stdout, stderr } = await exec(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, 'bin/async-arena.js', ...args], { timeout: 60_000 });
  return { files: [...stderr.matchAll(/^imported (\S+)$/gm)].map(([, url]) => url as string), stdout };
};

describe('what a command loads (code it never runs would stay live through its load)', () => {
  it('`run --transport undici` imports neither the other commands, nor axios, nor compare’s statistics', async () => {
    const { files, stdout } = await importsOf('run', 'callbacks', '--transport', 'undici', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ model: 'callbacks', endpoints: { perfil: { outcome: 'ok' } } });
    expect(files.some((file) => file.endsWith('/dist/cli/run-command.js'))).toBe(true);
    expect(files.filter((file) => /\/dist\/cli\/(compare|dashboard|serve|scenarios)-command\.js$|\/node_modules\/(axios|@stdlib|yaml)\//.test(file))).toEqual([]);
  });

  it('the help lists every command', async () => {
    const { stdout } = await importsOf('--help');
    for (const command of ['dashboard', 'run', 'serve', 'compare', 'scenarios']) expect(stdout).toContain(`  ${command} `);
  });
});
