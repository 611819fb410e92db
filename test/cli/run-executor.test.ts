import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe.each(['futures', 'callbacks'])('async-arena run %s --executor threads', (model) => {
  it('delivers the three endpoints, each from a worker thread, at least two distinct', async () => {
    const { code, stdout } = await runCli('run', model, '--executor', 'threads', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ model, executor: 'threads' });
    const endpoints = [report.endpoints.productos, report.endpoints.categorias, report.endpoints.perfil];
    expect(endpoints.map((endpoint) => endpoint.outcome)).toEqual(['ok', 'ok', 'ok']);
    const threadIds = endpoints.map((endpoint) => endpoint.threadId as number);
    expect(threadIds.every((id) => id >= 1)).toBe(true);
    expect(new Set(threadIds).size).toBeGreaterThanOrEqual(2);
  });

  it('with /categorias timing out, keeps productos and perfil', async () => {
    const { code, stdout } = await runCli('run', model, '--executor', 'threads', '--fault', 'categorias=timeout', '--timeout', '400', '--json');
    expect(code).toBe(0);
    const { endpoints } = JSON.parse(stdout);
    expect(endpoints.productos).toMatchObject({ outcome: 'ok', items: 20 });
    expect(endpoints.perfil).toMatchObject({ outcome: 'ok', items: 1 });
    expect(endpoints.categorias).toMatchObject({ outcome: 'failed', reason: 'timeout' });
    expect(endpoints.productos.threadId).toBeGreaterThanOrEqual(1);
  });
});

describe('async-arena run --executor / --work-ms', () => {
  it.each(['async-await', 'reactive'])('--executor threads with %s is a usage error naming the models that accept it', async (model) => {
    const { code, stdout, stderr } = await runCli('run', model, '--executor', 'threads');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/--executor threads is for callbacks and futures only; .* runs on the event loop/)]);
  });

  it('an unknown executor or a negative --work-ms is a usage error', async () => {
    expect((await runCli('run', 'futures', '--executor', 'fibers')).code).toBe(2);
    expect((await runCli('run', 'futures', '--work-ms', '-1')).code).toBe(2);
  });

  it('on the loop, --work-ms delivers the same data from the event loop (threadId 0)', async () => {
    const { code, stdout } = await runCli('run', 'async-await', '--work-ms', '5', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.executor).toBe('loop');
    expect(report.endpoints.productos).toMatchObject({ outcome: 'ok', items: 20, threadId: 0 });
    expect(report.endpoints.perfil).toMatchObject({ outcome: 'ok', threadId: 0 });
  });
});
