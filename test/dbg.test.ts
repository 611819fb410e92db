import { it } from 'vitest';
import { startServer, uniformLatency } from '../src/server/index.js';
import { createHttpTransport } from '../src/transport/http-transport.js';
import { buildPlan } from '../src/compare/plan.js';
import { runComparison } from '../src/compare/runner/run-comparison.js';
import { instrumentedLoad } from '../src/models/instrumented-load.js';
it('dbg', async () => {
  const server = await startServer({ port: 0, latency: uniformLatency({ ms: 8, jitterMs: 6 }) });
  const transport = createHttpTransport({ baseUrl: server.url });
    const plan = buildPlan({
      name: 'paired', runs: 2, warmup: 1, variant: 'both', concurrency: [9],
      client: { deadlineMs: 5_000 },
      faults: { productos: { kind: 'error', status: 503, probability: 0.5 }, perfil: { kind: 'latency', ms: 3, jitterMs: 3, probability: 0.5 } },
    });
  const recs = await runComparison(plan, { server, load: (m, r) => instrumentedLoad(m, transport, r) });
  for (const r of recs) console.log(r.repetition, r.model, r.variant, JSON.stringify(r.server), r.serverPlan, r.totalMs.toFixed(1));
  transport.close(); await server.close();
});
