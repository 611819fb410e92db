import { afterEach, describe, expect, it } from 'vitest';
import { openDashboardServer } from '../../src/cli/dashboard-server.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { startServer, type MockServer } from '../../src/server/index.js';
import { dribbleForever, startHostileServer } from '../support/hostile-server.js';

let target: MockServer | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

describe('the dashboard on a --target', () => {
  it('puts back the faults the target had when the dashboard quits', async () => {
    target = await startServer({ port: 0, faults: { perfil: { kind: 'error', status: 503 } } });
    const dashboard = await openDashboardServer(target.url, 1);
    expect(dashboard.faults.perfil).toEqual({ kind: 'error', status: 503 });
    await dashboard.control?.setFault('categorias', { kind: 'timeout' });
    await dashboard.control?.clearFaults();
    await dashboard.close();
    expect(await target.faults()).toEqual({ productos: { kind: 'none' }, categorias: { kind: 'none' }, perfil: { kind: 'error', status: 503 } });
  });
});

describe('the dashboard on a hostile --target', () => {
  it('a target dribbling its answers gets no fault keys, not a blank screen', async () => {
    const hostile = await startHostileServer(dribbleForever(20));
    try {
      const dashboard = await openDashboardServer(hostile.url, 1);
      expect(dashboard.control).toBeUndefined();
      await dashboard.close();
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
      const error: unknown = await openDashboardServer(hostile.url, 1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(1);
      expect((error as UsageError).message).toMatch(/control API: GET \/__control\/faults failed: no complete answer/);
    } finally {
      await hostile.close();
    }
  });
});
