import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dribbleForever, startHostileServer, type HostileServer } from '../support/hostile-server.js';
import { runCli } from './run-cli.js';

const ESC = '\u001b';

describe('the CLI on bad input', () => {
  it('names an unknown command instead of passing it to the dashboard', async () => {
    const { code, stdout, stderr } = await runCli('runn', 'callbacks');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe("async-arena: unknown command 'runn' (commands: dashboard, run, serve, compare, scenarios; see --help)\n");
  });

  it('strips control characters from a scenario it echoes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'arena-'));
    try {
      const file = join(dir, 'evil.yaml');
      await writeFile(file, `name: evil\ndescription: "red ${'\\e'}[31m and a bell \\a"\nruns: 1\nwarmup: 0\nmodels: [callbacks]\nvariant: correct\nlatency: { productos: { ms: 1 }, categorias: { ms: 1 }, perfil: { ms: 1 } }\n`);
      const { code, stdout } = await runCli('compare', '--scenario', file);
      expect(code).toBe(0);
      expect(stdout).toContain('Scenario evil — red  and a bell  \n');
      expect(stdout).not.toContain(ESC);
      expect(stdout).not.toContain('\u0007');
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('compare --scenario with a hostile file', () => {
  it.skipIf(process.platform === 'win32').each([
    ['an undefined alias', (dir: string) => writeFile(join(dir, 'x.yaml'), 'name: *nope\n'), /^async-arena: .*x\.yaml: invalid YAML: line 1, column 7: Unresolved alias .*: nope\n$/],
    ['a FIFO', async (dir: string) => void (await import('node:child_process')).execFileSync('mkfifo', [join(dir, 'x.yaml')]), /^async-arena: .*x\.yaml: is a FIFO, expected a regular file\n$/],
  ])('%s: one line naming the file and the position, exit 2', async (_name, make, line) => {
    const dir = await mkdtemp(join(tmpdir(), 'arena-'));
    try {
      await make(dir);
      const { code, stdout, stderr } = await runCli('compare', '--scenario', join(dir, 'x.yaml'));
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(line);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('compare --target whose control API fails', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    server?.close();
    if (server) await once(server, 'close');
    server = undefined;
  });

  it('says so in one sanitized line and exits 1, no stack trace', async () => {
    const none = { kind: 'none' };
    server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.method === 'GET' && request.url === '/__control/faults') return void response.end(JSON.stringify({ productos: none, categorias: none, perfil: none }));
      response.statusCode = 500;
      response.end(JSON.stringify({ error: `broken${ESC}[2J control` }));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { code, stdout, stderr } = await runCli('compare', '--target', url, '--runs', '1', '--warmup', '0', '--models', 'callbacks', '--variant', 'correct');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n').filter((line) => !line.includes('note:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^async-arena: http:\/\/127\.0\.0\.1:\d+: control API: PUT \/__control\/faults\/\w+ answered 500: broken control$/);
    expect(stderr).not.toContain(ESC);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('compare --target whose control API is hostile', () => {
  let hostile: HostileServer | undefined;
  afterEach(async () => {
    await hostile?.close();
    hostile = undefined;
  });

  const compareOnce = (url: string) => runCli('compare', '--target', url, '--runs', '1', '--warmup', '0', '--models', 'callbacks', '--variant', 'correct');

  it('dribbling every answer: no control API once the probe deadline has passed, measured as any target, every request a timeout', async () => {
    hostile = await startHostileServer(dribbleForever(20));
    const { code, stdout, stderr } = await compareOnce(hostile.url);
    expect(code).toBe(0);
    expect(stderr).toContain('async-arena: note: --target has no control API: the server cross-check is unavailable (marked in the report)\n');
    expect(stdout).toContain('server cross-check unavailable');
    expect(stdout).not.toMatch(/\n\s+at /);
  });
});

describe('output into a reader that stops early', () => {
  it('ends quietly when the pipe closes (run … | head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['bin/async-arena.js', 'run', 'callbacks', '--requests', '60'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy()); // the reader goes away after the first lines
    const [code] = (await once(child, 'close')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
