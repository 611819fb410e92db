import type { Observable } from 'rxjs';
import type { ArenaEvent } from './events.js';
import type { LoadRequest } from './load-request.js';
import type { ModelId } from './models.js';

/**
 * One model's load with the harness watching the wire: the model's events plus an `arrived` for
 * every response that reached the client intact. Cold; unsubscribing aborts it. An arena session
 * provides it (`openArena(…).load`); the dashboard's rounds and the comparisons run it.
 */
export type InstrumentedLoad = (model: ModelId, request: LoadRequest) => Observable<ArenaEvent>;
