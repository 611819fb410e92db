import { describe, expect, it } from 'vitest';
import { invalidHeaderByte, startHostileServer } from '../support/hostile-server.js';
import { runCli } from './run-cli.js';

describe('run --target whose every answer carries an invalid header byte', () => {
  it('fails each request as protocol (the server did answer), not "cannot reach", exit 0', async () => {
    const target = await startHostileServer(invalidHeaderByte);
    try {
      const { code, stdout, stderr } = await runCli('run', 'callbacks', '--target', target.url, '--json');
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const report = JSON.parse(stdout);
      for (const endpoint of ['productos', 'categorias', 'perfil']) {
        expect(report.endpoints[endpoint]).toMatchObject({ outcome: 'failed', reason: 'protocol' });
      }
    } finally {
      await target.close();
    }
  });
});
