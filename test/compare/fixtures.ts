import type { Endpoint } from '../../src/domain/endpoints.js';
import type { ModelId, Variant } from '../../src/domain/models.js';
import type { EndpointTally } from '../../src/domain/outcomes.js';
import type { RunRecord } from '../../src/compare/run-record.js';

const tally = (ok: number, failed = 0, lost = 0, reasons: EndpointTally['reasons'] = {}): EndpointTally => ({ ok, failed, lost, reasons });

/** A measured run of the EcoMarket page where /categorias timed out; naive runs lose /perfil. */
export const runRecord = (model: ModelId, variant: Variant, run: number, totalMs: number, concurrency = 3): RunRecord => {
  const endpoints: Record<Endpoint, EndpointTally> =
    variant === 'correct'
      ? { productos: tally(1), categorias: tally(0, 1, 0, { timeout: 1 }), perfil: tally(1) }
      : { productos: tally(1), categorias: tally(0, 1, 0, { timeout: 1 }), perfil: tally(0, 0, 1, { discarded: 1 }) };
  return {
    model,
    executor: 'loop',
    variant,
    concurrency,
    inFlight: 100,
    repetition: run,
    position: 0,
    serverPlan: `plan${run}`,
    totalMs,
    firstResultMs: 20 + run,
    endpoints,
    delivered: variant === 'correct' ? 2 : 1,
    lost: variant === 'correct' ? 0 : 1,
    attempts: 3,
    server: { productos: { received: 1, ok: 1 }, categorias: { received: 1, ok: 0 }, perfil: { received: 1, ok: 1 } },
    cpuMs: 2 + run,
    peakRssBytes: (100 + run) * 1024 * 1024,
    eventLoopP99Ms: 1 + run,
  };
};
