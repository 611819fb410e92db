import { afterEach, describe, expect, it } from 'vitest';
import { openDashboardServer } from '../../src/cli/dashboard-server.js';
import { startServer, type MockServer } from '../../src/server/index.js';

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
