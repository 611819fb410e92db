import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/models/index.js';
import { runCli } from './run-cli.js';

/**
 * Runs the real CLI and kills it as soon as its stdout shows `text`; resolves with everything it had
 * written to stdout by then (what was already in the pipe is still read after the kill).
 */
const stdoutUntil = (text: string, ...args: string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/async-arena.js', ...args], { stdio: ['ignore', 'pipe', 'inherit'], timeout: 15_000 });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes(text)) child.kill('SIGKILL');
    });
    child.on('error', reject).on('close', () => resolve(stdout));
  });

describe('async-arena run', () => {
  it('answers the seed question for a correct model: /categorias times out, the rest is delivered', async () => {
    const { code, stdout } = await runCli('run', 'futures', '--fault', 'categorias=timeout', '--timeout', '1500', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ model: 'futures', variant: 'correct' });
    expect(report.endpoints.productos).toMatchObject({ outcome: 'ok', status: 200, items: expect.any(Number) });
    expect(report.endpoints.categorias).toMatchObject({ outcome: 'failed', reason: 'timeout' });
    expect(report.endpoints.perfil).toMatchObject({ outcome: 'ok', items: 1 });
    expect(report).not.toHaveProperty('naiveMistake');
  });

  it('shows a naive model losing data that arrived', async () => {
    const { code, stdout } = await runCli('run', 'async-await', '--naive', '--fault', 'categorias=timeout', '--timeout', '1500', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.variant).toBe('naive');
    expect(report.endpoints.productos.outcome).toBe('lost');
    expect(report.endpoints.perfil.outcome).toBe('lost');
    expect(report.endpoints.categorias).toMatchObject({ outcome: 'failed', reason: 'timeout' });
    expect(report.naiveMistake).toBe(MODELS['async-await'].naiveMistake);
  });

  it('runs over undici with --transport undici: the same outcomes as axios, a reset still a reset', async () => {
    const { code, stdout } = await runCli('run', 'reactive', '--transport', 'undici', '--fault', 'perfil=reset', '--timeout', '5000', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.endpoints.productos).toMatchObject({ outcome: 'ok', status: 200, items: 20 });
    expect(report.endpoints.categorias).toMatchObject({ outcome: 'ok', status: 200 });
    expect(report.endpoints.perfil).toMatchObject({ outcome: 'failed', reason: 'reset' });
  });

  it('rejects an unknown --transport in one line, exit 2', async () => {
    const { code, stdout, stderr } = await runCli('run', 'reactive', '--transport', 'curl');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('Allowed choices are axios, undici')]);
  });

  it('says first that a naive variant loses data on purpose, and which mistake it makes', async () => {
    const { code, stdout } = await runCli('run', 'reactive', '--naive');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`naive variant — ${MODELS.reactive.naiveMistake}`);
    expect(stdout.match(/naive variant/g)).toHaveLength(1);
  });

  it('narrates requests as they start, not only once the load has ended', async () => {
    // every request hangs until its 5 s deadline; the run is ended as soon as a start is narrated
    const faults = ['productos', 'categorias', 'perfil'].flatMap((endpoint) => ['--fault', `${endpoint}=timeout`]);
    const stdout = await stdoutUntil('→ GET', 'run', 'callbacks', ...faults, '--timeout', '5000');
    expect(stdout).toMatch(/→ GET \/api\/productos/);
    expect(stdout).not.toMatch(/✗|delivered/);
  });

  it('narrates each request and closes with a summary line', async () => {
    const { code, stdout } = await runCli('run', 'reactive', '--fault', 'perfil=error:503');
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
    [['serve', '--port', 'abc'], /--port.*expected a whole number/],
    [['compare', '--format', 'xml'], /--format.*table, json, markdown, csv/],
  ])('rejects bad input %j with one line and exit 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^async-arena: /);
    expect(stderr).toMatch(message);
  });

  it('exits 1 with one line when --fault is asked of a target without a control API', async () => {
    const { code, stdout, stderr } = await runCli('run', 'callbacks', '--target', 'http://127.0.0.1:9', '--fault', 'perfil=reset');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^async-arena: --target http:\/\/127\.0\.0\.1:9: no async-arena control API answers there to set --fault on/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 with one line when the target is down', async () => {
    const { code, stderr } = await runCli('run', 'callbacks', '--target', 'http://127.0.0.1:9');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9: connection refused/);
  });

  it('exits 1 with one line when the target host does not resolve', async () => {
    // .invalid never resolves (RFC 2606); the short deadline bounds the run if DNS is slow
    const { code, stdout, stderr } = await runCli('run', 'futures', '--target', 'http://nonexistent.invalid', '--timeout', '3000');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^async-arena: cannot reach http:\/\/nonexistent\.invalid: network error: \w+/);
  });
});
