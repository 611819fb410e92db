import { describe, expect, it } from 'vitest';
import { openArena } from '../../src/arena/index.js';
import { arenaUsageError } from '../../src/cli/arena-errors.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { dribbleForever, startHostileServer } from '../support/hostile-server.js';

describe('an arena on a hostile --target', () => {
  it('a target dribbling its answers gets no control (the dashboard shows no fault keys), not a hang', async () => {
    const hostile = await startHostileServer(dribbleForever(20));
    try {
      const arena = await openArena({ target: hostile.url, seed: 1, maxSockets: 3 });
      expect(arena.control).toBeUndefined();
      await arena.close();
    } finally {
      await hostile.close();
    }
  });

  it('a target that answers the probe, then dribbles, is one usage error with exit code 1', async () => {
    const none = { kind: 'none' };
    let calls = 0;
    const hostile = await startHostileServer((request, response) => {
      calls += 1;
      if (calls === 1) return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ productos: none, categorias: none, perfil: none }));
      dribbleForever(20)(request, response);
    });
    try {
      const error = arenaUsageError(await openArena({ target: hostile.url, seed: 1, maxSockets: 3 }).catch((e: unknown) => e), hostile.url);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(1);
      expect((error as UsageError).message).toMatch(/control API: GET \/__control\/faults failed: no complete answer/);
    } finally {
      await hostile.close();
    }
  });
});
