import type { LoadRequest } from '../domain/load-request.js';
import type { RawLoadOutcome, RawTransportLoad } from '../domain/raw-transport-load.js';
import type { Transport } from '../domain/transport.js';
import { loadStartQueue, requestEndpoint } from '../models/index.js';

/**
 * A {@link RawTransportLoad} over `transport`: `transport.get` calls bounded by a pool of
 * `maxInFlight` workers under one Promise.all (the raw baseline of `npm run bench:models`), no
 * events, no model. A failed call is counted, never thrown. Its calls start through the same budget
 * of starts per event-loop turn as every model's attempts ({@link loadStartQueue}): the baseline
 * differs from a model by the model alone.
 */
export const rawTransportLoad =
  (transport: Transport): RawTransportLoad =>
  async (request: LoadRequest): Promise<RawLoadOutcome> => {
    let next = 0;
    let failed = 0;
    const starts = loadStartQueue();
    const worker = async (): Promise<void> => {
      while (next < request.requests) {
        const requestId = next++;
        await starts.schedule(() => transport.get({ endpoint: requestEndpoint(requestId), requestId, deadlineMs: request.deadlineMs })).catch(() => void (failed += 1));
      }
    };
    await Promise.all(Array.from({ length: Math.min(request.maxInFlight, request.requests) }, worker));
    return { calls: request.requests, failed };
  };
