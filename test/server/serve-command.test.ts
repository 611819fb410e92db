import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.js';
import { leakedHandles, openHandles } from '../support/handles.js';
import { observe } from './http-probe.js';

const BIN = fileURLToPath(new URL('../../bin/async-arena.js', import.meta.url));

/** Runs `async-arena ARGS…`; `whenListening` (if given) runs once it prints its address, then the process gets SIGINT. */
const runCli = async (args: string[], whenListening?: (url: string) => Promise<void>): Promise<{ code: number | null; stdout: string; stderr: string }> => {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const url = /^listening on (\S+)\n/.exec(stdout)?.[1];
    if (url !== undefined && whenListening !== undefined) {
      const act = whenListening;
      whenListening = undefined;
      void act(url).finally(() => child.kill('SIGINT'));
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
};

let baseline: string[];
beforeEach(() => {
  baseline = openHandles();
});
afterEach(async () => {
  expect(await leakedHandles(baseline)).toEqual([]);
});

describe('async-arena serve', () => {
  it('prints exactly its address, serves the API with the faults given, and exits 130 on SIGINT (Ctrl+C)', async () => {
    const seen: Awaited<ReturnType<typeof observe>>[] = [];
    const result = await runCli(['serve', '--port', '0', '--latency', '0', '--fault', 'perfil=error:503'], async (url) => {
      seen.push(await observe(`${url}/api/categorias`), await observe(`${url}/api/perfil`));
    });
    expect(result).toEqual({ code: 130, stdout: expect.stringMatching(/^listening on http:\/\/127\.0\.0\.1:\d+\n$/), stderr: '' });
    expect(seen.map((s) => s.status)).toEqual([200, 503]);
  });

  it('lets pages of an --allow-origin origin use the control API, and no other origin', async () => {
    const seen: Awaited<ReturnType<typeof observe>>[] = [];
    const result = await runCli(['serve', '--port', '0', '--allow-origin', 'http://localhost:5173'], async (url) => {
      const get = (origin: string) => observe(`${url}/__control/faults`, { headers: { origin } });
      seen.push(await get('http://localhost:5173'), await get('http://evil.test'));
    });
    expect(result.code).toBe(130); // serve runs until stopped (SIGINT here)
    expect(seen.map((s) => s.status)).toEqual([200, 403]);
  });

  it('exits 1 with one line when the port is in use (the environment, not the input)', async () => {
    const taken = await startServer({ port: 0 });
    const port = new URL(taken.url).port;
    const result = await runCli(['serve', '--port', port]);
    await taken.close();
    expect(result).toEqual({ code: 1, stdout: '', stderr: `async-arena: port ${port} is in use; try --port 0\n` });
  });

  it.each([
    [['serve', '--port', 'abc'], '--port'],
    [['serve', '--fault', 'perfil=explode'], 'unknown kind "explode"'],
    [['serve', '--host', '0.0.0.0', '--port', '0'], '--allow-remote'],
    [['serve', '--allow-origin', 'localhost:5173'], 'expected an http(s) origin'],
    [['serve', '--allow-origin', 'http://localhost:5173/app'], 'without a path'],
  ])('exits 2 with a one-line message for %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
