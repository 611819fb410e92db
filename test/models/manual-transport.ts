import { setMaxListeners } from 'node:events';
import { TransportError, type Transport, type TransportCall, type TransportResponse } from '../../src/domain/transport.js';

/**
 * A fake in-process transport the test drives by hand: each call waits until the test resolves it,
 * and the log records the order in which calls started and ended. Aborting a call rejects it as canceled.
 */
export class ManualTransport implements Transport {
  readonly log: string[] = [];
  readonly #pending = new Map<number, (response: TransportResponse) => void>();

  get(call: TransportCall): Promise<TransportResponse> {
    this.log.push(`start ${call.requestId}`);
    // The load's one signal is shared by every call here (a real transport links it once per load): no limit on listeners.
    if (call.signal) setMaxListeners(0, call.signal);
    return new Promise((resolve, reject) => {
      this.#pending.set(call.requestId, resolve);
      call.signal?.addEventListener('abort', () => reject(new TransportError('canceled', 'canceled')), { once: true });
    });
  }

  /** Ids of the calls waiting to be resolved. */
  get inFlight(): number[] {
    return [...this.#pending.keys()];
  }

  /** Answers call `requestId` with an empty 200. */
  resolve(requestId: number): void {
    const resolve = this.#pending.get(requestId);
    if (!resolve) throw new Error(`request ${requestId} is not in flight`);
    this.#pending.delete(requestId);
    this.log.push(`end ${requestId}`);
    resolve({ status: 200, data: [], items: 0 });
  }
}

/** Lets promises, nextTick callbacks and immediates run. */
export const settle = async (): Promise<void> => {
  for (let round = 0; round < 3; round += 1) await new Promise<void>((resolve) => setImmediate(resolve));
};
