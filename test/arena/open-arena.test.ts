import { lastValueFrom, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { isTargetError, openArena } from '../../src/arena/index.js';
import { loadRequest } from '../../src/domain/load-request.js';
import { summarizeLoad } from '../../src/domain/outcomes.js';
import { startServer, type MockServer } from '../../src/server/index.js';
import { leakedHandles, openHandles } from '../support/handles.js';

let target: MockServer | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

const NONE = { kind: 'none' } as const;

describe('an arena on a --target', () => {
  it('sets the faults asked for, and on close puts back the faults the target had', async () => {
    target = await startServer({ port: 0, faults: { perfil: { kind: 'error', status: 503 } } });
    const arena = await openArena({ target: target.url, seed: 1, maxSockets: 3, faults: { categorias: { kind: 'timeout' } } });
    expect(arena.faults).toEqual({ productos: NONE, categorias: { kind: 'timeout' }, perfil: { kind: 'error', status: 503 } });
    expect((await target.faults()).categorias).toEqual({ kind: 'timeout' });
    await arena.control?.setFault('productos', { kind: 'reset' });
    await arena.close();
    expect(await target.faults()).toEqual({ productos: NONE, categorias: NONE, perfil: { kind: 'error', status: 503 } });
  });

  it('without a control API: loads only, and refuses faults or a session that must steer it', async () => {
    const down = await startServer({ port: 0 });
    await down.close();
    const plain = await openArena({ target: down.url, seed: 1, maxSockets: 1 });
    expect(plain.control).toBeUndefined();
    await plain.close();
    for (const options of [{ faults: { perfil: { kind: 'reset' } } as const }, { needsControl: true }]) {
      const refused = await openArena({ target: down.url, seed: 1, maxSockets: 1, ...options }).catch((error: unknown) => error);
      expect(isTargetError(refused)).toBe(true);
      expect((refused as Error).message).toMatch(/no async-arena control API answers there/);
    }
  });
});

describe('an arena with the embedded mock server', () => {
  it('loads through one transport with the faults asked for, and leaves nothing open once closed', async () => {
    const before = openHandles();
    const arena = await openArena({ embedded: 'inline', seed: 1, maxSockets: 3, faults: { categorias: { kind: 'error', status: 500 } } });
    const events = await lastValueFrom(arena.load('reactive', loadRequest()).pipe(toArray()));
    expect(summarizeLoad('reactive', events)).toMatchObject({ delivered: 2, failed: 1, lost: 0 });
    await arena.close();
    expect(await leakedHandles(before)).toEqual([]);
  });
});
