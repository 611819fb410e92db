import { chmod, mkdir, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutFile } from '../../src/cli/out-file.js';
import { startHostileServer } from '../support/hostile-server.js';
import { runCli } from './run-cli.js';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'arena-out-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('checkOutFile', () => {
  it('accepts a new file in an existing folder, and an existing file, leaving its content alone', async () => {
    await expect(checkOutFile(join(dir, 'new.md'))).resolves.toBeUndefined();
    const existing = join(dir, 'old.md');
    await writeFile(existing, 'keep');
    await expect(checkOutFile(existing)).resolves.toBeUndefined();
    expect(await readFile(existing, 'utf8')).toBe('keep');
  });

  it.each([
    ['a missing folder', () => join(dir, 'nowhere', 'x.md'), /folder .*nowhere does not exist$/],
    ['a directory', () => dir, /is a directory, expected a file$/],
    ['a path under a file', () => join(dir, 'plain', 'x.md'), /plain is not a folder$/],
    ['/proc/version', () => '/proc/version', /is read-only$/],
    ['a read-only file', () => join(dir, 'locked.md'), /is read-only$/],
  ])('refuses %s with one line naming --out', async (_name, path, message) => {
    await writeFile(join(dir, 'plain'), '');
    await writeFile(join(dir, 'locked.md'), '');
    await chmod(join(dir, 'locked.md'), 0o444);
    if (path() === '/proc/version' && process.platform !== 'linux') return;
    await expect(checkOutFile(path())).rejects.toThrow(message);
    await expect(checkOutFile(path())).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^--out /) });
  });
});

describe('compare --out to a place it cannot write', () => {
  it('fails with one line and exit 2 before measuring anything', async () => {
    let requests = 0;
    const target = await startHostileServer((_req, res) => {
      requests += 1;
      res.writeHead(503).end();
    });
    try {
      await mkdir(join(dir, 'sub'), { recursive: true });
      const { code, stdout, stderr } = await runCli('compare', '--target', target.url, '--runs', '1', '--warmup', '0', '--out', join(dir, 'sub'));
      expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `async-arena: --out ${join(dir, 'sub')}: is a directory, expected a file\n` });
      expect(requests).toBe(0);
    } finally {
      await target.close();
    }
  });
});
