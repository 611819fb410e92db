/** The Python-style runtime the futures and async/await lessons are written against. */
export { Executor } from './executor.js';
export { CancelledError, Future, type FutureState } from './future.js';
export { ALL_COMPLETED, FIRST_COMPLETED, wait, type ReturnWhen } from './wait.js';
export { asCompleted } from './as-completed.js';
export { gather, type GatherOptions } from './gather.js';
