import { Observable } from 'rxjs';
import type { ArenaEvent } from '../domain/events.js';
import type { LoadRequest } from '../domain/load-request.js';
import type { ModelId } from '../domain/models.js';
import type { Transport } from '../domain/transport.js';
import { wrapLoadTransport, type LoadTransport } from './support/load-transport.js';
import { MODELS } from './registry.js';

/**
 * Runs one model's load with the harness watching the wire: the transport is wrapped so every
 * response that arrived intact emits an `arrived` event (ground truth, before the model sees it),
 * merged with the model's own events. On the `threads` executor an arrival is recorded when the
 * thread's response reaches the main thread. Completes when the model's stream completes; unsubscribing
 * cancels the load. Fold the events with `summarizeLoad` to find data the model lost.
 *
 * @example
 * const events = await lastValueFrom(instrumentedLoad('futures', transport, loadRequest()).pipe(toArray()));
 * summarizeLoad('futures', events).lost; // 0 for a correct model
 */
export const instrumentedLoad = (model: ModelId, transport: LoadTransport, request: LoadRequest): Observable<ArenaEvent> =>
  new Observable<ArenaEvent>((subscriber) => {
    const origin = performance.now();
    const watched = wrapLoadTransport(
      transport,
      (inner): Transport => ({
        get: (call) =>
          inner.get(call).then((response) => {
            subscriber.next({ type: 'arrived', model, requestId: call.requestId, endpoint: call.endpoint, at: performance.now() - origin });
            return response;
          }),
      }),
    );
    return MODELS[model].load(watched, request).subscribe(subscriber);
  });
