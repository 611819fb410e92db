import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, MAX_SCENARIO_BYTES } from '../../src/compare/scenario/load-scenario.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arena-scenario-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadScenario on files that are not scenario files', () => {
  it.skipIf(process.platform === 'win32')('refuses a FIFO without opening it for good (no writer: it would hang a plain read)', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(await loadScenario(fifo)).toEqual({ ok: false, error: `${fifo}: is a FIFO, expected a regular file` });
  });

  it.skipIf(process.platform === 'win32')('refuses a symlink to /dev/zero without reading from it', async () => {
    const zero = join(dir, 'zero.yaml');
    await symlink('/dev/zero', zero);
    expect(await loadScenario(zero)).toEqual({ ok: false, error: `${zero}: is a device, expected a regular file` });
  });

  it('refuses a directory', async () => {
    const folder = join(dir, 'folder.yaml');
    await mkdir(folder);
    expect(await loadScenario(folder)).toEqual({ ok: false, error: `${folder}: is a directory, expected a regular file` });
  });

  it('refuses a file over 1 MiB, and reads one of exactly 1 MiB', async () => {
    const big = join(dir, 'big.yaml');
    await writeFile(big, `name: big\n#${'x'.repeat(MAX_SCENARIO_BYTES)}`);
    expect(await loadScenario(big)).toEqual({ ok: false, error: `${big}: larger than 1048576 bytes (1 MiB), too large for a scenario` });
    const fits = join(dir, 'fits.yaml');
    const head = 'name: fits\n#';
    await writeFile(fits, head + 'x'.repeat(MAX_SCENARIO_BYTES - head.length));
    expect(await loadScenario(fits)).toEqual({ ok: true, value: { name: 'fits' } });
  });

  it('names a missing file', async () => {
    expect(await loadScenario(join(dir, 'none.yaml'))).toEqual({ ok: false, error: `${join(dir, 'none.yaml')}: no such file` });
  });
});
