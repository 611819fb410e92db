/** The four models: the registry, the harness that watches them, and the boundary every model crosses. */
export { MODELS, type ModelDefinition } from './registry.js';
export { instrumentedLoad } from './instrumented-load.js';
export type { LoadFn } from './support/load-fn.js';
export { requestEndpoint } from './support/request-endpoint.js';
export { loadTransport, type LoadTransport } from './support/load-transport.js';
export { MAX_LOAD_THREADS } from './support/load-thread-pool.js';
export { loadStartQueue, STARTS_PER_TURN } from './support/define-model.js';
