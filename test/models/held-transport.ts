import { ENDPOINTS, type Endpoint } from '../../src/domain/endpoints.js';
import type { Transport, TransportResponse } from '../../src/domain/transport.js';

/**
 * A transport for ONE load of the three endpoints that sends `held`'s request only once the other two
 * have come back. Tests that say "the other two had already arrived when `held` failed" then hold
 * by construction, not by server latencies: on a busy machine a stalled event loop fires the server's
 * 10, 20 and 40 ms timers in one go, and the fault could reach the model before the data it should lose.
 */
export const holdUntilOthersAnswer = (transport: Transport, held: Endpoint): Transport => {
  const answered = new Map<Endpoint, () => void>();
  const others = Promise.all(
    ENDPOINTS.filter((e) => e !== held).map((e) => new Promise<void>((resolve) => answered.set(e, resolve))),
  );
  return {
    get: async (call): Promise<TransportResponse> => {
      if (call.endpoint === held) {
        await others;
        return transport.get(call);
      }
      const response = transport.get(call);
      void response.finally(answered.get(call.endpoint)).catch(() => undefined);
      return response;
    },
  };
};
