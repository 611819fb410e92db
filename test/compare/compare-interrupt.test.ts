import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { compareReportSchema } from '../../src/compare/report/report-schema.js';
import { startServer, uniformLatency } from '../../src/server/index.js';
import { nextRequest } from '../support/next-request.js';

describe('compare interrupted by Ctrl+C', () => {
  it('finishes the load in progress, writes the partial report marked as such, and exits 130', async () => {
    // Slow answers keep the first load in progress when the signal lands.
    const server = await startServer({ port: 0, latency: uniformLatency({ ms: 400, jitterMs: 0 }) });
    try {
      const args = ['bin/async-arena.js', 'compare', '--target', server.url, '--runs', '20', '--warmup', '0', '--models', 'futures', '--variant', 'correct', '--format', 'json'];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (stdout += chunk));
      // The repetition's raw-transport load asks for /productos first, then the contender's load: the signal lands during the latter.
      void nextRequest(server.server, '/api/productos')
        .then(() => nextRequest(server.server, '/api/productos'))
        .then(() => child.kill('SIGINT'));
      const [code] = (await once(child, 'close')) as [number | null];
      expect(code).toBe(EXIT.interrupted);
      const report = compareReportSchema.parse(JSON.parse(stdout));
      expect(report.partial).toBe(true);
      const [result] = report.results;
      // the load under way when Ctrl+C came was finished and counted; the other 19 never started
      expect(result?.runs).toBe(1);
      expect(result?.endpoints.productos.ok).toBe(1);
      expect(report.transportRecords).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
