import type { Observable } from 'rxjs';
import type { LoadEvent } from '../../domain/events.js';
import type { LoadRequest } from '../../domain/load-request.js';
import type { LoadTransport } from './load-transport.js';

/**
 * The boundary every model exposes: a cold Observable of one load's events. Subscribing starts the
 * load; unsubscribing cancels everything in flight and nothing is emitted after. Every request gets
 * exactly one final `success` or `failure`, then comes `done` and the stream completes. Failures are
 * events, never stream errors (a stream error is a bug). With `request.executor` = `threads` the
 * transport must offer `onThreads`.
 */
export type LoadFn = (transport: LoadTransport, request: LoadRequest) => Observable<LoadEvent>;
