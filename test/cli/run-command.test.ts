import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a user would and returns its exit code and output. */
const cli = async (...args: string[]): Promise<CliResult> => {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['bin/async-arena.js', ...args], { timeout: 15_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('async-arena run', () => {
  it('answers the seed question for a correct model: /categorias times out, the rest is delivered', async () => {
    const { code, stdout } = await cli('run', 'futures', '--fault', 'categorias=timeout', '--timeout', '300', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ model: 'futures', variant: 'correct' });
    expect(report.endpoints.productos).toMatchObject({ outcome: 'ok', status: 200, items: expect.any(Number) });
    expect(report.endpoints.categorias).toMatchObject({ outcome: 'failed', reason: 'timeout' });
    expect(report.endpoints.perfil).toMatchObject({ outcome: 'ok', items: 1 });
  });

  it('shows a naive model losing data that arrived', async () => {
    const { code, stdout } = await cli('run', 'async-await', '--naive', '--fault', 'categorias=timeout', '--timeout', '300', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.variant).toBe('naive');
    expect(report.endpoints.productos.outcome).toBe('lost');
    expect(report.endpoints.perfil.outcome).toBe('lost');
    expect(report.endpoints.categorias).toMatchObject({ outcome: 'failed', reason: 'timeout' });
  });

  it('narrates each request and closes with a summary line', async () => {
    const { code, stdout } = await cli('run', 'reactive', '--fault', 'perfil=error:503');
    expect(code).toBe(0);
    expect(stdout).toMatch(/→ GET \/api\/productos/);
    expect(stdout).toMatch(/✓ \/api\/productos \d+ ms, \d+ items/);
    expect(stdout).toMatch(/✗ \/api\/perfil .*503/);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^reactive \(correct\): delivered 2\/3, failed 1, lost 0, \d+ ms total$/);
  });

  it.each([
    [['run', 'threads'], /unknown model "threads".*callbacks, futures, async-await, reactive/],
    [['run', 'callbacks', '--timeout', 'soon'], /--timeout.*expected a whole number/],
    [['run', 'callbacks', '--fault', 'carrito=timeout'], /unknown endpoint "carrito"/],
    [['run', 'callbacks', '--target', 'http://127.0.0.1:9', '--fault', 'perfil=reset'], /--fault/],
    [['serve', '--port', 'abc'], /--port.*expected a whole number/],
    [['compare', '--format', 'xml'], /--format.*table, json, markdown, csv/],
  ])('rejects bad input %j with one line and exit 2', async (args, message) => {
    const { code, stdout, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^async-arena: /);
    expect(stderr).toMatch(message);
  });

  it('exits 1 with one line when the target is down', async () => {
    const { code, stderr } = await cli('run', 'callbacks', '--target', 'http://127.0.0.1:9');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/);
  });
});
